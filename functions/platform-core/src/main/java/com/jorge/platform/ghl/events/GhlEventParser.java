package com.jorge.platform.ghl.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeType;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a webhook body into a typed {@link GhlEvent}, checking every field the platform relies on.
 * Ids end up in Redis keys, SQS group ids and SQL, so they are held to GHL's id alphabet; everything the
 * worker stores is held to the database's limits ({@link StorageLimits}), so an event that parses can be
 * stored. Every refusal is an {@link InvalidWebhookException} naming the field; nothing else escapes.
 */
public final class GhlEventParser {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern WEBHOOK_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final int MAX_TEXT = 16_384;

    private final ObjectReader json;

    public GhlEventParser(ObjectMapper json) {
        this.json = json.reader()
                // 1e309 stays a number we can refuse, instead of a double that is Infinity
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // the number's written scale is what jsonb's numeric keeps
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    public ParsedWebhook parse(String body) {
        JsonNode root;
        String afterDocument;
        try (JsonParser tokens = json.createParser(body)) {
            root = json.readTree(tokens);
            // the worker stores the whole body as jsonb, which refuses anything after the document
            afterDocument = tokens.nextToken() == null ? null : JsonSyntaxMessage.trailing(tokens);
        } catch (IOException e) { // the JSON library's own words stay out of the answer
            throw new InvalidWebhookException("$", JsonSyntaxMessage.of(e));
        } catch (RuntimeException e) { // a number the JDK cannot represent, say; the input's fault either way
            throw new InvalidWebhookException("$", "body is not valid JSON: it has a value that cannot be read");
        }
        if (afterDocument != null) throw new InvalidWebhookException("$", afterDocument);
        if (root == null || !root.isObject()) {
            throw new InvalidWebhookException("$", "body must be a JSON object");
        }
        StorageLimits.checkDocument(root);
        EventMeta meta = new EventMeta(
                requiredText(root, "type", 64),
                requiredId(root, "locationId"),
                required(root, "webhookId", WEBHOOK_ID, "1-128 characters of letters, digits, '_', '.', ':' or '-'"),
                requiredInstant(root, "timestamp"));
        return switch (meta.type()) {
            case "InboundMessage" -> new ParsedWebhook.Known(new GhlEvent.InboundMessage(meta,
                    requiredId(root, "contactId"), optionalId(root, "conversationId"), optionalId(root, "messageId"),
                    optionalText(root, "body"), optionalText(root, "messageType"), optionalInstant(root, "dateAdded")));
            case "OutboundMessage" -> new ParsedWebhook.Known(new GhlEvent.OutboundMessage(meta,
                    requiredId(root, "contactId"), optionalId(root, "conversationId"), optionalId(root, "messageId"),
                    optionalText(root, "body"), optionalText(root, "messageType"), optionalId(root, "userId"),
                    optionalText(root, "source")));
            case "ContactCreate" -> new ParsedWebhook.Known(contact(meta, root, GhlEvent.ContactChange.CREATED));
            case "ContactUpdate" -> new ParsedWebhook.Known(contact(meta, root, GhlEvent.ContactChange.UPDATED));
            case "ContactDelete" -> new ParsedWebhook.Known(new GhlEvent.ContactDeleted(meta, requiredId(root, "id")));
            case "ContactDndUpdate" -> new ParsedWebhook.Known(new GhlEvent.ContactDndChanged(meta,
                    requiredId(root, "id"), requiredBoolean(root, "dnd")));
            case "OpportunityCreate" -> new ParsedWebhook.Known(opportunity(meta, root, GhlEvent.OpportunityChange.CREATED));
            case "OpportunityStatusUpdate" -> new ParsedWebhook.Known(opportunity(meta, root, GhlEvent.OpportunityChange.STATUS));
            case "OpportunityStageUpdate" -> new ParsedWebhook.Known(opportunity(meta, root, GhlEvent.OpportunityChange.STAGE));
            case "OpportunityMonetaryValueUpdate" -> new ParsedWebhook.Known(opportunity(meta, root, GhlEvent.OpportunityChange.MONETARY_VALUE));
            // an update (moved, cancelled) carries the same appointment object: the record keeps its latest state
            case "AppointmentCreate", "AppointmentUpdate" -> new ParsedWebhook.Known(appointment(meta, root));
            default -> new ParsedWebhook.Unknown(meta);
        };
    }

    private GhlEvent.ContactChanged contact(EventMeta meta, JsonNode root, GhlEvent.ContactChange change) {
        return new GhlEvent.ContactChanged(meta, change, requiredId(root, "id"),
                optionalText(root, "firstName"), optionalText(root, "lastName"),
                optionalText(root, "phone"), optionalText(root, "email"),
                stringList(root, "tags"), optionalBoolean(root, "dnd"), optionalText(root, "timezone"));
    }

    private GhlEvent.OpportunityChanged opportunity(EventMeta meta, JsonNode root, GhlEvent.OpportunityChange change) {
        return new GhlEvent.OpportunityChanged(meta, change, requiredId(root, "id"), requiredId(root, "contactId"),
                optionalId(root, "pipelineId"), optionalText(root, "pipelineStageId"), optionalText(root, "status"),
                optionalMoney(root, "monetaryValue"), optionalText(root, "name"), optionalId(root, "assignedTo"));
    }

    private GhlEvent.AppointmentCreated appointment(EventMeta meta, JsonNode root) {
        JsonNode appt = root.get("appointment");
        if (appt == null || !appt.isObject()) {
            throw new InvalidWebhookException("appointment", "appointment is required and must be an object");
        }
        return new GhlEvent.AppointmentCreated(meta, requiredId(appt, "id", "appointment.id"),
                requiredId(appt, "contactId", "appointment.contactId"),
                optionalId(appt, "calendarId", "appointment.calendarId"),
                optionalText(appt, "appointmentStatus", "appointment.appointmentStatus"),
                optionalText(appt, "title", "appointment.title"),
                optionalInstant(appt, "startTime", "appointment.startTime"),
                optionalInstant(appt, "endTime", "appointment.endTime"));
    }

    private static String requiredText(JsonNode node, String field, int maxLength) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw new InvalidWebhookException(field, field + " is required");
        if (!v.isTextual()) throw typeError(field, "a string", v);
        String s = v.asText();
        if (s.isBlank()) throw new InvalidWebhookException(field, field + " must not be empty");
        if (s.length() > maxLength) throw new InvalidWebhookException(field, field + " is longer than " + maxLength + " characters");
        return s;
    }

    private static String required(JsonNode node, String field, Pattern pattern, String rule) {
        String s = requiredText(node, field, 1024);
        if (!pattern.matcher(s).matches()) throw new InvalidWebhookException(field, field + " must be " + rule);
        return s;
    }

    private static String requiredId(JsonNode node, String field) {
        return requiredId(node, field, field);
    }

    private static String requiredId(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw new InvalidWebhookException(path, path + " is required");
        if (!v.isTextual()) throw typeError(path, "a string", v);
        if (!ID.matcher(v.asText()).matches()) {
            throw new InvalidWebhookException(path, path + " must be 1-64 letters, digits, '_' or '-'");
        }
        return v.asText();
    }

    private static String optionalId(JsonNode node, String field) {
        return optionalId(node, field, field);
    }

    private static String optionalId(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        return requiredId(node, field, path);
    }

    private static String optionalText(JsonNode node, String field) {
        return optionalText(node, field, field);
    }

    private static String optionalText(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw typeError(path, "a string", v);
        if (v.asText().length() > MAX_TEXT) {
            throw new InvalidWebhookException(path, path + " is longer than " + MAX_TEXT + " characters");
        }
        return v.asText();
    }

    private static boolean requiredBoolean(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw new InvalidWebhookException(field, field + " is required");
        if (!v.isBoolean()) throw typeError(field, "a boolean", v);
        return v.booleanValue();
    }

    private static boolean optionalBoolean(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return false;
        if (!v.isBoolean()) throw typeError(field, "a boolean", v);
        return v.booleanValue();
    }

    private static BigDecimal optionalMoney(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isNumber()) throw typeError(field, "a number", v);
        return StorageLimits.money(field, v.decimalValue());
    }

    private static Instant requiredInstant(JsonNode node, String field) {
        Instant t = optionalInstant(node, field);
        if (t == null) throw new InvalidWebhookException(field, field + " is required");
        return t;
    }

    private static Instant optionalInstant(JsonNode node, String field) {
        return optionalInstant(node, field, field);
    }

    private static Instant optionalInstant(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw typeError(path, "an ISO-8601 date-time string", v);
        Instant t;
        try {
            t = OffsetDateTime.parse(v.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidWebhookException(path, path + " must be an ISO-8601 date-time with offset, e.g. 2025-01-28T14:35:00Z");
        }
        return StorageLimits.instant(path, t);
    }

    private static List<String> stringList(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw typeError(field, "an array of strings", v);
        if (v.size() > 500) throw new InvalidWebhookException(field, field + " has more than 500 entries");
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isTextual()) throw typeError(field + "[" + i + "]", "a string", item);
            out.add(item.asText());
        }
        return out;
    }

    private static InvalidWebhookException typeError(String field, String expected, JsonNode actual) {
        return new InvalidWebhookException(field, field + " must be " + expected + ", not " + describe(actual.getNodeType()));
    }

    private static String describe(JsonNodeType type) {
        return switch (type) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> type.name().toLowerCase();
        };
    }
}
