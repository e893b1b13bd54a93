package com.jorge.platform.bots.booking;

import com.jorge.platform.conversation.AppointmentPurpose;
import com.jorge.platform.conversation.LeadRef;

import java.time.Instant;
import java.util.List;

/**
 * The team's calendars as the bots see them (a port: the worker reads GHL's free slots). Empty when the
 * location has no calendar for the purpose or the calendar cannot be read now; the bots then ask the lead
 * for a good time instead of offering slots.
 */
@FunctionalInterface
public interface BookingCalendar {

    /** No calendars: the bots ask for a good time, as before booking existed. */
    BookingCalendar NONE = (lead, purpose, from, to) -> List.of();

    /** Free slot start times from {@code from} to {@code to}, earliest first. */
    List<Instant> freeSlots(LeadRef lead, AppointmentPurpose purpose, Instant from, Instant to);
}
