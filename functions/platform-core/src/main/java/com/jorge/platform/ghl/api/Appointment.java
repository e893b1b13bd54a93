package com.jorge.platform.ghl.api;

import java.time.Instant;

/** An appointment the bots book on a GHL calendar; {@code assignedUserId} may be null (the calendar's own). */
public record Appointment(String calendarId, Instant start, Instant end, String title, String assignedUserId) {}
