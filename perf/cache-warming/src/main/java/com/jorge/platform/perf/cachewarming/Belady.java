package com.jorge.platform.perf.cachewarming;

import java.util.Arrays;

/**
 * The offline bound for a demand cache of {@code capacity} bytes. With keys of one size this is Belady's
 * MIN, the exact optimum: knowing every key's next read, on a miss it evicts the cached key read furthest
 * in the future, or does not admit the missed key when that key is read later still (or never). With
 * sizes, the optimum is NP-hard, so {@link #run} is the standard approximation <em>Belady-Size</em>
 * (as in Berger, Beckmann and Harchol-Balter, "Practical Bounds on Optimal Caching with Variable Object
 * Sizes", SIGMETRICS 2018, and Song et al., "Learning Relaxed Belady", NSDI 2020): it evicts the cached
 * keys with the largest size × distance to their next read until the missed key fits, and bypasses the
 * missed key when its own size × distance is larger than every victim's. It is a feasible offline
 * policy, so its hit rate is a lower bound on the optimum's; {@link #upperBound} is an upper bound
 * (the paper's PFOO-L relaxation). A warmer that loads ahead of demand is not a demand cache: its loads
 * are not reads, so it can beat both on keys it predicts.
 */
public final class Belady {

    private static final int NEVER = Integer.MAX_VALUE;

    private Belady() {}

    /** Belady-Size's hits per read, as {@link HitCount} (the trace's measured part and peak window); exact MIN when all keys weigh the same. */
    public static HitCount run(Trace trace, long capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1 byte (was " + capacity + ")");
        int[] keys = trace.keys(), bytes = trace.bytes();
        int n = keys.length;
        int[] nextUse = nextUses(trace);
        // one max-heap by next read per distinct size: within a size the order by next read never changes,
        // so the key with the largest size × distance is the top of one of these few heaps
        int[] classSize = java.util.stream.IntStream.of(bytes).distinct().sorted().toArray();
        int[] classOf = new int[trace.keyCount()];
        for (int k = 0; k < classOf.length; k++) classOf[k] = Arrays.binarySearch(classSize, bytes[k]);
        LongMaxHeap[] heaps = new LongMaxHeap[classSize.length];
        for (int c = 0; c < heaps.length; c++) heaps[c] = new LongMaxHeap(64);
        int[] cachedNext = new int[trace.keyCount()]; // the next read of a cached key, -1 when not cached
        Arrays.fill(cachedNext, -1);
        long used = 0;
        int cached = 0, stale = 0;
        long[] victims = new long[16];
        HitCount.Counter counter = new HitCount.Counter(trace);
        for (int i = 0; i < n; i++) {
            if (stale > 4 * cached + 64) { // drop entries of keys evicted or read again since
                for (LongMaxHeap heap : heaps) heap.retain(e -> cachedNext[key(e)] == next(e));
                stale = 0;
            }
            int key = keys[i], next = nextUse[i], size = bytes[key];
            boolean hit = cachedNext[key] >= 0;
            counter.record(i, hit);
            if (hit) {
                cachedNext[key] = next;
                heaps[classOf[key]].push(entry(next, key));
                stale++;
                continue;
            }
            if (next == NEVER || size > capacity) continue;
            double own = (double) (next - i) * size;
            int taken = 0;
            long freed = 0;
            boolean bypass = false;
            while (used - freed + size > capacity) {
                int best = -1;
                double bestScore = -1;
                for (int c = 0; c < heaps.length; c++) {
                    long top = peekLive(heaps[c], cachedNext);
                    if (top < 0) continue;
                    double score = (double) (next(top) - i) * classSize[c];
                    if (score > bestScore) {
                        bestScore = score;
                        best = c;
                    }
                }
                if (bestScore <= own) { // the missed key is the worst to keep: bypass, put the victims back
                    bypass = true;
                    break;
                }
                if (taken == victims.length) victims = Arrays.copyOf(victims, 2 * taken);
                victims[taken++] = heaps[best].pop();
                freed += classSize[best];
            }
            if (bypass) {
                for (int v = 0; v < taken; v++) heaps[classOf[key(victims[v])]].push(victims[v]);
                continue;
            }
            for (int v = 0; v < taken; v++) cachedNext[key(victims[v])] = -1;
            used += size - freed;
            cached += 1 - taken;
            cachedNext[key] = next;
            heaps[classOf[key]].push(entry(next, key));
            stale += taken;
        }
        return counter.result();
    }

    /**
     * An upper bound on any demand cache's hits at this byte size, the PFOO-L relaxation of Berger et
     * al. (above): a hit on a key needs the key held since its previous read, which costs its size ×
     * that interval (in reads) of the cache's space-time; any cache has at most capacity × the measured
     * part's length of it. Hits counted are the cheapest intervals, taken while the total fits: the
     * largest number any cache could get if it only had to respect its size on average. Its peak figure
     * is what the same choice of intervals gives in the peak window, not a bound for that window alone.
     */
    public static HitCount upperBound(Trace trace, long capacity) {
        int[] keys = trace.keys(), bytes = trace.bytes();
        int n = keys.length, from = trace.measureFrom();
        if (n >= 1 << 24) throw new IllegalArgumentException("trace too long for the bound (" + n + " reads)");
        int[] last = new int[trace.keyCount()];
        Arrays.fill(last, -1);
        long[] intervals = new long[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            int key = keys[i], previous = last[key];
            last[key] = i;
            if (previous < 0 || i < from || bytes[key] > capacity) continue;
            long cost = (long) bytes[key] * (i - Math.max(previous, from));
            intervals[count++] = (cost << 24) | i;
        }
        Arrays.sort(intervals, 0, count);
        boolean[] hit = new boolean[n];
        long budget = capacity * (long) (n - from), spent = 0;
        for (int c = 0; c < count; c++) {
            long cost = intervals[c] >>> 24;
            if (spent + cost > budget) break;
            spent += cost;
            hit[(int) (intervals[c] & ((1 << 24) - 1))] = true;
        }
        HitCount.Counter counter = new HitCount.Counter(trace);
        for (int i = 0; i < n; i++) counter.record(i, hit[i]);
        return counter.result();
    }

    private static int[] nextUses(Trace trace) {
        int[] keys = trace.keys();
        int[] nextUse = new int[keys.length];
        int[] upcoming = new int[trace.keyCount()];
        Arrays.fill(upcoming, NEVER);
        for (int i = keys.length - 1; i >= 0; i--) {
            nextUse[i] = upcoming[keys[i]];
            upcoming[keys[i]] = i;
        }
        return nextUse;
    }

    /** The heap's top whose entry is current (stale ones dropped on the way), or -1 when none is left. */
    private static long peekLive(LongMaxHeap heap, int[] cachedNext) {
        while (heap.size() > 0) {
            long top = heap.peek();
            if (cachedNext[key(top)] == next(top)) return top;
            heap.pop();
        }
        return -1;
    }

    private static long entry(int next, int key) {
        return ((long) next << 32) | key;
    }

    private static int next(long entry) {
        return (int) (entry >>> 32);
    }

    private static int key(long entry) {
        return (int) entry;
    }

    /** A binary max-heap of longs; {@code retain} drops stale entries and re-heapifies. */
    static final class LongMaxHeap {
        private long[] a;
        private int size;

        LongMaxHeap(int initial) {
            a = new long[Math.max(16, initial)];
        }

        int size() {
            return size;
        }

        void push(long v) {
            if (size == a.length) a = Arrays.copyOf(a, size * 2);
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (a[parent] >= v) break;
                a[i] = a[parent];
                i = parent;
            }
            a[i] = v;
        }

        long peek() {
            return a[0];
        }

        long pop() {
            long top = a[0];
            long last = a[--size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) break;
                if (child + 1 < size && a[child + 1] > a[child]) child++;
                if (a[child] <= last) break;
                a[i] = a[child];
                i = child;
            }
            a[i] = last;
            return top;
        }

        void retain(java.util.function.LongPredicate keep) {
            int kept = 0;
            for (int i = 0; i < size; i++) if (keep.test(a[i])) a[kept++] = a[i];
            size = kept;
            for (int i = size / 2 - 1; i >= 0; i--) siftDown(i);
        }

        private void siftDown(int i) {
            long v = a[i];
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) break;
                if (child + 1 < size && a[child + 1] > a[child]) child++;
                if (a[child] <= v) break;
                a[i] = a[child];
                i = child;
            }
            a[i] = v;
        }
    }
}
