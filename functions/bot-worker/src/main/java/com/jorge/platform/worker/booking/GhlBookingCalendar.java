package com.jorge.platform.worker.booking;

import com.jorge.platform.bots.booking.BookingCalendar;
import com.jorge.platform.conversation.AppointmentPurpose;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghl.api.GhlApiClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The bots' view of the team's calendars, read from GHL's free slots. A calendar GHL cannot show now
 * (an outage, a rate limit) reads as no slots: the bots then ask the lead for a good time, and the turn
 * is never lost to the calendar.
 */
public final class GhlBookingCalendar implements BookingCalendar {

    private static final Logger log = LoggerFactory.getLogger(GhlBookingCalendar.class);

    private static final ZoneId UTC = ZoneId.of("UTC");

    private final GhlApiClient ghl;
    private final BookingCalendars calendars;

    public GhlBookingCalendar(GhlApiClient ghl, BookingCalendars calendars) {
        this.ghl = ghl;
        this.calendars = calendars;
    }

    @Override
    public List<Instant> freeSlots(LeadRef lead, AppointmentPurpose purpose, Instant from, Instant to) {
        String calendarId = calendars.calendarFor(lead.locationId(), purpose).orElse(null);
        if (calendarId == null) return List.of();
        try {
            return ghl.freeSlots(lead.locationId(), calendarId, from, to, UTC);
        } catch (RuntimeException e) {
            log.warn("free slots of the {} calendar could not be read ({}); the bot asks for a time instead",
                    purpose, e.getClass().getSimpleName());
            return List.of();
        }
    }
}
