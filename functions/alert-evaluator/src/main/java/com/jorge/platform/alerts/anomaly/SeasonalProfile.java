package com.jorge.platform.alerts.anomaly;

import java.nio.ByteBuffer;

/**
 * A robust daily baseline: per time-of-day bin (by the point's UTC timestamp), an exponentially weighted mean and mean
 * absolute deviation of what the series does at that time of day. A point's residual against its bin says "unusual for
 * this time of day", which a window's Gaussian cannot see (a missing daily peak stays inside the window's range).
 * Weights are in days, not points: a point counts for the share of its bin it covers (its gap to the previous point,
 * at most {@link #MAX_COVER} seconds, over the bin's length), so one-minute and five-minute series learn a day at the
 * same pace, and a bin scores only
 * once it has seen more than a day. Residuals are clipped at {@link #CLIP} spreads before they update the bin, so an
 * incident does not become the new normal at once. Mutable, part of {@link SeriesMemory}; bins x 24 bytes.
 */
final class SeasonalProfile {

    /** Days of a bin seen before it scores: the first day only learns. */
    static final double READY_DAYS = 1.5;
    static final double CLIP = 4;
    /** Seconds of its bin one point stands for at most (NAB's five-minute points stand for all of theirs). */
    static final long MAX_COVER = 300;
    /** Mean absolute deviation to sigma, for Gaussian residuals. */
    private static final double MAD_TO_SIGMA = 1.2533;

    final double[] mean;
    final double[] spread;
    /** Days' worth of points each bin has learned (capped: only the start-up's running mean needs it). */
    final double[] days;
    /** The last point's residual (its sign: above or below its time of day); only for the reading, not kept. */
    double lastResidual;

    SeasonalProfile(int bins) {
        mean = new double[bins];
        spread = new double[bins];
        days = new double[bins];
    }

    int bins() {
        return mean.length;
    }

    /**
     * The value's residual against its time-of-day bin in sigmas (NaN while the bin is still learning), then the bin
     * learns the value; {@code dayShare} of the bin that each day replaces, {@code gapSeconds} since the previous point.
     */
    double observe(long epochSecond, long gapSeconds, double value, double dayShare, double floor) {
        long binSeconds = 86_400L / mean.length;
        int bin = (int) Math.min(mean.length - 1, Math.floorMod(epochSecond, 86_400L) / binSeconds);
        // a point after a gap stands for at most MAX_COVER seconds: one stray value must not become the bin's day
        double covers = Math.min(MAX_COVER, Math.max(1, gapSeconds)) / (double) Math.max(binSeconds, MAX_COVER);
        double r = value - mean[bin];
        lastResidual = r;
        double sigma = Math.max(MAD_TO_SIGMA * spread[bin], floor);
        boolean ready = days[bin] >= READY_DAYS;
        double z = ready ? r / sigma : Double.NaN;
        if (days[bin] == 0) {
            // the bin's first point: its mean, no spread yet
            days[bin] = covers;
            mean[bin] = value;
            return z;
        }
        days[bin] = Math.min(days[bin] + covers, 1e6);
        // a running mean over the first day, then exponential forgetting at dayShare a day
        double a = Math.max(covers / days[bin], 1 - Math.pow(1 - dayShare, covers));
        double clipped = ready ? Math.max(-CLIP * sigma, Math.min(CLIP * sigma, r)) : r;
        mean[bin] += a * clipped;
        spread[bin] += a * (Math.abs(clipped) - spread[bin]);
        return z;
    }

    void write(ByteBuffer b) {
        for (int i = 0; i < mean.length; i++) b.putDouble(mean[i]).putDouble(spread[i]).putDouble(days[i]);
    }

    boolean read(ByteBuffer b) {
        for (int i = 0; i < mean.length; i++) {
            mean[i] = b.getDouble();
            spread[i] = b.getDouble();
            days[i] = b.getDouble();
            if (!(days[i] >= 0) || !(spread[i] >= 0) || !Double.isFinite(mean[i])) return false;
        }
        return true;
    }

    static int bytes(int bins) {
        return bins * 3 * 8;
    }
}
