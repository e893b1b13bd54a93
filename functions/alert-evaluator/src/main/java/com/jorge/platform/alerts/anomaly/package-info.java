/**
 * The streaming anomaly detector ("anomaly now"): {@link com.jorge.platform.alerts.anomaly.StreamingAnomalyDetector}
 * feeds one point at a time into a bounded {@link com.jorge.platform.alerts.anomaly.SeriesMemory} (kept in Redis
 * between runs) and answers an {@link com.jorge.platform.alerts.anomaly.AnomalyReading}: an ensemble of relative
 * entropy (histograms), a windowed Gaussian spike check, the anomaly likelihood of its tail scores, a daily baseline
 * ({@link com.jorge.platform.alerts.anomaly.SeasonalProfile}) and an ARTime-like adaptive-resonance novelty part
 * ({@link com.jorge.platform.alerts.anomaly.ResonanceNovelty}), settings in
 * {@link com.jorge.platform.alerts.anomaly.AnomalySettings}. Pure computation, no I/O.
 */
package com.jorge.platform.alerts.anomaly;
