package com.jorge.platform.ghl.api;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghlfake.FakeCalendars;
import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.observability.RecordedMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Calendars API calls against the fake over HTTP: free slots, booking, a slot taken in between, moving, cancelling. */
class GhlCalendarsTest {

    private static final LeadRef LEAD = new LeadRef("loc1", "contact1");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** A Monday, 08:00 in Chicago. */
    private static final Instant MONDAY = LocalDate.of(2026, 12, 7).atTime(8, 0).atZone(FakeCalendars.ZONE).toInstant();
    private FakeGhlServer ghl;
    private GhlApiClient client;

    @BeforeEach
    void start() {
        ghl = FakeGhlServer.start(0);
        client = new GhlApiClient(new GhlApiClient.Settings(ghl.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(2),
                new RetryPolicy(2, Duration.ofMillis(10), Duration.ofSeconds(1)), GhlRateLimits.Limits.ghlDefaults()),
                GhlTokens.privateIntegration(() -> "pit"), PlatformJson.mapper(), new RecordedMetrics());
    }

    @AfterEach
    void stop() {
        ghl.close();
    }

    @Test
    void listsFreeSlotsInOrderAndSkipsSundays() {
        List<Instant> slots = client.freeSlots("loc1", "cal-call", MONDAY, MONDAY.plus(Duration.ofDays(7)), NEW_YORK);
        assertThat(slots).hasSize(6 * 8).isSorted();
        assertThat(slots.getFirst()).isEqualTo(MONDAY.plus(Duration.ofHours(1)));
        assertThat(slots).noneMatch(s -> s.atZone(FakeCalendars.ZONE).getDayOfWeek() == DayOfWeek.SUNDAY);
        FakeGhlServer.Call call = ghl.calls().getFirst();
        assertThat(call.path()).isEqualTo("/calendars/cal-call/free-slots");
        assertThat(call.version()).isEqualTo("2021-04-15");
    }

    @Test
    void aBookedSlotIsNoLongerFreeAndCannotBeBookedTwice() {
        Instant nine = MONDAY.plus(Duration.ofHours(1));
        String id = client.createAppointment(LEAD, new Appointment("cal-call", nine, nine.plus(Duration.ofMinutes(30)), "Call", null));
        assertThat(id).startsWith("fake-appt-");
        assertThat(client.freeSlots("loc1", "cal-call", MONDAY, MONDAY.plus(Duration.ofDays(1)), NEW_YORK)).doesNotContain(nine);
        assertThat(client.findAppointment(LEAD, "cal-call", nine)).contains(id);
        assertThatThrownBy(() -> client.createAppointment(new LeadRef("loc1", "other"),
                new Appointment("cal-call", nine, nine.plus(Duration.ofMinutes(30)), "Call", null)))
                .isInstanceOfSatisfying(GhlApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(ghl.calendars().appointments()).hasSize(1);
    }

    @Test
    void aSlotTakenElsewhereInBetweenIsRefused() {
        Instant ten = MONDAY.plus(Duration.ofHours(2));
        ghl.calendars().takeSlot("cal-show", ten);
        assertThat(client.freeSlots("loc1", "cal-show", MONDAY, MONDAY.plus(Duration.ofDays(1)), NEW_YORK)).doesNotContain(ten);
        assertThatThrownBy(() -> client.createAppointment(LEAD, new Appointment("cal-show", ten, ten.plus(Duration.ofHours(1)), "Showing", null)))
                .isInstanceOf(GhlApiException.class);
    }

    @Test
    void movesAndCancelsAnAppointmentFreeingItsSlot() {
        Instant nine = MONDAY.plus(Duration.ofHours(1));
        Instant eleven = MONDAY.plus(Duration.ofHours(3));
        String id = client.createAppointment(LEAD, new Appointment("cal-call", nine, nine.plus(Duration.ofMinutes(30)), "Call", null));
        client.updateAppointment("loc1", id, new Appointment("cal-call", eleven, eleven.plus(Duration.ofMinutes(30)), "Call", null));
        assertThat(ghl.calendars().appointmentsOf("contact1")).singleElement()
                .satisfies(a -> assertThat(a.start()).isEqualTo(eleven));
        assertThat(client.freeSlots("loc1", "cal-call", MONDAY, MONDAY.plus(Duration.ofDays(1)), NEW_YORK)).contains(nine).doesNotContain(eleven);
        client.cancelAppointment("loc1", id);
        assertThat(ghl.calendars().appointmentsOf("contact1").getFirst().status()).isEqualTo("cancelled");
        assertThat(client.findAppointment(LEAD, "cal-call", eleven)).isEmpty();
        assertThat(client.freeSlots("loc1", "cal-call", MONDAY, MONDAY.plus(Duration.ofDays(1)), NEW_YORK)).contains(eleven);
    }
}
