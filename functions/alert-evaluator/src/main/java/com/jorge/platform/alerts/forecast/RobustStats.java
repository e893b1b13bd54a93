package com.jorge.platform.alerts.forecast;

import org.apache.commons.statistics.descriptive.Median;

/** Median and MAD through Commons Statistics; callers keep their arrays (the library reorders in place). */
final class RobustStats {

    /** Scales a MAD to a standard deviation for Gaussian noise. */
    static final double MAD_TO_SIGMA = 1.4826;
    private static final Median MEDIAN = Median.withDefaults().withCopy(true);

    private RobustStats() {}

    static double median(double[] values) {
        return MEDIAN.evaluate(values);
    }

    /** Median absolute deviation from {@code center}, scaled to a standard deviation. */
    static double sigma(double[] values, double center) {
        double[] dev = new double[values.length];
        for (int i = 0; i < values.length; i++) dev[i] = Math.abs(values[i] - center);
        return MAD_TO_SIGMA * MEDIAN.evaluate(dev);
    }

    /** The spread used for decisions: never below a fraction of the level, nor zero. */
    static double floored(double sigma, double level, double relativeFloor) {
        return Math.max(Math.max(sigma, relativeFloor * Math.abs(level)), 1e-9);
    }
}
