package com.jorge.platform.perf.cachewarming;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayTest {

    private static final long MIN = PlatformWorkload.MINUTE;

    /**
     * Lead 0 (keys 0, 1) is read at 0; the warmer runs at {@code runAt} with lead 1 ranked first at
     * {@code chance}; lead 1 (keys 2, 3) texts at 70 min. The cache holds two keys.
     */
    private static Replay.Result replay(long runAt, float chance, SimulatedCache cache) {
        Trace trace = Trace.timed("t", new int[] {0, 1, 2, 3}, new long[] {0, 5, 70 * MIN, 70 * MIN + 5}, 4, 0);
        WarmSchedule schedule = new WarmSchedule(2, new long[] {runAt}, new int[][] {{1}}, new float[][] {{chance}}, "");
        return Replay.run(trace, cache, new Replay.Warming(schedule, 20, 30 * MIN, 0.3));
    }

    @Test
    void theWarmerLoadsOverKeysNobodyReadWithinTheProtectionWindow() {
        Replay.Result r = replay(60 * MIN, 0.9f, LruCache.ofKeys(2, 4));
        assertEquals(2, r.hits().hits(), "lead 1's text finds both keys warm");
        assertEquals(2, r.load().keysLoaded());
        assertEquals(1, r.load().scriptCalls());
    }

    @Test
    void aLeadUnderTheThresholdIsNeitherLoadedNorLookedAt() {
        Replay.Result r = replay(60 * MIN, 0.2f, LruCache.ofKeys(2, 4));
        assertEquals(0, r.hits().hits());
        assertEquals(0, r.load().keysLoaded());
        assertEquals(0, r.load().scriptCalls());
    }

    @Test
    void theWarmerNeverPushesOutAKeyTheWorkerJustRead() {
        Replay.Result r = replay(20 * MIN, 0.9f, LruCache.ofKeys(2, 4));
        assertEquals(0, r.hits().hits());
        assertEquals(0, r.load().keysLoaded());
        assertEquals(1, r.load().stoppedByHotter());
    }

    @Test
    void aLoadDoesNotPushOutTheKeysOfAHigherRankedLeadOfTheSameRun() {
        // lead 2's profile (key 5) was read long ago: fair game; lead 0's keys, refreshed by this run, are not
        Trace trace = Trace.timed("t", new int[] {5, 0, 2, 1}, new long[] {0, 61 * MIN, 61 * MIN + 5, 62 * MIN}, 6, 0);
        WarmSchedule schedule = new WarmSchedule(3, new long[] {60 * MIN}, new int[][] {{0, 1, 2}}, new float[][] {{0.9f, 0.8f, 0.7f}}, "");
        Replay.Result r = Replay.run(trace, LruCache.ofKeys(3, 6), new Replay.Warming(schedule, 20, 30 * MIN, 0.3));
        assertEquals(3, r.hits().hits(), "lead 0's keys and lead 1's conversation are warm");
        assertEquals(3, r.load().keysLoaded());
        assertEquals(1, r.load().stoppedByHotter(), "lead 1's profile would push out lead 0's conversation");
    }

    @Test
    void anItemUnderTheThresholdIsSkippedAndALaterOneOverItStillLoaded() {
        // ordered by reads saved per byte, lead 0 (0.2, under 0.3) comes before lead 1 (0.9); the cache has room for
        // lead 1 beside lead 0's conversation (pushing out a key of lead 0, ranked ahead, would stop the run: below)
        Trace trace = Trace.timed("t", new int[] {0, 2, 3}, new long[] {0, 70 * MIN, 70 * MIN + 5}, 4, 0);
        WarmSchedule schedule = new WarmSchedule(2, new long[] {60 * MIN}, new int[][] {{0, 1}}, new float[][] {{0.2f, 0.9f}}, "");
        Replay.Result r = Replay.run(trace, LruCache.ofKeys(3, 4), new Replay.Warming(schedule, 20, 30 * MIN, 0.3));
        assertEquals(2, r.load().keysLoaded(), "lead 1's two keys, not lead 0's");
        assertEquals(2, r.hits().hits());
    }

    @Test
    void aLoadDoesNotPushOutAKeyTheRunRanksAhead() {
        // key 0 (lead 0's conversation) is cached and LRU's victim; the run ranks lead 0 first, but under the
        // threshold (neither refreshed nor loaded), then lead 1: loading lead 1 would push out a key the run
        // itself ranks ahead, so it stops
        Trace trace = Trace.timed("t", new int[] {0, 2, 3}, new long[] {0, 70 * MIN, 70 * MIN + 5}, 4, 0);
        WarmSchedule schedule = new WarmSchedule(2, new long[] {60 * MIN}, new int[][] {{0, 1}}, new float[][] {{0.2f, 0.9f}}, "");
        Replay.Result r = Replay.run(trace, LruCache.ofKeys(1, 4), new Replay.Warming(schedule, 4, 30 * MIN, 0.3));
        assertEquals(0, r.load().keysLoaded());
        assertEquals(1, r.load().stoppedByHotter());
    }

    @Test
    void aKeyRankedBehindIsNotHotterWhateverItsRawScore() {
        // the run ranks lead 1 (raw 0.6, e.g. a follow-up step, read almost surely) ahead of lead 0 (raw 0.9, a lead
        // the bot texted, read rarely): its order is its expected reads saved per byte, so lead 0's cached
        // conversation, read an hour ago, is colder than lead 1 and may make room for it (once it was compared by
        // raw score, and such a key at LRU's tail stopped every run until the worker's reads pushed it out)
        Trace trace = Trace.timed("t", new int[] {0, 2, 3}, new long[] {0, 70 * MIN, 70 * MIN + 5}, 4, 0);
        WarmSchedule schedule = new WarmSchedule(2, new long[] {60 * MIN}, new int[][] {{1, 0}}, new float[][] {{0.6f, 0.9f}}, "");
        Replay.Result r = Replay.run(trace, LruCache.ofKeys(2, 4), new Replay.Warming(schedule, 2, 30 * MIN, 0.3));
        assertEquals(2, r.load().keysLoaded(), "lead 1's two keys");
        assertEquals(2, r.hits().hits());
        assertEquals(0, r.load().stoppedByHotter());
    }

    @Test
    void checkingWhatIsCachedIsNoUse() {
        LruCache lru = LruCache.ofKeys(2, 3);
        lru.read(0);
        lru.read(1);
        assertTrue(lru.contains(0));
        lru.read(2); // evicts 0, the least recently used, although contains(0) looked at it last
        assertFalse(lru.contains(0));
        assertTrue(lru.contains(1));
    }

    @Test
    void withoutWarmingTheColdCacheMissesEveryFirstRead() {
        Trace trace = Trace.timed("t", new int[] {0, 1, 0}, new long[] {0, 1, 2}, 2, 0);
        HitCount h = Replay.run(trace, CaffeineCache.ofKeys(4, 2)).hits();
        assertEquals(1, h.hits());
        assertFalse(h.hitRate() > 0.34);
    }

    @Test
    void theWarmersOwnPartitionNeverPushesOutADemandKeyAndKeepsAWarmedKeyWhileItIsRead() {
        WarmPartitionedCache cache = new WarmPartitionedCache(LruCache.ofKeys(2, 10), 2, ones(10));
        cache.read(0);
        cache.read(1);
        cache.load(2);
        cache.load(3);
        assertTrue(cache.read(2), "a warmed key is a hit");
        cache.load(4); // the partition holds two keys: 3, loaded and never read, goes; never 0 or 1
        assertArrayEquals(new int[] {3}, cache.evictedByLastLoad());
        assertTrue(cache.contains(0) && cache.contains(1) && cache.contains(2) && cache.contains(4));
        cache.read(5); // a demand miss goes to the demand cache, whose own policy makes room
        assertFalse(cache.contains(0));
        assertTrue(cache.contains(2) && cache.contains(4), "the warmed keys stay in their partition");
    }

    @Test
    void theBudgetIsInBytesAndALoadThatWouldPushOutAHotKeyStopsTheRun() {
        // keys 0, 1: lead 0 (2,000 + 500 bytes); keys 2, 3: lead 1 (same); the cache holds 4,000 bytes, the
        // warmer's budget 3,000: lead 0 read at 0 min, the warmer at 60 min ranks lead 1 then lead 0
        int[] bytes = {2000, 500, 2000, 500};
        Trace trace = Trace.timed("t", new int[] {0, 1, 2, 3, 0}, new long[] {0, 5, 70 * MIN, 70 * MIN + 5, 71 * MIN}, 4, 0)
                .withBytes(bytes);
        WarmSchedule schedule = new WarmSchedule(2, new long[] {60 * MIN}, new int[][] {{1, 0}}, new float[][] {{0.9f, 0.8f}}, "");
        Replay.Result r = Replay.run(trace, new LruCache(4000, bytes), new Replay.Warming(schedule, 3000, 30 * MIN, 0.3));
        assertEquals(2, r.load().keysLoaded(), "lead 1 fits the budget; lead 0 would not (5,000 bytes)");
        assertEquals(2, r.hits().hits(), "lead 1's keys are warm; loading them pushed out lead 0's conversation (read an hour ago)");
        assertEquals(0, r.load().hotPushedOut());

        // the same with lead 0 read 10 minutes before the run: loading lead 1 would push out a hot key, so the run stops
        Trace hot = Trace.timed("t", new int[] {0, 1, 2, 3}, new long[] {50 * MIN, 50 * MIN + 5, 70 * MIN, 70 * MIN + 5}, 4, 0)
                .withBytes(bytes);
        Replay.Result stopped = Replay.run(hot, new LruCache(4000, bytes), new Replay.Warming(schedule, 3000, 30 * MIN, 0.3));
        assertEquals(1, stopped.load().stoppedByHotter());
        assertEquals(0, stopped.load().hotPushedOut());
    }

    private static int[] ones(int n) {
        int[] ones = new int[n];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }
}
