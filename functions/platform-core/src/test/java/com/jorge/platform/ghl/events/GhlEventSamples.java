package com.jorge.platform.ghl.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.ghlfake.GhlWebhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** One body of every event type the platform acts on, with every field GHL documents for it filled in. */
final class GhlEventSamples {

    private GhlEventSamples() {}

    static List<ObjectNode> all(Instant t) {
        List<ObjectNode> out = new ArrayList<>();
        out.add(GhlWebhooks.envelope("InboundMessage", "loc1", t).put("contactId", "c1").put("conversationId", "conv1")
                .put("messageId", "m1").put("body", "I want to sell my house").put("contentType", "text/plain")
                .put("direction", "inbound").put("messageType", "SMS").put("status", "delivered")
                .put("dateAdded", t.toString()));
        out.add(GhlWebhooks.envelope("OutboundMessage", "loc1", t).put("contactId", "c1").put("conversationId", "conv1")
                .put("messageId", "m2").put("body", "I'll call you").put("direction", "outbound")
                .put("messageType", "SMS").put("userId", "u1").put("source", "app").put("status", "delivered"));
        for (String type : List.of("ContactCreate", "ContactUpdate")) {
            ObjectNode contact = GhlWebhooks.envelope(type, "loc1", t).put("id", "c1").put("firstName", "Ana")
                    .put("lastName", "Ruiz").put("name", "Ana Ruiz").put("phone", "+15125550101")
                    .put("email", "ana@example.com").put("dnd", false).put("timezone", "America/Chicago")
                    .put("source", "website form");
            contact.putArray("tags").add("website-lead").add("buyer");
            out.add(contact);
        }
        out.add(GhlWebhooks.envelope("ContactDelete", "loc1", t).put("id", "c1"));
        out.add(GhlWebhooks.envelope("ContactDndUpdate", "loc1", t).put("id", "c1").put("dnd", true));
        for (String type : List.of("OpportunityCreate", "OpportunityStatusUpdate", "OpportunityStageUpdate",
                "OpportunityMonetaryValueUpdate")) {
            out.add(GhlWebhooks.envelope(type, "loc1", t).put("id", "o1").put("contactId", "c1")
                    .put("pipelineId", "p1").put("pipelineStageId", "e93ba61a-53b3-45e7-985a-c7732dbcdb69")
                    .put("status", "open").put("monetaryValue", 425000.5).put("name", "Ana Ruiz - 12 Oak St")
                    .put("assignedTo", "agent1").put("source", "website"));
        }
        ObjectNode appt = GhlWebhooks.envelope("AppointmentCreate", "loc1", t);
        appt.putObject("appointment").put("id", "a1").put("contactId", "c1").put("calendarId", "cal1")
                .put("appointmentStatus", "confirmed").put("title", "Listing walk-through")
                .put("address", "12 Oak St").put("startTime", "2026-12-01T16:00:00+05:30")
                .put("endTime", "2026-12-01T17:00:00+05:30");
        out.add(appt);
        return out;
    }

    /** Calls {@code visit} with the JSON path (as the parser names it) and value of every string in the body. */
    static void forEachString(JsonNode node, String path, BiConsumer<String, String> visit) {
        if (node.isTextual()) {
            visit.accept(path, node.textValue());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) forEachString(node.get(i), path + "[" + i + "]", visit);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                forEachString(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), visit);
            }
        }
    }

    /** Replaces the string at {@code path} (as {@link #forEachString} names it) in a copy of {@code body}. */
    static ObjectNode withString(ObjectNode body, String path, String value) {
        ObjectNode copy = body.deepCopy();
        String[] parts = path.split("\\.");
        JsonNode parent = copy;
        for (int i = 0; i < parts.length - 1; i++) parent = parent.get(parts[i]);
        String last = parts[parts.length - 1];
        int bracket = last.indexOf('[');
        if (bracket < 0) {
            ((ObjectNode) parent).put(last, value);
        } else {
            int index = Integer.parseInt(last.substring(bracket + 1, last.length() - 1));
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent.get(last.substring(0, bracket))).set(index, value);
        }
        return copy;
    }
}
