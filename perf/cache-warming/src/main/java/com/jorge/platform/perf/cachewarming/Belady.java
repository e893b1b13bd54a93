package com.jorge.platform.perf.cachewarming;

import java.util.Arrays;

/**
 * Belady's MIN, the offline optimum for a demand cache of {@code capacity} keys: knowing every key's
 * next read, it keeps the keys read soonest; on a miss it evicts the cached key read furthest in the
 * future, or does not admit the missed key when that key is read later still (or never). No online
 * policy reading on demand gets more hits at the same size. A warmer that loads ahead of demand is not a
 * demand cache: its loads are not reads, so it can beat this bound on keys it predicts.
 */
public final class Belady {

    private static final int NEVER = Integer.MAX_VALUE;

    private Belady() {}

    /** Hits per read, as {@link HitCount} (the trace's measured part and peak window). */
    public static HitCount run(Trace trace, int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1 (was " + capacity + ")");
        int[] keys = trace.keys();
        int n = keys.length;
        int[] nextUse = new int[n];
        int[] upcoming = new int[trace.keyCount()];
        Arrays.fill(upcoming, NEVER);
        for (int i = n - 1; i >= 0; i--) {
            nextUse[i] = upcoming[keys[i]];
            upcoming[keys[i]] = i;
        }
        // cachedNext[key]: the next read of a cached key, -1 when not cached; the heap holds stale entries too
        int[] cachedNext = upcoming; // reuse: every entry is overwritten below
        Arrays.fill(cachedNext, -1);
        LongMaxHeap heap = new LongMaxHeap(Math.min(n, capacity * 4 + 16));
        int size = 0;
        HitCount.Counter counter = new HitCount.Counter(trace);
        for (int i = 0; i < n; i++) {
            int key = keys[i], next = nextUse[i];
            boolean hit = cachedNext[key] >= 0;
            counter.record(i, hit);
            if (hit) {
                cachedNext[key] = next;
                heap.push(entry(next, key));
            } else if (next != NEVER) {
                if (size == capacity) {
                    long top = popLive(heap, cachedNext);
                    if (next(top) <= next) { // the missed key is read later than every cached one: bypass
                        heap.push(top);
                        continue;
                    }
                    cachedNext[key(top)] = -1;
                    size--;
                }
                cachedNext[key] = next;
                heap.push(entry(next, key));
                size++;
            }
            if (heap.size() > 4 * capacity + 16) heap.retain(e -> cachedNext[key(e)] == next(e));
        }
        return counter.result();
    }

    private static long popLive(LongMaxHeap heap, int[] cachedNext) {
        while (true) {
            long top = heap.pop();
            if (cachedNext[key(top)] == next(top)) return top;
        }
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
