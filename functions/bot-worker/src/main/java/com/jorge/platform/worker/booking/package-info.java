/**
 * Appointments on the team's GHL calendars: which calendar takes which purpose ({@code BookingCalendars}),
 * the bots' view of free slots ({@code GhlBookingCalendar}) and the appointments the bots booked
 * ({@code BotAppointments}; the outbox's {@code delivery.AppointmentActions} books, moves and cancels them).
 */
package com.jorge.platform.worker.booking;
