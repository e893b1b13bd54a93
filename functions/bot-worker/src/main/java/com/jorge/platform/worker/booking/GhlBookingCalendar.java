package com.jorge.platform.worker.booking;

import com.jorge.platform.bots.booking.BookingCalendar;
import com.jorge.platform.conversation.AppointmentPurpose;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghl.api.GhlApiClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The bots' view of the team's calendars, read from GHL's free slots through {@link FreeSlotCache}, so a
 * turn never waits on GHL for a calendar this process has read before. A calendar GHL cannot show now (an
 * outage, a rate limit) reads as no slots: the bots then ask the lead for a good time, and the turn is
 * never lost to the calendar.
 */
public final class GhlBookingCalendar implements BookingCalendar {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private final FreeSlotCache slots;
    private final BookingCalendars calendars;

    public GhlBookingCalendar(FreeSlotCache slots, BookingCalendars calendars) {
        this.slots = slots;
        this.calendars = calendars;
    }

    /** The cache over GHL's Calendars API ({@code GET /calendars/{id}/free-slots}). */
    public static FreeSlotCache cacheOver(GhlApiClient ghl, FreeSlotCache.Settings settings, Clock clock) {
        return new FreeSlotCache((location, calendar, from, to) -> ghl.freeSlots(location, calendar, from, to, UTC),
                settings, clock, Executors.newVirtualThreadPerTaskExecutor());
    }

    @Override
    public List<Instant> freeSlots(LeadRef lead, AppointmentPurpose purpose, Instant from, Instant to) {
        String calendarId = calendars.calendarFor(lead.locationId(), purpose).orElse(null);
        if (calendarId == null) return List.of();
        return slots.freeSlots(lead.locationId(), calendarId, from, to);
    }
}
