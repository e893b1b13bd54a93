package com.jorge.platform.cachewarmer;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AccessRhythmTest {

    private static final long HOUR = 3_600_000L, DAY = 24 * HOUR, WEEK = 7 * DAY;
    /** 1970-01-05, the first Monday of epoch time. */
    private static final long MONDAY = 4 * DAY;

    @Test
    void aTeamThatOpensItsDashboardsAtEightEveryWeekdayIsPredictedBeforeEightAndNotAtNight() {
        AccessRhythm rhythm = new AccessRhythm(1, 5);
        for (int week = 0; week < 2; week++) {
            for (int day = 0; day < 5; day++) {
                long eight = MONDAY + week * WEEK + day * DAY + 8 * HOUR;
                for (int key = 0; key < 5; key++) rhythm.record("loc-a", eight + 10 * 60_000L + key); // one view
            }
        }
        long nextMonday = MONDAY + 2 * WEEK;
        Duration lookahead = Duration.ofMinutes(45);
        // 07:30-08:15: a quarter of the 08:00 hour, one view an hour (the same Monday hour and every weekday 08:00): 1 - e^-0.25
        assertThat(rhythm.chance("loc-a", nextMonday + 7 * HOUR + 30 * 60_000L, lookahead)).isCloseTo(1 - Math.exp(-0.25), within(1e-9));
        // 08:00-08:45 covers three quarters of it
        assertThat(rhythm.chance("loc-a", nextMonday + 8 * HOUR, lookahead)).isCloseTo(1 - Math.exp(-0.75), within(1e-9));
        assertThat(rhythm.chance("loc-a", nextMonday + 2 * HOUR, lookahead)).isZero();
        assertThat(rhythm.chance("loc-a", nextMonday + 5 * DAY + 8 * HOUR, lookahead)).as("Saturday").isZero();
        assertThat(rhythm.chance("loc-b", nextMonday + 8 * HOUR, lookahead)).as("a location never seen").isZero();
    }

    @Test
    void sampledRecordsStandForTheReadsTheyRepresentAndTheDayOfWeekAndTimeOfDayEstimatesAreAveraged() {
        AccessRhythm sampled = new AccessRhythm(16, 5);
        sampled.record("loc-a", MONDAY + 9 * HOUR); // one record standing for 16 reads, 3.2 views
        sampled.record("loc-b", MONDAY + 2 * WEEK - 1); // the stream now covers two weeks
        // Monday 09:00: 1 record in 2 Mondays (0.5 an hour), 1 in the 10 weekday 09:00 hours seen (0.1)
        double expected = (0.5 + 0.1) / 2 * 16 / 5;
        assertThat(sampled.chance("loc-a", MONDAY + 2 * WEEK + 9 * HOUR, Duration.ofHours(1))).isCloseTo(1 - Math.exp(-expected), within(1e-9));
        // Tuesday 09:00: only the time-of-day estimate
        assertThat(sampled.chance("loc-a", MONDAY + 2 * WEEK + DAY + 9 * HOUR, Duration.ofHours(1)))
                .isCloseTo(1 - Math.exp(-0.1 / 2 * 16 / 5), within(1e-9));
    }

    @Test
    void aDormantLocationsFirstViewIsLookedForOverTheReachAndALocationInUseOnlyOverTheLookAhead() {
        AccessRhythm rhythm = new AccessRhythm(1, 5);
        for (int week = 0; week < 2; week++) {
            for (int day = 0; day < 5; day++) {
                long nine = MONDAY + week * WEEK + day * DAY + 9 * HOUR;
                for (int key = 0; key < 5; key++) rhythm.record("loc-a", nine + 10 * 60_000L + key); // one view at 09:10
            }
        }
        long monday = MONDAY + 2 * WEEK;
        Duration lookahead = Duration.ofMinutes(45), dormantAfter = Duration.ofHours(4), reach = Duration.ofHours(2);
        // 07:30 on Monday, last view on Friday: dormant, so 07:30-09:30 counts, half of the 09:00 hour's view
        assertThat(rhythm.warmChance("loc-a", monday + 7 * HOUR + 30 * 60_000L, lookahead, dormantAfter, reach))
                .isCloseTo(1 - Math.exp(-0.5), within(1e-9));
        // the 45-minute look-ahead alone would not see the 09:00 hour at all
        assertThat(rhythm.chance("loc-a", monday + 7 * HOUR + 30 * 60_000L, lookahead)).isZero();
        // viewed at 07:20: in use, so at 07:30 only the look-ahead counts, not the reach
        rhythm.record("loc-a", monday + 7 * HOUR + 20 * 60_000L);
        long at = monday + 7 * HOUR + 30 * 60_000L;
        assertThat(rhythm.warmChance("loc-a", at, lookahead, dormantAfter, reach))
                .isCloseTo(rhythm.chance("loc-a", at, lookahead), within(1e-12))
                .isLessThan(rhythm.chance("loc-a", at, reach));
        assertThat(rhythm.warmChance("loc-b", monday + 7 * HOUR, lookahead, dormantAfter, reach)).as("a location never seen").isZero();
    }
}
