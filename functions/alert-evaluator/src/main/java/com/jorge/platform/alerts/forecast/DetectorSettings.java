package com.jorge.platform.alerts.forecast;

/**
 * The detector's knobs, in points of the series (one point a minute in production).
 *
 * @param trendWindow        points the robust trend is fitted on
 * @param minPoints          fewer points than this give no verdict at all
 * @param confirmations      consecutive evaluations that must agree before an alert fires or resolves
 * @param noiseMargin        how many residual spreads under the threshold the fitted level must be before an alert resolves
 *                           (hysteresis); the predicted breach itself is the calibrated probability's ({@link BreachCalibration})
 * @param spikeZ             robust z-score from which a point is flagged anomalous
 * @param baselineWindow     points the anomaly baseline (median, MAD) is taken from
 * @param relativeSpreadFloor smallest spread, as a fraction of the level, so flat or quantised series do not make
 *                           every wiggle "significant"
 * @param noveltyWindow      when above 0, a point is anomalous only if it also lies outside everything seen in
 *                           this many earlier points: recurring bursts (a nightly batch) stop being news
 */
public record DetectorSettings(int trendWindow, int minPoints, int confirmations, double noiseMargin,
                               double spikeZ, int baselineWindow, double relativeSpreadFloor, int noveltyWindow) {

    public DetectorSettings {
        if (trendWindow < 3) throw new IllegalArgumentException("trendWindow must be at least 3");
        if (minPoints < 3 || minPoints > trendWindow) throw new IllegalArgumentException("minPoints must be between 3 and trendWindow");
        if (confirmations < 1) throw new IllegalArgumentException("confirmations must be at least 1");
        if (noiseMargin < 0 || spikeZ <= 0) throw new IllegalArgumentException("noiseMargin and spikeZ must be positive");
        if (baselineWindow < 5) throw new IllegalArgumentException("baselineWindow must be at least 5");
        if (relativeSpreadFloor < 0) throw new IllegalArgumentException("relativeSpreadFloor must not be negative");
        if (noveltyWindow < 0) throw new IllegalArgumentException("noveltyWindow must not be negative");
    }

    /**
     * Production defaults for one point a minute: a 30-minute trend, 3 agreeing minutes, a one-hour anomaly
     * baseline, and a day of history for novelty.
     */
    public static DetectorSettings defaults() {
        return new DetectorSettings(30, 15, 3, 2.0, 6.0, 60, 0.01, 1440);
    }

    public DetectorSettings withNoveltyWindow(int points) {
        return new DetectorSettings(trendWindow, minPoints, confirmations, noiseMargin, spikeZ, baselineWindow, relativeSpreadFloor, points);
    }

    public DetectorSettings withConfirmations(int n) {
        return new DetectorSettings(trendWindow, minPoints, n, noiseMargin, spikeZ, baselineWindow, relativeSpreadFloor, noveltyWindow);
    }

    /** Points of history one evaluation needs, with the extra ones the confirmations re-evaluate. */
    public int lookbackPoints() {
        return Math.max(Math.max(trendWindow, baselineWindow + 1), noveltyWindow + 1) + confirmations - 1;
    }
}
