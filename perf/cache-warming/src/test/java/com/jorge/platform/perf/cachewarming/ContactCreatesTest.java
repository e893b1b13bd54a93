package com.jorge.platform.perf.cachewarming;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactCreatesTest {

    private static final long MIN = PlatformWorkload.MINUTE;

    /** Lead 0 (keys 0, 1) is read at 0; lead 1 (keys 2, 3) texts for the first time at 70 min. The cache holds two keys. */
    private static Replay.Result replay(long createdAt, SimulatedCache cache) {
        Trace trace = Trace.timed("t", new int[] {0, 1, 2, 3}, new long[] {0, 5, 70 * MIN, 70 * MIN + 5}, 4, 0);
        WarmSchedule schedule = new WarmSchedule(2, new long[0], new int[0][], new float[0][], "");
        ContactCreates creates = new ContactCreates(new long[] {createdAt}, new int[] {2}, 1);
        return Replay.run(trace, cache, new Replay.Warming(schedule, 20, 30 * MIN, 0.3).withContactCreates(creates));
    }

    @Test
    void aNewLeadsFirstTextHitsWhatItsContactCreateWrote() {
        Replay.Result r = replay(60 * MIN, LruCache.ofKeys(2, 4));
        assertEquals(2, r.hits().hits(), "both of lead 1's first reads hit");
        assertEquals(2, r.load().newLeads().keysWritten());
        assertEquals(1, r.load().newLeads().calls());
        assertEquals(2, r.load().newLeads().firstReadHits());
        assertEquals(0, r.load().keysLoaded(), "the warmer's own loads are counted apart");
    }

    @Test
    void theWriteNeverPushesOutAKeyTheWorkerJustRead() {
        Replay.Result r = replay(20 * MIN, LruCache.ofKeys(2, 4));
        assertEquals(0, r.hits().hits());
        assertEquals(0, r.load().newLeads().keysWritten());
        assertEquals(1, r.load().newLeads().skippedHotter());
    }

    @Test
    void withoutContactCreatesTheReplayIsTheOneBefore() {
        Trace trace = Trace.timed("t", new int[] {0, 1, 2, 3}, new long[] {0, 5, 70 * MIN, 70 * MIN + 5}, 4, 0);
        WarmSchedule schedule = new WarmSchedule(2, new long[0], new int[0][], new float[0][], "");
        Replay.Result r = Replay.run(trace, LruCache.ofKeys(2, 4), new Replay.Warming(schedule, 20, 30 * MIN, 0.3));
        assertEquals(0, r.hits().hits());
        assertEquals(Replay.NewLeadLoad.NONE, r.load().newLeads());
    }

    @Test
    void theSharesAreNestedAndTheReadsDoNotDependOnThem() {
        PlatformWorkload.Generated w = PlatformWorkload.generate(new WorkloadSettings(3, 5, 600, 1, 1));
        PlatformWorkload.Generated again = PlatformWorkload.generate(new WorkloadSettings(3, 5, 600, 1, 1));
        assertArrayEquals(w.trace().keys(), again.trace().keys());
        ContactCreates none = w.contactCreates().atShare(0), half = w.contactCreates().atShare(0.5), all = w.contactCreates().atShare(1);
        assertEquals(0, none.size());
        assertEquals(half, again.contactCreates().atShare(0.5), "seeded");
        Set<String> inAll = new HashSet<>();
        for (int i = 0; i < all.size(); i++) inAll.add(all.at()[i] + ":" + all.first()[i]);
        for (int i = 0; i < half.size(); i++) assertTrue(inAll.contains(half.at()[i] + ":" + half.first()[i]), "share 0.5 is a subset of share 1");
        assertTrue(half.size() > 0.35 * all.size() && half.size() < 0.65 * all.size(), half.size() + " of " + all.size());
        long[] sorted = half.at().clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, half.at());
        // a lead's ContactCreate comes before its first read, by at least the welcome text
        int leadWrites = 0;
        for (int i = 0; i < all.size(); i++) {
            int key = all.first()[i];
            if (key >= 2 * w.leads()) {
                assertTrue(key + 1 < w.trace().keyCount(), "never-read keys lie inside the trace's key space");
                continue;
            }
            leadWrites++;
            long firstRead = -1;
            for (int r = 0; r < w.trace().keys().length && firstRead < 0; r++) if (w.trace().keys()[r] == key) firstRead = w.trace().times()[r];
            long gap = firstRead - all.at()[i];
            assertTrue(gap >= ContactCreates.WELCOME_MIN && gap <= ContactCreates.TTL, "gap " + gap);
        }
        assertTrue(leadWrites > 0.9 * 600 * 0.9, leadWrites + " leads created before their first text at share 1");
    }
}
