package com.jorge.platform.bi;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class DayWindowTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void aDayIsMidnightToMidnightInItsZone() {
        DayWindow day = new DayWindow(LocalDate.of(2026, 5, 20), CHICAGO);
        assertThat(day.start()).isEqualTo(Instant.parse("2026-05-20T05:00:00Z"));
        assertThat(day.end()).isEqualTo(Instant.parse("2026-05-21T05:00:00Z"));
        assertThat(DayWindow.dayOf(Instant.parse("2026-05-21T04:59:59Z"), CHICAGO)).isEqualTo(LocalDate.of(2026, 5, 20));
    }

    @Test
    void daylightSavingDaysAreTwentyThreeAndTwentyFiveHoursLong() {
        DayWindow spring = new DayWindow(LocalDate.of(2026, 3, 8), CHICAGO);
        DayWindow fall = new DayWindow(LocalDate.of(2026, 11, 1), CHICAGO);
        assertThat(Duration.between(spring.start(), spring.end())).isEqualTo(Duration.ofHours(23));
        assertThat(Duration.between(fall.start(), fall.end())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void anUnreadableLocationZoneFallsBackToTheDefault() {
        assertThat(LocationZone.zoneOr("Mars/Olympus", CHICAGO)).isEqualTo(CHICAGO);
        assertThat(LocationZone.zoneOr(null, CHICAGO)).isEqualTo(CHICAGO);
        assertThat(LocationZone.zoneOr("Europe/Madrid", CHICAGO)).isEqualTo(ZoneId.of("Europe/Madrid"));
        assertThat(new LocationZone("l", ZoneId.of("Z")).sqlZone()).isEqualTo("UTC");
    }
}
