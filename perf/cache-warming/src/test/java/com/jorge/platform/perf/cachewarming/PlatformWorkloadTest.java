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

    @Test
    void perKeySizesKeepEachClassMeanVaryPerKeyAndRepeatPerSeed() {
        int leads = 20_000, locations = 400;
        int[] sizes = PlatformWorkload.perKeyBytes(leads, locations, 18);
        org.junit.jupiter.api.Assertions.assertArrayEquals(sizes, PlatformWorkload.perKeyBytes(leads, locations, 18));
        double conversations = 0, profiles = 0, funnels = 0;
        java.util.Set<Integer> distinct = new java.util.HashSet<>();
        for (int lead = 0; lead < leads; lead++) {
            conversations += sizes[2 * lead];
            profiles += sizes[2 * lead + 1];
            distinct.add(sizes[2 * lead]);
            org.junit.jupiter.api.Assertions.assertTrue(sizes[2 * lead] >= PlatformWorkload.CONVERSATION_BYTES / 4
                    && sizes[2 * lead] <= 4 * PlatformWorkload.CONVERSATION_BYTES);
        }
        for (int location = 0; location < locations; location++) funnels += sizes[2 * leads + PlatformWorkload.BI_KEYS * location];
        org.junit.jupiter.api.Assertions.assertEquals(PlatformWorkload.CONVERSATION_BYTES, conversations / leads, 0.02 * PlatformWorkload.CONVERSATION_BYTES);
        org.junit.jupiter.api.Assertions.assertEquals(PlatformWorkload.PROFILE_BYTES, profiles / leads, 0.02 * PlatformWorkload.PROFILE_BYTES);
        org.junit.jupiter.api.Assertions.assertEquals(PlatformWorkload.BI_BYTES[0], funnels / locations, 0.05 * PlatformWorkload.BI_BYTES[0]);
        org.junit.jupiter.api.Assertions.assertTrue(distinct.size() > 1000, "conversation sizes vary per key");
    }
}
