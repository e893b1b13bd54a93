package com.jorge.platform.perf.cachewarming;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ReplayTest {

    private static final long MIN = PlatformWorkload.MINUTE;

    /**
     * Lead 0 (keys 0, 1) is read at 0; the warmer runs at {@code runAt} with lead 1 ranked first; lead 1
     * (keys 2, 3) texts at 70 min. The cache holds two keys.
     */
    private static Replay.Result replay(long runAt, SimulatedCache cache) {
        Trace trace = Trace.timed("t", new int[] {0, 1, 2, 3}, new long[] {0, 5, 70 * MIN, 70 * MIN + 5}, 4, 0);
        WarmSchedule schedule = new WarmSchedule(new long[] {runAt}, new int[][] {{1}});
        return Replay.run(trace, cache, new Replay.Warming(schedule, 10, 30 * MIN));
    }

    @Test
    void theWarmerLoadsOverKeysNobodyReadWithinTheProtectionWindow() {
        Replay.Result r = replay(60 * MIN, new LruCache(2, 4));
        assertEquals(2, r.hits().hits(), "lead 1's text finds both keys warm");
        assertEquals(2, r.load().keysLoaded());
    }

    @Test
    void theWarmerNeverPushesOutAKeyTheWorkerJustRead() {
        Replay.Result r = replay(20 * MIN, new LruCache(2, 4));
        assertEquals(0, r.hits().hits());
        assertEquals(0, r.load().keysLoaded());
        assertEquals(1, r.load().stoppedByHotter());
    }

    @Test
    void aLoadDoesNotPushOutTheKeysOfAHigherRankedLeadOfTheSameRun() {
        // lead 2's profile (key 5) was read long ago: fair game; lead 0's keys, touched by this run, are not
        Trace trace = Trace.timed("t", new int[] {5, 0, 2, 1}, new long[] {0, 61 * MIN, 61 * MIN + 5, 62 * MIN}, 6, 0);
        WarmSchedule schedule = new WarmSchedule(new long[] {60 * MIN}, new int[][] {{0, 1, 2}});
        Replay.Result r = Replay.run(trace, new LruCache(3, 6), new Replay.Warming(schedule, 10, 30 * MIN));
        assertEquals(3, r.hits().hits(), "lead 0's keys and lead 1's conversation are warm");
        assertEquals(3, r.load().keysLoaded());
        assertEquals(1, r.load().stoppedByHotter(), "lead 1's profile would push out lead 0's conversation");
    }

    @Test
    void withoutWarmingTheColdCacheMissesEveryFirstRead() {
        Trace trace = Trace.timed("t", new int[] {0, 1, 0}, new long[] {0, 1, 2}, 2, 0);
        HitCount h = Replay.run(trace, new CaffeineCache(4)).hits();
        assertEquals(1, h.hits());
        assertFalse(h.hitRate() > 0.34);
    }
}
