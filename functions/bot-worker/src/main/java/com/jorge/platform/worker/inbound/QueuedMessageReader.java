package com.jorge.platform.worker.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghl.events.GhlEventParser;
import com.jorge.platform.ghl.events.InvalidWebhookException;
import com.jorge.platform.ghl.events.ParsedWebhook;
import com.jorge.platform.reengagement.ReEngagementQueue;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads each queued message once, by its kind. Intake and the workflows name the kind in the message
 * attribute {@code eventType}; a message without it (one sent before the attribute existed, or by hand)
 * is told by its body's {@code type}. A message that cannot be read (not JSON, or a GHL event or workflow
 * message that breaks its contract) is an {@link UnreadableMessageException} naming the reason and the
 * field: reading it again gives the same answer, so the handler drops it with that reason instead of
 * having the queue retry it into the dead-letter queue.
 */
public final class QueuedMessageReader {

    private static final Set<String> WORKFLOW_TYPES = Set.of(WorkflowMessage.NURTURE_STEP,
            WorkflowMessage.HANDOFF_ACCEPTED, WorkflowMessage.HANDOFF_UNCLAIMED, WorkflowMessage.APPROVAL_DECIDED,
            ReEngagementQueue.SEND, ReEngagementQueue.START_APPROVAL);
    private static final Set<String> DECISIONS = Set.of("approved", "rejected", "expired");
    private static final int MAX_ID = 128;
    private static final int MAX_TOKEN = 4096;

    private final ObjectMapper json;
    private final GhlEventParser ghlEvents;

    public QueuedMessageReader(ObjectMapper json) {
        this.json = json;
        this.ghlEvents = new GhlEventParser(json);
    }

    /**
     * @param eventType        the message's {@code eventType} attribute, null when it has none
     * @param receivedAtMillis when intake accepted a GHL event (0 when unknown)
     */
    public QueuedMessage read(String body, String eventType, long receivedAtMillis) {
        if (body == null) throw new UnreadableMessageException(NOT_JSON, "$", "the message has no body", null);
        if (eventType == null) {
            JsonNode root = tree(body);
            if (root != null && root.isObject() && WORKFLOW_TYPES.contains(root.path("type").asText(""))) {
                return workflowMessage(root);
            }
        } else if (WORKFLOW_TYPES.contains(eventType)) {
            JsonNode root = tree(body);
            if (root == null) throw new UnreadableMessageException(NOT_JSON, "$", "a workflow message that is not JSON", null);
            if (!root.isObject()) throw new InvalidWorkflowMessageException("$", "must be a JSON object");
            return workflowMessage(root);
        }
        ParsedWebhook parsed;
        try {
            parsed = ghlEvents.parse(body);
        } catch (InvalidWebhookException e) {
            JsonNode root = "$".equals(e.field()) ? tree(body) : null;
            throw new UnreadableMessageException("$".equals(e.field()) && root == null ? NOT_JSON : INVALID_GHL_EVENT, e.field(), e);
        }
        return switch (parsed) {
            case ParsedWebhook.Known known -> new QueuedMessage.GhlEventMessage(known.event(), body, receivedAtMillis);
            case ParsedWebhook.Unknown unknown -> new QueuedMessage.UnhandledGhlEvent(unknown.meta());
        };
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null; // not JSON: the GHL parser reports it
        }
    }

    private static QueuedMessage workflowMessage(JsonNode root) {
        LeadRef lead = new LeadRef(id(root, "locationId"), id(root, "contactId"));
        switch (root.path("type").asText()) {
            case ReEngagementQueue.SEND -> {
                return new ReEngagementMessage.Send(lead, uuid(root, "batchId"));
            }
            case ReEngagementQueue.START_APPROVAL -> {
                if (!ReEngagementQueue.BATCH_CONTACT.equals(lead.contactId())) {
                    throw new InvalidWorkflowMessageException("contactId", "must be '" + ReEngagementQueue.BATCH_CONTACT + "'");
                }
                return new ReEngagementMessage.StartApproval(lead.locationId(), uuid(root, "batchId"));
            }
            default -> { }
        }
        String execution = text(root, "execution", 2048);
        return switch (root.path("type").asText()) {
            case WorkflowMessage.NURTURE_STEP -> {
                int step = number(root, "step");
                int steps = number(root, "steps");
                if (step > steps) throw new InvalidWorkflowMessageException("step", "is after the last step (" + steps + ")");
                yield new WorkflowMessage.NurtureStep(lead, step, steps, text(root, "taskToken", MAX_TOKEN), execution,
                        instantOrNull(root, "quietSince"));
            }
            case WorkflowMessage.HANDOFF_ACCEPTED -> new WorkflowMessage.HandoffAccepted(lead, id(root, "agentId"), execution);
            case WorkflowMessage.HANDOFF_UNCLAIMED ->
                    new WorkflowMessage.HandoffUnclaimed(lead, ids(root, "agentsTried"), execution);
            case WorkflowMessage.APPROVAL_DECIDED -> {
                String decision = text(root, "decision", 16);
                if (!DECISIONS.contains(decision)) {
                    throw new InvalidWorkflowMessageException("decision", "must be approved, rejected or expired");
                }
                if (ReEngagementQueue.KIND.equals(root.path("kind").asText())) {
                    yield new WorkflowMessage.ReEngagementDecided(lead, uuid(root, "actionId"), decision.equals("approved"),
                            decision, execution);
                }
                yield new WorkflowMessage.ApprovalDecided(lead, actionId(root), decision.equals("approved"), decision,
                        execution);
            }
            default -> throw new InvalidWorkflowMessageException("type", "does not match the message's eventType");
        };
    }

    private static String text(JsonNode root, String field, int max) {
        JsonNode v = root.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new InvalidWorkflowMessageException(field, "must be a non-empty string");
        }
        if (v.asText().length() > max) throw new InvalidWorkflowMessageException(field, "is longer than " + max);
        return v.asText();
    }

    /** The worker names each held action by a UUID; anything else names no action (and must not reach the query). */
    private static String actionId(JsonNode root) {
        return uuid(root, "actionId");
    }

    /** A held action's or a re-engagement batch's id: a UUID, else it names nothing (and must not reach a query). */
    private static String uuid(JsonNode root, String field) {
        String v = text(root, field, MAX_ID);
        try {
            return java.util.UUID.fromString(v).toString().equals(v.toLowerCase(java.util.Locale.ROOT)) ? v : notUuid(field);
        } catch (IllegalArgumentException e) {
            return notUuid(field);
        }
    }

    private static String notUuid(String field) {
        throw new InvalidWorkflowMessageException(field, "batchId".equals(field)
                ? "must be the UUID of a re-engagement batch" : "must be the UUID of an action the worker holds");
    }

    private static String id(JsonNode root, String field) {
        String v = text(root, field, MAX_ID);
        if (!v.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '-' || ch == '_')) {
            throw new InvalidWorkflowMessageException(field, "must hold letters, digits, '-' and '_' only");
        }
        return v;
    }

    private static int number(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
            throw new InvalidWorkflowMessageException(field, "must be a whole number from 1");
        }
        return v.asInt();
    }

    private static List<String> ids(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || !v.isArray() || v.isEmpty() || v.size() > 20) {
            throw new InvalidWorkflowMessageException(field, "must be a list of 1 to 20 ids");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > MAX_ID) {
                throw new InvalidWorkflowMessageException(field, "must hold non-empty ids");
            }
            out.add(item.asText());
        }
        return out;
    }

    /** Older executions (started before the field existed) send none: the step then trusts the state. */
    private static Instant instantOrNull(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) return null;
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new InvalidWorkflowMessageException(field, "must be an ISO-8601 instant");
        }
    }

    /** The reasons an {@link UnreadableMessageException} gives (the {@code QueueMessagesDropped} metric's dimension). */
    public static final String NOT_JSON = "not_json";
    public static final String INVALID_GHL_EVENT = "invalid_ghl_event";
    public static final String INVALID_WORKFLOW_MESSAGE = "invalid_workflow_message";

    /**
     * A queued body that cannot be read, whatever the number of tries: {@link #reason()} is one of
     * {@link #NOT_JSON}, {@link #INVALID_GHL_EVENT}, {@link #INVALID_WORKFLOW_MESSAGE}; {@link #field()} the
     * JSON field at fault ({@code $} for the whole body), which may name a key the sender chose.
     */
    public static class UnreadableMessageException extends IllegalArgumentException {
        private final String reason;
        private final String field;

        UnreadableMessageException(String reason, String field, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
            this.field = field;
        }

        UnreadableMessageException(String reason, String field, InvalidWebhookException cause) {
            this(reason, field, "GHL event field '" + field + "': " + cause.getMessage(), cause);
        }

        public String reason() {
            return reason;
        }

        public String field() {
            return field;
        }
    }

    public static final class InvalidWorkflowMessageException extends UnreadableMessageException {
        public InvalidWorkflowMessageException(String field, String problem) {
            super(INVALID_WORKFLOW_MESSAGE, field, "workflow message field '" + field + "' " + problem, null);
        }
    }
}
