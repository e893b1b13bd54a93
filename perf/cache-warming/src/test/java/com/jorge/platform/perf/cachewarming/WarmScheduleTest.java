package com.jorge.platform.perf.cachewarming;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.jorge.platform.perf.cachewarming.PlatformWorkload.DAY;
import static com.jorge.platform.perf.cachewarming.PlatformWorkload.HOUR;
import static com.jorge.platform.perf.cachewarming.PlatformWorkload.MINUTE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarmScheduleTest {

    /** Lead 0 wrote 10 days ago and got no answer to its last text; lead 1 wrote an hour ago; lead 2 opted out. */
    private static PlatformWorkload.Generated workload() {
        long now = 10 * DAY;
        List<LeadSignal> signals = List.of(
                new LeadSignal.Inbound(0, 0),
                new LeadSignal.ReplySent(1_000, 0),
                new LeadSignal.FollowUpScheduled(1_000, 0, now + 20 * MINUTE),
                new LeadSignal.Inbound(now - HOUR, 1),
                new LeadSignal.ReplySent(now - HOUR + 1_000, 1),
                new LeadSignal.Inbound(now - HOUR, 2),
                new LeadSignal.StageChanged(now - HOUR + 1_000, 2, "opted_out", null));
        Trace trace = Trace.timed("t", new int[] {0}, new long[] {0}, 6, 0);
        return new PlatformWorkload.Generated(trace, 3, 1, new int[3], signals, now, now + 1);
    }

    @Test
    void aFollowUpDueWithinTheLookAheadMakesALeadWithNoOtherSignalACandidate() {
        WarmSchedule schedule = WarmSchedule.plan(workload(), 10 * DAY, 10);
        assertEquals(1, schedule.runs());
        int[] ranked = schedule.ranked(0);
        assertEquals(2, ranked.length, "opted-out leads never are candidates");
        assertEquals(0, ranked[0], "the nurture step in 20 minutes reads the old lead's keys for sure");
        assertTrue(schedule.scores(0)[0] > schedule.scores(0)[1]);
    }

    @Test
    void aLeadWritingAfterTheScheduleBeganStopsIt() {
        List<LeadSignal> signals = new java.util.ArrayList<>(workload().signals());
        signals.add(3, new LeadSignal.Inbound(2_000, 0));
        PlatformWorkload.Generated w = workload();
        PlatformWorkload.Generated answered = new PlatformWorkload.Generated(w.trace(), 3, 1, new int[3], signals, w.measuredFrom(), w.end());
        assertArrayEquals(new int[] {1}, WarmSchedule.plan(answered, 10 * DAY, 10).ranked(0),
                "the lead answered the question, so no step comes, and its text is older than the windows");
    }

    @Test
    void aLocationWhoseDashboardsOpenedAtEightLastMondayIsRankedBeforeEightThisMondayAndNotAtNight() {
        // one lead (keys 0, 1), one location (BI keys 2..6) viewed once, Monday 08:10 of the first week
        int[] keys = {2, 3, 4, 5, 6};
        long[] times = new long[5];
        for (int r = 0; r < 5; r++) times[r] = 8 * HOUR + 10 * MINUTE + 10L * r;
        Trace trace = Trace.timed("t", keys, times, 7, 0);
        long morning = 7 * DAY + 7 * HOUR + 30 * MINUTE, night = 7 * DAY + 2 * HOUR;
        for (long at : new long[] {morning, night}) {
            var w = new PlatformWorkload.Generated(trace, 1, 1, new int[1], List.of(), at, at + 1);
            WarmSchedule schedule = WarmSchedule.plan(w, at, 10);
            if (at == night) {
                assertEquals(0, schedule.ranked(0).length, "nobody reads dashboards at 02:00");
                continue;
            }
            assertArrayEquals(new int[] {-1}, schedule.ranked(0));
            // dormant since last Monday's view, so its first view is looked for over the reach, 07:30-09:30:
            // the whole 08:00 hour, one view an hour in it (the 45-minute look-ahead alone saw a quarter of it)
            assertEquals(1 - Math.exp(-1), schedule.scores(0)[0], 1e-6);
            assertArrayEquals(keys, schedule.keysOf(-1));
        }
    }
}
