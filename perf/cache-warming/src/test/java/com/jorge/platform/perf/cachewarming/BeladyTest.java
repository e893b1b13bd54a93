package com.jorge.platform.perf.cachewarming;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BeladyTest {

    @Test
    void equalsTheBestOfEveryEvictionChoiceOnSmallTraces() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int keyCount = 2 + random.nextInt(4), capacity = 1 + random.nextInt(3);
            int[] keys = new int[4 + random.nextInt(10)];
            for (int i = 0; i < keys.length; i++) keys[i] = random.nextInt(keyCount);
            Trace trace = Trace.untimed("small", keys, keyCount);
            assertEquals(bestHits(keys, 0, new HashSet<>(), capacity), Belady.run(trace, capacity).hits(),
                    "trace " + java.util.Arrays.toString(keys) + " capacity " + capacity);
        }
    }

    @Test
    void textbookReferenceStringWithThreeFrames() {
        // 7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1: OPT with three frames faults 9 times (Silberschatz) when
        // every miss must be admitted; not admitting the 4 (read once) saves the fault on the 2 that follows
        int[] keys = {7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2, 0, 1, 7, 0, 1};
        int[] dense = new int[keys.length];
        for (int i = 0; i < keys.length; i++) dense[i] = keys[i];
        assertEquals(keys.length - 8, Belady.run(Trace.untimed("textbook", dense, 8), 3).hits());
    }

    @Test
    void noOnlinePolicyBeatsItOnARealTrace() throws Exception {
        Trace trace = CacheTraceFileTest.web12();
        for (int size : new int[] {50, 200, 800, 3000}) {
            long best = Belady.run(trace, size).hits();
            long lru = Replay.run(trace, LruCache.ofKeys(size, trace.keyCount())).hits().hits();
            long tiny = Replay.run(trace, CaffeineCache.ofKeys(size, trace.keyCount())).hits().hits();
            assertTrue(best >= lru && best >= tiny, "size " + size + ": belady " + best + ", lru " + lru + ", wtinylfu " + tiny);
            assertTrue(best > lru, "MIN should strictly beat LRU on a real trace at size " + size);
        }
    }

    @Test
    void withSizesBeladySizeIsFeasibleAndTheBoundIsAboveTheBestOfEveryChoice() {
        Random random = new Random(11);
        int tighter = 0;
        for (int round = 0; round < 300; round++) {
            int keyCount = 2 + random.nextInt(4);
            int[] bytes = new int[keyCount];
            for (int k = 0; k < keyCount; k++) bytes[k] = 1 + random.nextInt(4);
            int capacity = 2 + random.nextInt(6);
            int[] keys = new int[4 + random.nextInt(10)];
            for (int i = 0; i < keys.length; i++) keys[i] = random.nextInt(keyCount);
            Trace trace = Trace.untimed("sized", keys, keyCount).withBytes(bytes);
            long best = bestHits(keys, bytes, 0, new HashSet<>(), capacity);
            long approx = Belady.run(trace, capacity).hits(), bound = Belady.upperBound(trace, capacity).hits();
            String where = "trace " + java.util.Arrays.toString(keys) + " sizes " + java.util.Arrays.toString(bytes) + " capacity " + capacity;
            assertTrue(approx <= best, "Belady-Size is a real policy: never above the optimum; " + where);
            assertTrue(bound >= best, "the PFOO-L bound is never below the optimum; " + where);
            if (approx == best) tighter++;
        }
        assertTrue(tighter > 250, "Belady-Size finds the optimum on most small traces (" + tighter + " of 300)");
    }

    @Test
    void withOneSizeTheBoundIsAboveMinAndMinIsExact() throws Exception {
        Trace trace = CacheTraceFileTest.web12();
        for (int size : new int[] {200, 3000}) {
            assertTrue(Belady.upperBound(trace, size).hits() >= Belady.run(trace, size).hits(), "size " + size);
        }
    }

    /** Exhaustive with sizes: on every miss, try not admitting the key and every set of victims that makes room. */
    private static long bestHits(int[] keys, int[] bytes, int i, Set<Integer> cached, int capacity) {
        if (i == keys.length) return 0;
        int key = keys[i];
        if (cached.contains(key)) return 1 + bestHits(keys, bytes, i + 1, cached, capacity);
        long best = bestHits(keys, bytes, i + 1, cached, capacity); // bypass
        if (bytes[key] > capacity) return best;
        Integer[] in = cached.toArray(Integer[]::new);
        for (int mask = 0; mask < 1 << in.length; mask++) {
            Set<Integer> next = new HashSet<>(cached);
            for (int b = 0; b < in.length; b++) if ((mask & 1 << b) != 0) next.remove(in[b]);
            int used = next.stream().mapToInt(k -> bytes[k]).sum();
            if (used + bytes[key] > capacity) continue;
            next.add(key);
            best = Math.max(best, bestHits(keys, bytes, i + 1, next, capacity));
        }
        return best;
    }

    /** Exhaustive: on every miss, try not admitting the key and every possible victim. */
    private static long bestHits(int[] keys, int i, Set<Integer> cached, int capacity) {
        if (i == keys.length) return 0;
        int key = keys[i];
        if (cached.contains(key)) return 1 + bestHits(keys, i + 1, cached, capacity);
        long best = bestHits(keys, i + 1, cached, capacity); // bypass
        if (cached.size() < capacity) {
            Set<Integer> next = new HashSet<>(cached);
            next.add(key);
            best = Math.max(best, bestHits(keys, i + 1, next, capacity));
        } else {
            for (int victim : cached) {
                Set<Integer> next = new HashSet<>(cached);
                next.remove(victim);
                next.add(key);
                best = Math.max(best, bestHits(keys, i + 1, next, capacity));
            }
        }
        return best;
    }
}
