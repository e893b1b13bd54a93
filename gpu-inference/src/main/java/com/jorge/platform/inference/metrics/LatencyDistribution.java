package com.jorge.platform.inference.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies bucketed for CloudWatch percentiles: log-linear buckets, 16 per power of two (each at most
 * 6.25 % wide, so a percentile read from bucket midpoints is within about 3 % of the true value), from
 * 1 µs to about 2 minutes in milliseconds. Recording is one atomic increment; {@link #drain()} takes
 * what was recorded and starts afresh, losing nothing that races it.
 */
public final class LatencyDistribution {

    private static final int SUB_BUCKETS = 16;
    private static final int MIN_EXPONENT = -10; // 2^-10 ms ≈ 1 µs
    private static final int MAX_EXPONENT = 16;  // 2^17 ms ≈ 131 s
    private static final int BUCKETS = (MAX_EXPONENT - MIN_EXPONENT + 1) * SUB_BUCKETS;

    /** One bucket that had samples: its midpoint in milliseconds and how many fell in it. */
    public record Bucket(double millis, long count) {
    }

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    public void recordNanos(long nanos) {
        counts.incrementAndGet(index(nanos / 1e6));
    }

    static int index(double millis) {
        if (!(millis > 0x1p-10)) { // also NaN and negatives: the smallest bucket
            return 0;
        }
        long bits = Double.doubleToRawLongBits(millis);
        int exponent = (int) ((bits >>> 52) & 0x7ff) - 1023;
        if (exponent > MAX_EXPONENT) {
            return BUCKETS - 1;
        }
        int sub = (int) ((bits >>> 48) & 0xf); // the top 4 bits of the mantissa
        return (exponent - MIN_EXPONENT) * SUB_BUCKETS + sub;
    }

    /** The middle of bucket {@code index}, in milliseconds. */
    static double midpoint(int index) {
        int exponent = index / SUB_BUCKETS + MIN_EXPONENT;
        int sub = index % SUB_BUCKETS;
        return Math.scalb(1 + (sub + 0.5) / SUB_BUCKETS, exponent);
    }

    /** The buckets that had samples since the last drain, smallest first; empties them. */
    public List<Bucket> drain() {
        List<Bucket> out = new ArrayList<>();
        for (int i = 0; i < BUCKETS; i++) {
            if (counts.get(i) != 0) {
                long n = counts.getAndSet(i, 0);
                if (n > 0) {
                    out.add(new Bucket(midpoint(i), n));
                }
            }
        }
        return out;
    }
}
