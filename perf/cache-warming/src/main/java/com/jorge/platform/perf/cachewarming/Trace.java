package com.jorge.platform.perf.cachewarming;

import java.util.BitSet;

/**
 * A sequence of cache reads: key ids are dense ({@code 0..keyCount-1}) so the caches can index arrays.
 * Hit rates count reads from {@code measureFrom} on (earlier reads only fill the cache); the peak window
 * {@code [peakFrom, peakTo)} is a contiguous run of reads. Caches are sized in bytes: each key has a size
 * (key plus value); a trace file gives none, so its keys weigh 1 each and its sizes are in keys.
 *
 * @param times milliseconds since the trace's start, ascending; null for a trace without times
 * @param bytes each key's size in bytes (key and value), indexed by key
 */
public record Trace(String name, int[] keys, long[] times, int keyCount, int measureFrom, int peakFrom, int peakTo,
                    String peakLabel, int[] bytes) {

    public Trace {
        if (bytes.length != keyCount) throw new IllegalArgumentException("bytes needs one size per key (" + bytes.length + " for " + keyCount + ")");
        for (int b : bytes) if (b < 1) throw new IllegalArgumentException("a key's size must be at least 1 byte (was " + b + ")");
    }

    /** The same reads with these key sizes. */
    public Trace withBytes(int[] bytes) {
        return new Trace(name, keys, times, keyCount, measureFrom, peakFrom, peakTo, peakLabel, bytes);
    }

    /** Bytes of the distinct keys read in the measured part: cache sizes are shares of it. */
    public long measuredBytes() {
        BitSet seen = new BitSet(keyCount);
        long total = 0;
        for (int i = measureFrom; i < keys.length; i++) {
            if (seen.get(keys[i])) continue;
            seen.set(keys[i]);
            total += bytes[keys[i]];
        }
        return total;
    }

    private static int[] unitSizes(int keyCount) {
        int[] ones = new int[keyCount];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    public int size() {
        return keys.length;
    }

    /** Keys read in the measured part. */
    public int measuredKeyCount() {
        BitSet seen = new BitSet(keyCount);
        for (int i = measureFrom; i < keys.length; i++) seen.set(keys[i]);
        return seen.cardinality();
    }

    /**
     * The share of reads, in the measured part and in the peak window, that read a key for the first time
     * in the whole trace: misses for every cache that only learns from reads (the ceiling is 1 minus it).
     */
    public double[] firstReadShares() {
        BitSet seen = new BitSet(keyCount);
        long first = 0, peakFirst = 0;
        for (int i = 0; i < keys.length; i++) {
            if (seen.get(keys[i])) continue;
            seen.set(keys[i]);
            if (i >= measureFrom) first++;
            if (i >= peakFrom && i < peakTo) peakFirst++;
        }
        return new double[] {(double) first / Math.max(1, keys.length - measureFrom), (double) peakFirst / Math.max(1, peakTo - peakFrom)};
    }

    static final long HOUR = 3_600_000L;

    /** A timed trace whose peak is the busiest clock hour (most reads) from {@code measureFrom} on. */
    static Trace timed(String name, int[] keys, long[] times, int keyCount, int measureFrom) {
        int bestFrom = measureFrom, bestTo = measureFrom;
        int from = measureFrom;
        while (from < keys.length) {
            long hour = times[from] / HOUR;
            int to = from;
            while (to < keys.length && times[to] / HOUR == hour) to++;
            if (to - from > bestTo - bestFrom) {
                bestFrom = from;
                bestTo = to;
            }
            from = to;
        }
        String label = bestTo > bestFrom ? "hour " + times[bestFrom] / HOUR + " from the start, " + (bestTo - bestFrom) + " reads" : "none";
        return new Trace(name, keys, times, keyCount, measureFrom, bestFrom, bestTo, label, unitSizes(keyCount));
    }

    /**
     * A trace without times has no clock hour: its "peak" is the one of 24 equal slices of reads that
     * touches the most distinct keys (the largest working set, the hardest stretch for a cache), among
     * the second half's slices, so that the cold start's misses do not pick it.
     */
    static Trace untimed(String name, int[] keys, int keyCount) {
        int slices = 24, bestFrom = 0, bestTo = 0, bestDistinct = -1;
        BitSet seen = new BitSet(keyCount);
        for (int s = slices / 2; s < slices; s++) {
            int from = (int) ((long) keys.length * s / slices), to = (int) ((long) keys.length * (s + 1) / slices);
            seen.clear();
            for (int i = from; i < to; i++) seen.set(keys[i]);
            if (seen.cardinality() > bestDistinct) {
                bestDistinct = seen.cardinality();
                bestFrom = from;
                bestTo = to;
            }
        }
        return new Trace(name, keys, null, keyCount, 0, bestFrom, bestTo,
                "slice of reads " + bestFrom + ".." + bestTo + " (" + bestDistinct + " distinct keys, the most of the last 12 of 24 slices)",
                unitSizes(keyCount));
    }
}
