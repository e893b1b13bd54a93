package com.jorge.platform.perf.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.ghlfake.GhlWebhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payloads of issue 11's findings 1 to 3, each from a lead of its own: a long repetitive text, NUL,
 * lone and reversed surrogates (written as JSON escapes, as GHL would send them), monetaryValue 1e12 and
 * 1e309, an appointment ending in year -999999999. A well-behaved platform answers each 200 and handles
 * it, or 400 naming the field; either way the lead's next, ordinary message is answered.
 */
final class HostilePayloads {

    /** A hostile body; {@code text} is the decoded message text when it is an InboundMessage. */
    record Payload(String kind, String locationId, String contactId, String eventType, String text, String body) {}

    private HostilePayloads() {}

    static List<Payload> all(String locationId, String contactPrefix, Instant now) {
        List<Payload> out = new ArrayList<>();
        out.add(text("long-repetitive-a", locationId, contactPrefix + "-long-a", "a".repeat(5_000), null, now));
        out.add(text("long-repetitive-ha", locationId, contactPrefix + "-long-ha", "ha".repeat(3_000), null, now));
        out.add(text("long-digits-words", locationId, contactPrefix + "-long-dw", "in 3 months ".repeat(800), null, now));
        out.add(text("nul", locationId, contactPrefix + "-nul", "hello\u0000world", null, now));
        out.add(text("lone-high-surrogate", locationId, contactPrefix + "-lone", "hi \uD800 there", "hi \\ud800 there", now));
        out.add(text("reversed-surrogates", locationId, contactPrefix + "-rev", "hi \uDC00\uD800 there", "hi \\udc00\\ud800 there", now));
        out.add(opportunity("monetary-1e12", locationId, contactPrefix + "-money12", "1e12", now));
        out.add(opportunity("monetary-1e309", locationId, contactPrefix + "-money309", "1e309", now));
        out.add(appointment("end-year-minus-999999999", locationId, contactPrefix + "-appt", now));
        return out;
    }

    /** {@code jsonEscaped} (nullable) replaces the text in the JSON when Java cannot encode it as UTF-8. */
    private static Payload text(String kind, String locationId, String contactId, String text, String jsonEscaped, Instant now) {
        String body = GhlWebhooks.inboundSms(locationId, contactId, jsonEscaped == null ? text : "@@TEXT@@", now);
        if (jsonEscaped != null) body = body.replace("@@TEXT@@", jsonEscaped);
        return new Payload(kind, locationId, contactId, "InboundMessage", text, body);
    }

    private static Payload opportunity(String kind, String locationId, String contactId, String rawValue, Instant now) {
        ObjectNode n = GhlWebhooks.envelope("OpportunityCreate", locationId, now).put("id", "opp-" + contactId)
                .put("contactId", contactId).put("pipelineId", "local-pipeline").put("pipelineStageId", "stage-qualifying")
                .put("status", "open").put("name", "Hostile deal").put("monetaryValue", "@@VALUE@@");
        String body = n.toString().replace("\"@@VALUE@@\"", rawValue);
        return new Payload(kind, locationId, contactId, "OpportunityCreate", null, body);
    }

    private static Payload appointment(String kind, String locationId, String contactId, Instant now) {
        ObjectNode n = GhlWebhooks.envelope("AppointmentCreate", locationId, now);
        n.putObject("appointment").put("id", "appt-" + contactId).put("contactId", contactId).put("calendarId", "cal-1")
                .put("appointmentStatus", "confirmed").put("title", "Showing")
                .put("startTime", "2026-12-01T15:00:00Z").put("endTime", "-999999999-01-01T00:00:00Z");
        return new Payload(kind, locationId, contactId, "AppointmentCreate", null, n.toString());
    }

    private static final Pattern WEBHOOK_ID = Pattern.compile("\"webhookId\":\"([^\"]+)\"");

    /** Read from the text: a hostile body need not parse. */
    static String webhookIdOf(String body) {
        Matcher m = WEBHOOK_ID.matcher(body);
        if (!m.find()) throw new IllegalStateException("a webhook body without webhookId");
        return m.group(1);
    }
}
