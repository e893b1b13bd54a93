package com.jorge.platform.bi;

import java.util.List;

/**
 * Percentiles by the nearest-rank method: the p-th percentile of n sorted samples is the sample at
 * rank ceil(p/100 * n). Always an observed value, and the same definition in the rollup and the report.
 */
public final class NearestRank {
    private NearestRank() {}

    /** The percentile of {@code sorted} (ascending), or null when there are no samples. */
    public static Integer of(List<Integer> sorted, int percentile) {
        if (percentile < 1 || percentile > 100) throw new IllegalArgumentException("percentile must be 1..100");
        if (sorted.isEmpty()) return null;
        long rank = ((long) percentile * sorted.size() + 99) / 100; // ceil in integers: no 0.95 * 20 = 18.999...
        return sorted.get((int) Math.max(rank, 1) - 1);
    }
}
