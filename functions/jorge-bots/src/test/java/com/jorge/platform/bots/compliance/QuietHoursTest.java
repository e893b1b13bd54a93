package com.jorge.platform.bots.compliance;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuietHoursTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    final QuietHours quiet = QuietHours.DEFAULT;

    @Test
    void theDefaultWindowRunsFromNinePmToEightAmLocal() {
        assertThat(quiet.isQuiet(Instant.parse("2026-06-10T00:59:00Z"), NEW_YORK)).isFalse(); // 20:59
        assertThat(quiet.isQuiet(Instant.parse("2026-06-10T01:00:00Z"), NEW_YORK)).isTrue();  // 21:00
        assertThat(quiet.isQuiet(Instant.parse("2026-06-10T11:59:00Z"), NEW_YORK)).isTrue();  // 07:59
        assertThat(quiet.isQuiet(Instant.parse("2026-06-10T12:00:00Z"), NEW_YORK)).isFalse(); // 08:00
    }

    @Test
    void aTextAllowedNowIsNotMoved() {
        Instant noon = Instant.parse("2026-06-10T16:00:00Z");
        assertThat(quiet.nextAllowed(noon, List.of(NEW_YORK))).isEqualTo(noon);
    }

    @Test
    void eveningAndEarlyMorningBothWaitForTheNextEightAm() {
        assertThat(quiet.nextAllowed(Instant.parse("2026-06-10T02:30:00Z"), List.of(NEW_YORK))) // 22:30
                .isEqualTo(Instant.parse("2026-06-10T12:00:00Z"));
        assertThat(quiet.nextAllowed(Instant.parse("2026-06-10T09:00:00Z"), List.of(NEW_YORK))) // 05:00
                .isEqualTo(Instant.parse("2026-06-10T12:00:00Z"));
    }

    @Test
    void withTwoZonesTheTextWaitsUntilBothAreAwake() {
        Instant nineAmNewYork = Instant.parse("2026-06-10T13:00:00Z"); // 06:00 in Los Angeles
        assertThat(quiet.nextAllowed(nineAmNewYork, List.of(NEW_YORK, LOS_ANGELES)))
                .isEqualTo(Instant.parse("2026-06-10T15:00:00Z"));
        Instant sixPmLosAngeles = Instant.parse("2026-06-11T01:00:00Z"); // 21:00 in New York
        assertThat(quiet.nextAllowed(sixPmLosAngeles, List.of(LOS_ANGELES, NEW_YORK)))
                .isEqualTo(Instant.parse("2026-06-11T15:00:00Z"));
    }

    @Test
    void theMorningAfterADaylightSavingChangeIsStillEightAmLocal() {
        Instant nightBefore = Instant.parse("2026-03-08T03:00:00Z"); // 22:00 EST, clocks go forward at 02:00
        assertThat(quiet.nextAllowed(nightBefore, List.of(NEW_YORK)))
                .isEqualTo(Instant.parse("2026-03-08T12:00:00Z")); // 08:00 EDT
    }

    @Test
    void aWindowInsideOneDayWorksToo() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
        assertThat(lunch.nextAllowed(Instant.parse("2026-06-10T16:30:00Z"), List.of(NEW_YORK)))
                .isEqualTo(Instant.parse("2026-06-10T17:00:00Z"));
        assertThat(lunch.isQuiet(Instant.parse("2026-06-10T02:00:00Z"), NEW_YORK)).isFalse();
    }

    @Test
    void anEmptyWindowOrNoZoneIsRefused() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON))
                .hasMessageContaining("must differ");
        assertThatThrownBy(() -> quiet.nextAllowed(Instant.EPOCH, List.of()))
                .hasMessageContaining("zone");
    }
}
