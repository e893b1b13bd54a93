package com.jorge.platform.perf.cachewarming;

/** Hits over reads in a trace's measured part, and in its peak window. */
public record HitCount(long reads, long hits, long peakReads, long peakHits) {

    public double hitRate() {
        return reads == 0 ? 0 : (double) hits / reads;
    }

    public double peakHitRate() {
        return peakReads == 0 ? 0 : (double) peakHits / peakReads;
    }

    /** Counts one replay's reads by their index in the trace. */
    static final class Counter {
        private final int measureFrom, peakFrom, peakTo;
        private long reads, hits, peakReads, peakHits;

        Counter(Trace trace) {
            measureFrom = trace.measureFrom();
            peakFrom = trace.peakFrom();
            peakTo = trace.peakTo();
        }

        void record(int index, boolean hit) {
            if (index < measureFrom) return;
            reads++;
            if (hit) hits++;
            if (index >= peakFrom && index < peakTo) {
                peakReads++;
                if (hit) peakHits++;
            }
        }

        HitCount result() {
            return new HitCount(reads, hits, peakReads, peakHits);
        }
    }
}
