package com.jorge.platform.cache;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessCaptureTest {

    @Test
    void recordsAboutOneGetInNAndHandsEveryRecordToTheSink() throws Exception {
        List<AccessCapture.Access> seen = Collections.synchronizedList(new ArrayList<>());
        AccessCapture capture = new AccessCapture(16, 100_000, seen::addAll);
        for (int i = 0; i < 160_000; i++) capture.record(AccessCapture.KeyClass.PROFILE, "loc-1", "c" + (i % 7));
        capture.close();
        assertTrue(seen.size() > 9_000 && seen.size() < 11_000, "about 10,000 of 160,000 sampled, was " + seen.size());
        assertEquals(seen.size(), capture.written());
        assertEquals(0, capture.dropped());
        assertEquals("loc-1", seen.getFirst().locationId());
        assertEquals(AccessCapture.KeyClass.PROFILE, seen.getFirst().keyClass());
    }

    @Test
    void aSlowSinkNeverHoldsUpTheCallerItsQueueIsBoundedAndDropsAreCounted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AccessCapture capture = new AccessCapture(1, 10, batch -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < 1_000; i++) capture.record(AccessCapture.KeyClass.CONVERSATION, "loc-1", "c1");
        release.countDown();
        capture.close();
        assertEquals(1_000, capture.written() + capture.dropped());
        // at most one batch in the blocked sink and a full queue behind it get through
        assertTrue(capture.dropped() >= 1_000 - 2 * 10, "the bound held: dropped " + capture.dropped());
    }

    @Test
    void aFailingSinkLosesItsBatchNotTheCaller() throws Exception {
        AccessCapture capture = new AccessCapture(1, 100, batch -> { throw new IllegalStateException("Redis down"); });
        for (int i = 0; i < 50; i++) capture.record(AccessCapture.KeyClass.BI, "loc-1", "c1");
        capture.close();
        assertEquals(50, capture.dropped());
        assertEquals(0, capture.written());
    }
}
