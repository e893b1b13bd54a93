package com.jorge.platform.alerts.anomaly;

import java.util.Arrays;

/**
 * A streaming anomaly detector, one point at a time, no look-ahead, its memory bounded by the window
 * ({@link SeriesMemory}). An ensemble of three parts, each catching what the others miss:
 * <ul>
 *   <li><b>residual</b>: the point against the window's robust baseline (median, 1.4826 MAD, floored by a share of
 *   the range so stepped or flat-ish series do not make every wiggle huge): a lone spike or dip;</li>
 *   <li><b>novelty</b>: the point beyond everything in the window and clearly off the baseline: a value the
 *   series has not shown for a window (what ARTime's and HTM's novelty does for single values);</li>
 *   <li><b>change point</b>: two-sided CUSUM of the clipped residuals: a level shift or drift too gradual for
 *   the residual, caught before the baseline absorbs it.</li>
 * </ul>
 * After an alert the series stays quiet for {@code quiet} points, and the CUSUMs restart: one incident, one alert.
 */
public final class StreamingAnomalyDetector {

    private static final double MAD_TO_SIGMA = 1.4826;
    private final AnomalySettings settings;

    public StreamingAnomalyDetector(AnomalySettings settings) {
        this.settings = settings;
    }

    public AnomalySettings settings() {
        return settings;
    }

    public SeriesMemory newMemory() {
        return new SeriesMemory(settings.window());
    }

    /** Feeds one point; a NaN or infinite value, or one not after the last point seen, is skipped and changes nothing. */
    public AnomalyReading observe(SeriesMemory m, long epochSecond, double value) {
        if (!Double.isFinite(value) || epochSecond <= m.lastEpoch) return AnomalyReading.SKIPPED;
        m.lastEpoch = epochSecond;
        m.seen++;
        if (m.count() < Math.max(8, settings.warmup() / 2)) {
            m.add(value);
            return AnomalyReading.QUIET;
        }
        double[] sorted = m.values();
        Arrays.sort(sorted);
        double median = median(sorted);
        double[] deviations = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) deviations[i] = Math.abs(sorted[i] - median);
        Arrays.sort(deviations);
        double min = sorted[0], max = sorted[sorted.length - 1], range = max - min;
        double scale = Math.max(MAD_TO_SIGMA * median(deviations), settings.rangeFloor() * range);
        scale = Math.max(scale, 1e-9 * Math.max(1.0, Math.abs(median)));
        double z = (value - median) / scale;
        double margin = settings.noveltyMargin() * range;
        boolean novel = value > max + margin || value < min - margin;

        double clipped = Math.max(-settings.cusumClip(), Math.min(settings.cusumClip(), z));
        m.cusumUp = Math.max(0, m.cusumUp + clipped - settings.cusumK());
        m.cusumDown = Math.max(0, m.cusumDown - clipped - settings.cusumK());
        double changeRate = Math.max(m.cusumUp, m.cusumDown) / settings.cusumH();
        m.add(value);

        // surprise: evidence counts only when it beats what this series has shown lately
        double zBar = settings.surprise() * m.peakZ, changeBar = settings.surprise() * m.peakChange;
        double decay = Math.pow(0.5, 1.0 / settings.halfLife());
        m.peakZ = Math.max(m.peakZ * decay, Math.abs(z));
        m.peakChange = Math.max(m.peakChange * decay, changeRate);
        // likelihood: the recent mean |residual| against its own long-run distribution (exponentially forgotten)
        double recentMean = m.addRecent(Math.min(Math.abs(z), 2 * settings.residualZ()));
        double likelihoodZ = m.scoreVar > 0 ? (recentMean - m.scoreMean) / Math.sqrt(m.scoreVar) : 0;
        double alpha = 1 - decay;
        double d = recentMean - m.scoreMean;
        m.scoreMean += alpha * d;
        m.scoreVar = (1 - alpha) * (m.scoreVar + alpha * d * d);
        Cause cause = Cause.NONE;
        if (settings.agreement() > 0) {
            cause = vote(Math.abs(z) / Math.max(settings.residualZ(), zBar), changeRate / Math.max(1.0, changeBar),
                    likelihoodZ / settings.likelihoodZ(), novel);
        } else if (settings.likelihood() && likelihoodZ >= settings.likelihoodZ()) cause = Cause.LIKELIHOOD;
        else if (settings.residual() && Math.abs(z) >= Math.max(settings.residualZ(), zBar)) cause = Cause.RESIDUAL;
        else if (settings.novelty() && novel && Math.abs(z) >= Math.max(settings.noveltyZ(), zBar)) cause = Cause.NOVELTY;
        else if (settings.changePoint() && changeRate >= Math.max(1.0, changeBar)) cause = Cause.CHANGE_POINT;
        boolean rising = cause == Cause.CHANGE_POINT ? m.cusumUp >= m.cusumDown : z >= 0;
        if (m.quietLeft > 0 || m.seen < settings.warmup()) {
            if (m.quietLeft > 0) m.quietLeft--;
            // no alert while quiet or warming up, and no change evidence piling up to fire the moment it ends
            m.cusumUp = 0;
            m.cusumDown = 0;
            return new AnomalyReading(z, changeRate, Cause.NONE, rising);
        }
        if (cause != Cause.NONE) {
            m.quietLeft = settings.quiet();
            m.cusumUp = 0;
            m.cusumDown = 0;
        }
        return new AnomalyReading(z, changeRate, cause, rising);
    }

    /** The parts that are on, each its evidence over its alarm level (capped at 2); the strongest names the cause. */
    private Cause vote(double residual, double change, double likelihood, boolean novel) {
        double sum = 0, best = -1;
        int parts = 0;
        Cause strongest = Cause.NONE;
        double[] shares = {settings.residual() ? residual : Double.NaN, settings.changePoint() ? change : Double.NaN,
                settings.likelihood() ? likelihood : Double.NaN, settings.novelty() ? (novel ? 1.0 : 0.0) : Double.NaN};
        Cause[] causes = {Cause.RESIDUAL, Cause.CHANGE_POINT, Cause.LIKELIHOOD, Cause.NOVELTY};
        for (int i = 0; i < shares.length; i++) {
            if (Double.isNaN(shares[i])) continue;
            double share = Math.min(2.0, Math.max(0.0, shares[i]));
            sum += share;
            parts++;
            if (share > best) {
                best = share;
                strongest = causes[i];
            }
        }
        return parts > 0 && sum / parts >= settings.agreement() ? strongest : Cause.NONE;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
