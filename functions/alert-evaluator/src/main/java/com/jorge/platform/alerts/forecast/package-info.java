/**
 * The threshold forecaster: {@link MetricAssessor} judges a {@link MetricSeries} with a Theil-Sen trend
 * ({@link TheilSenTrend}, {@link ThresholdForecaster}) and a robust spike check ({@link SpikeDetector}), confirmed
 * over several points ({@link Evidence}) before an alert may change. Pure computation, no I/O.
 */
package com.jorge.platform.alerts.forecast;
