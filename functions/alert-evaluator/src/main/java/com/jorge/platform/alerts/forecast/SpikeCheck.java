package com.jorge.platform.alerts.forecast;

/**
 * The latest point against its recent baseline.
 *
 * @param zScore    robust z-score (median and MAD of the baseline); positive above it
 * @param anomalous |z| reached the detector's limit
 */
public record SpikeCheck(double zScore, boolean anomalous) {

    public static SpikeCheck notEnoughHistory() {
        return new SpikeCheck(0, false);
    }
}
