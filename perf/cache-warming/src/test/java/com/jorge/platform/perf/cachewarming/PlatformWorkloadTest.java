package com.jorge.platform.perf.cachewarming;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatformWorkloadTest {

    private static final WorkloadSettings SMALL = new WorkloadSettings(5, 20, 2_000, 2, 7);

    @Test
    void aSeedAlwaysGivesTheSameTrace() {
        Trace a = PlatformWorkload.generate(SMALL).trace(), b = PlatformWorkload.generate(SMALL).trace();
        assertArrayEquals(a.keys(), b.keys());
        assertArrayEquals(a.times(), b.times());
        Trace other = PlatformWorkload.generate(new WorkloadSettings(6, 20, 2_000, 2, 7)).trace();
        assertFalse(java.util.Arrays.equals(a.keys(), other.keys()));
    }

    @Test
    void leadsTextMoreOnWeekdayEveningsThanAtNightOrAtTheWeekend() {
        PlatformWorkload.Generated w = PlatformWorkload.generate(SMALL);
        long evening = 0, night = 0, weekday = 0, weekend = 0;
        for (LeadSignal s : w.signals()) {
            if (!(s instanceof LeadSignal.Inbound)) continue;
            int hour = PlatformWorkload.localHour(s.at(), -6), day = PlatformWorkload.localWeekday(s.at(), -6);
            if (hour >= 17 && hour < 20) evening++;
            if (hour >= 2 && hour < 5) night++;
            if (day == 1) weekday++;
            if (day == 6) weekend++;
        }
        assertTrue(evening > 5 * night, "evening " + evening + ", night " + night);
        assertTrue(weekday > weekend, "Tuesday " + weekday + ", Sunday " + weekend);
    }

    @Test
    void repliesHeldByQuietHoursGoOutAt8InTheMorning() {
        long held = 0;
        for (LeadSignal s : PlatformWorkload.generate(SMALL).signals()) {
            if (!(s instanceof LeadSignal.ReplyHeld h)) continue;
            held++;
            boolean at8 = false;
            for (int zone : PlatformWorkload.ZONES)
                at8 |= Math.floorMod(h.sendAt() + zone * PlatformWorkload.HOUR, PlatformWorkload.DAY) == PlatformWorkload.QUIET_UNTIL * PlatformWorkload.HOUR;
            assertTrue(at8 && h.sendAt() > h.at(), "a held reply goes out at 08:00 local, later than decided");
        }
        assertTrue(held > 0, "some replies fall in quiet hours");
    }
}
