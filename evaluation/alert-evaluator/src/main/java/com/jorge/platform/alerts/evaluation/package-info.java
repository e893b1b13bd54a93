/**
 * The alert evaluator's detector scored offline, never deployed: {@code NabScorer} re-implements the
 * Numenta Anomaly Benchmark's scoring (checked against NAB's published windowedGaussian results),
 * {@code NabReplay} runs the production {@code MetricAssessor} and {@code AlertLifecycle} over NAB's
 * labelled series, {@code AlertOutcomes} counts precision, windows caught and lead time, and
 * {@code SyntheticRamps} measures the warning lead on gradual threshold crossings. The two mains,
 * {@code NabEvaluation} and {@code SyntheticRamps}, are run by functions/alert-evaluator/evaluate.sh.
 */
package com.jorge.platform.alerts.evaluation;
