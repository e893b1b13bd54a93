package com.jorge.platform.bi.experiments;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The statistics of a fixed-horizon A/B test on conversion rates (commons-math for the distributions):
 * Wilson intervals per variant, the unpooled normal interval of a difference, the pooled two-proportion
 * z-test, and the chi-square goodness-of-fit test of the split (sample-ratio mismatch).
 */
public final class ProportionTest {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    private ProportionTest() {
    }

    /** [low, high] of the Wilson score interval for x successes of n at confidence 1 - alpha; null without data. */
    public static double[] wilson(long x, long n, double alpha) {
        if (n == 0) return null;
        double z = z(alpha);
        double p = (double) x / n;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** [low, high] of rate(b) - rate(a) at confidence 1 - alpha (unpooled normal approximation). */
    public static double[] differenceInterval(long xa, long na, long xb, long nb, double alpha) {
        if (na == 0 || nb == 0) return null;
        double pa = (double) xa / na;
        double pb = (double) xb / nb;
        double se = Math.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb);
        double z = z(alpha);
        return new double[] {pb - pa - z * se, pb - pa + z * se};
    }

    /** Two-sided p-value of the pooled two-proportion z-test of a against b; 1 when nothing can differ. */
    public static double pValue(long xa, long na, long xb, long nb) {
        if (na == 0 || nb == 0) return 1;
        double pooled = (double) (xa + xb) / (na + nb);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / na + 1.0 / nb));
        if (se == 0) return 1;
        double zScore = ((double) xb / nb - (double) xa / na) / se;
        return 2 * NORMAL.cumulativeProbability(-Math.abs(zScore));
    }

    /** p-value of the chi-square goodness-of-fit of the observed counts to the configured weights. */
    public static double sampleRatioPValue(long[] observed, int[] weights) {
        long n = 0;
        long w = 0;
        for (int i = 0; i < observed.length; i++) {
            n += observed[i];
            w += weights[i];
        }
        if (n == 0) return 1;
        double chi2 = 0;
        for (int i = 0; i < observed.length; i++) {
            double expected = (double) n * weights[i] / w;
            chi2 += (observed[i] - expected) * (observed[i] - expected) / expected;
        }
        return 1 - new ChiSquaredDistribution(observed.length - 1).cumulativeProbability(chi2);
    }

    private static double z(double alpha) {
        return NORMAL.inverseCumulativeProbability(1 - alpha / 2);
    }
}
