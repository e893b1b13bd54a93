package com.jorge.platform.ghlfake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GHL's Calendars API as the bots use it (calendars.json): free slots, appointments created, moved and
 * cancelled, and the calendar's events. Every calendar is open Monday to Saturday, hourly slots from
 * 09:00 to 16:00 in {@link #ZONE}; a slot is free while no live appointment holds it and nobody else
 * took it ({@link #takeSlot}, a booking made elsewhere in between). Booking a slot that is not free
 * answers 400 "The slot you have selected is no longer available", as GHL does.
 */
public final class FakeCalendars {

    /** The team's own zone: the calendars' opening hours are in it. */
    public static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static final Duration SLOT = Duration.ofHours(1);
    static final String TAKEN = "The slot you have selected is no longer available";

    /** One appointment the fake holds. */
    public record Appointment(String id, String locationId, String calendarId, String contactId, Instant start,
                              Instant end, String title, String status, String assignedUserId) {
        Appointment with(Instant newStart, Instant newEnd, String newStatus, String newTitle) {
            return new Appointment(id, locationId, calendarId, contactId, newStart, newEnd, newTitle, newStatus, assignedUserId);
        }

        public boolean live() {
            return !"cancelled".equals(status);
        }
    }

    /** An answer: the HTTP status and its JSON body. */
    record Answer(int status, JsonNode body) {}

    private final ObjectMapper json;
    private final Map<String, Appointment> appointments = new ConcurrentHashMap<>();
    private final Set<String> takenElsewhere = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();

    FakeCalendars(ObjectMapper json) {
        this.json = json;
    }

    /** Someone else books {@code start} on {@code calendarId}: the slot stops being free. */
    public void takeSlot(String calendarId, Instant start) {
        takenElsewhere.add(calendarId + "@" + start);
    }

    /** The appointments made through the API, oldest first. */
    public List<Appointment> appointments() {
        return appointments.values().stream().sorted((a, b) -> Long.compare(number(a.id()), number(b.id()))).toList();
    }

    /** The contact's appointments, oldest first. */
    public List<Appointment> appointmentsOf(String contactId) {
        return appointments().stream().filter(a -> a.contactId().equals(contactId)).toList();
    }

    void clear() {
        appointments.clear();
        takenElsewhere.clear();
    }

    Answer handle(String method, String path, Map<String, String> query, JsonNode body) {
        if (method.equals("GET") && path.endsWith("/free-slots")) {
            String calendarId = path.substring("/calendars/".length(), path.length() - "/free-slots".length());
            return freeSlots(calendarId, query);
        }
        if (method.equals("POST") && path.equals("/calendars/events/appointments")) {
            return create(body);
        }
        if (path.startsWith("/calendars/events/appointments/")) {
            String id = path.substring("/calendars/events/appointments/".length());
            Appointment found = appointments.get(id);
            if (found == null) return error(404, "Appointment not found");
            return method.equals("PUT") ? update(found, body) : new Answer(200, appointmentJson(found));
        }
        if (method.equals("GET") && path.equals("/calendars/events")) {
            return events(query);
        }
        return error(404, "not faked: " + method + " " + path);
    }

    private Answer freeSlots(String calendarId, Map<String, String> query) {
        Instant from;
        Instant to;
        try {
            from = Instant.ofEpochMilli(Long.parseLong(query.get("startDate")));
            to = Instant.ofEpochMilli(Long.parseLong(query.get("endDate")));
        } catch (RuntimeException e) {
            return error(400, "startDate and endDate are required, in epoch milliseconds");
        }
        if (Duration.between(from, to).toDays() > 31 || to.isBefore(from)) {
            return error(400, "Date range cannot be more than 31 days");
        }
        ZoneId zone = query.containsKey("timezone") ? ZoneId.of(query.get("timezone")) : ZONE;
        Map<LocalDate, List<String>> days = new TreeMap<>();
        for (LocalDate day = from.atZone(ZONE).toLocalDate(); !day.atStartOfDay(ZONE).toInstant().isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
            for (int hour = 9; hour <= 16; hour++) {
                Instant start = ZonedDateTime.of(day, LocalTime.of(hour, 0), ZONE).toInstant();
                if (start.isBefore(from) || start.isAfter(to) || !free(calendarId, start, null)) continue;
                ZonedDateTime local = start.atZone(zone);
                days.computeIfAbsent(local.toLocalDate(), d -> new ArrayList<>()).add(local.toOffsetDateTime().toString());
            }
        }
        ObjectNode out = json.createObjectNode();
        days.forEach((day, slots) -> {
            ArrayNode list = out.putObject(day.toString()).putArray("slots");
            slots.forEach(list::add);
        });
        return new Answer(200, out);
    }

    private synchronized Answer create(JsonNode body) {
        String calendarId = body.path("calendarId").asText("");
        String contactId = body.path("contactId").asText("");
        Instant start = instant(body.path("startTime").asText(null));
        if (calendarId.isEmpty() || contactId.isEmpty() || start == null) {
            return error(400, "calendarId, contactId and startTime are required");
        }
        if (!free(calendarId, start, null)) return error(400, TAKEN);
        Instant end = instant(body.path("endTime").asText(null));
        Appointment made = new Appointment("fake-appt-" + ids.incrementAndGet(), body.path("locationId").asText(),
                calendarId, contactId, start, end == null ? start.plus(SLOT) : end, body.path("title").asText(""),
                body.path("appointmentStatus").asText("confirmed"), body.path("assignedUserId").asText(null));
        appointments.put(made.id(), made);
        return new Answer(200, appointmentJson(made));
    }

    private synchronized Answer update(Appointment found, JsonNode body) {
        Instant start = body.hasNonNull("startTime") ? instant(body.path("startTime").asText()) : found.start();
        Instant end = body.hasNonNull("endTime") ? instant(body.path("endTime").asText()) : found.end();
        String status = body.path("appointmentStatus").asText(found.status());
        if (start == null || end == null) return error(400, "startTime and endTime must be ISO 8601 date-times");
        if (!"cancelled".equals(status) && !start.equals(found.start()) && !free(found.calendarId(), start, found.id())) {
            return error(400, TAKEN);
        }
        Appointment changed = found.with(start, end, status, body.path("title").asText(found.title()));
        appointments.put(changed.id(), changed);
        return new Answer(200, appointmentJson(changed));
    }

    private Answer events(Map<String, String> query) {
        String calendarId = query.get("calendarId");
        Instant from = Instant.ofEpochMilli(Long.parseLong(query.getOrDefault("startTime", "0")));
        Instant to = Instant.ofEpochMilli(Long.parseLong(query.getOrDefault("endTime", Long.toString(Long.MAX_VALUE / 2))));
        ObjectNode out = json.createObjectNode();
        ArrayNode events = out.putArray("events");
        appointments().stream()
                .filter(a -> a.calendarId().equals(calendarId) && !a.start().isBefore(from) && a.start().isBefore(to))
                .forEach(a -> events.add(appointmentJson(a)));
        return new Answer(200, out);
    }

    private boolean free(String calendarId, Instant start, String except) {
        if (takenElsewhere.contains(calendarId + "@" + start)) return false;
        return appointments.values().stream().noneMatch(a -> a.live() && a.calendarId().equals(calendarId)
                && a.start().equals(start) && !a.id().equals(except));
    }

    private ObjectNode appointmentJson(Appointment a) {
        ObjectNode out = json.createObjectNode().put("id", a.id()).put("calendarId", a.calendarId())
                .put("locationId", a.locationId()).put("contactId", a.contactId())
                .put("startTime", a.start().atZone(ZONE).toOffsetDateTime().toString())
                .put("endTime", a.end().atZone(ZONE).toOffsetDateTime().toString())
                .put("title", a.title()).put("appointmentStatus", a.status());
        if (a.assignedUserId() != null) out.put("assignedUserId", a.assignedUserId());
        return out;
    }

    private Answer error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", status);
        body.put("message", message);
        return new Answer(status, json.valueToTree(body));
    }

    private static long number(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }

    private static Instant instant(String iso) {
        if (iso == null) return null;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
