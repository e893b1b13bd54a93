/**
 * The alert evaluator's detector scored offline, never deployed: {@code NabScorer} re-implements the
 * Numenta Anomaly Benchmark's scoring (checked against NAB's published windowedGaussian results),
 * {@code NabReplay} runs the production {@code MetricAssessor} and {@code AlertLifecycle} over NAB's
 * labelled series, {@code AlertOutcomes} counts precision, windows caught and lead time, and
 * {@code SyntheticRamps} measures the warning lead on gradual threshold crossings. {@code NabEvaluation}
 * (run by functions/alert-evaluator/evaluate.sh, arguments read by {@code EvaluationArguments}) runs a
 * {@code SeriesDetector} over any folder in NAB's layout ({@code NabCorpus}, {@code NabScoresFile}).
 */
package com.jorge.platform.alerts.evaluation;
