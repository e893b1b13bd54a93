/**
 * The threshold forecaster: {@link MetricAssessor} judges a {@link MetricSeries} with a Theil-Sen trend
 * ({@link TheilSenTrend}, {@link ThresholdForecaster}), a calibrated chance of a breach within the horizon
 * ({@link BreachProbability}, {@link BreachCalibration}) and a robust spike check ({@link SpikeDetector}), confirmed
 * over several points ({@link Evidence}) before an alert may change. Pure computation, no I/O.
 */
package com.jorge.platform.alerts.forecast;
