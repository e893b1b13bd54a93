package com.jorge.platform.alerts.forecast;

/**
 * One metric, now: the latest verdict, what the last evaluations agree on, and the anomaly flag.
 *
 * @param sustainedAnomaly the last {@code confirmations} points were all anomalous on the bad side
 */
public record Assessment(Verdict latest, Evidence evidence, SpikeCheck spike, boolean sustainedAnomaly) {
}
