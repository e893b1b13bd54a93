package com.jorge.platform.ghlfake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/** Webhook bodies shaped like GHL's documented examples, for tests, the demo and the benchmark. */
public final class GhlWebhooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GhlWebhooks() {}

    public static ObjectNode envelope(String type, String locationId, Instant timestamp) {
        return JSON.createObjectNode().put("type", type).put("locationId", locationId)
                .put("webhookId", UUID.randomUUID().toString()).put("timestamp", timestamp.toString());
    }

    public static String inboundSms(String locationId, String contactId, String text, Instant timestamp) {
        return envelope("InboundMessage", locationId, timestamp)
                .put("contactId", contactId).put("conversationId", "conv-" + contactId)
                .put("messageId", "in-" + UUID.randomUUID().toString().substring(0, 18))
                .put("body", text).put("contentType", "text/plain").put("direction", "inbound")
                .put("messageType", "SMS").put("status", "delivered").put("dateAdded", timestamp.toString())
                .toString();
    }

    /** GHL's {@code AppointmentCreate} or {@code AppointmentUpdate} for an appointment the fake holds. */
    public static String appointment(String type, FakeCalendars.Appointment a, Instant timestamp) {
        ObjectNode body = envelope(type, a.locationId(), timestamp);
        body.putObject("appointment").put("id", a.id()).put("calendarId", a.calendarId()).put("contactId", a.contactId())
                .put("title", a.title()).put("appointmentStatus", a.status())
                .put("startTime", a.start().toString()).put("endTime", a.end().toString());
        return body.toString();
    }

    public static String humanReply(String locationId, String contactId, String text, Instant timestamp) {
        return envelope("OutboundMessage", locationId, timestamp)
                .put("contactId", contactId).put("conversationId", "conv-" + contactId)
                .put("messageId", "out-" + UUID.randomUUID().toString().substring(0, 18))
                .put("body", text).put("direction", "outbound").put("messageType", "SMS")
                .put("userId", "agent-user-1").put("source", "app").put("status", "delivered")
                .toString();
    }

    public static String contactCreate(String locationId, String contactId, String firstName, String lastName,
                                       String phone, String email, Instant timestamp) {
        return contactCreate(locationId, contactId, firstName, lastName, phone, email, java.util.List.of("website-lead"), timestamp);
    }

    public static String contactCreate(String locationId, String contactId, String firstName, String lastName,
                                       String phone, String email, java.util.List<String> tags, Instant timestamp) {
        ObjectNode n = envelope("ContactCreate", locationId, timestamp).put("id", contactId)
                .put("firstName", firstName).put("lastName", lastName)
                .put("name", lastName == null ? firstName : firstName + " " + lastName)
                .put("phone", phone).put("email", email).put("dnd", false).put("source", "website form");
        tags.forEach(n.putArray("tags")::add);
        return n.toString();
    }

    public static String dndUpdate(String locationId, String contactId, boolean dnd, Instant timestamp) {
        return envelope("ContactDndUpdate", locationId, timestamp).put("id", contactId).put("dnd", dnd).toString();
    }
}
