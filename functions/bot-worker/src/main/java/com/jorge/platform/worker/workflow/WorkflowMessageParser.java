package com.jorge.platform.worker.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.conversation.LeadRef;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells the workflows' messages from GHL events on the shared queue, by their {@code type}, and reads
 * them. A workflow message that breaks the contract is a bug in a state machine: it fails loudly, naming
 * the field, so the queue parks it in the dead-letter queue for a replay after the fix.
 */
public final class WorkflowMessageParser {

    private static final Set<String> TYPES = Set.of("nurture.step", "handoff.accepted", "handoff.unclaimed");
    private static final int MAX_ID = 128;
    private static final int MAX_TOKEN = 4096;

    private final ObjectMapper json;

    public WorkflowMessageParser(ObjectMapper json) {
        this.json = json;
    }

    /** The workflow message in {@code body}, or empty when it is not one (a GHL event). */
    public Optional<WorkflowMessage> parse(String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            return Optional.empty(); // not JSON: the GHL parser reports it
        }
        if (root == null || !root.isObject() || !TYPES.contains(root.path("type").asText(""))) return Optional.empty();
        LeadRef lead = new LeadRef(id(root, "locationId"), id(root, "contactId"));
        String execution = text(root, "execution", 2048);
        return Optional.of(switch (root.path("type").asText()) {
            case "nurture.step" -> {
                int step = number(root, "step");
                int steps = number(root, "steps");
                if (step > steps) throw new InvalidWorkflowMessageException("step", "is after the last step (" + steps + ")");
                yield new WorkflowMessage.NurtureStep(lead, step, steps, text(root, "taskToken", MAX_TOKEN), execution,
                        instantOrNull(root, "quietSince"));
            }
            case "handoff.accepted" -> new WorkflowMessage.HandoffAccepted(lead, id(root, "agentId"), execution);
            default -> new WorkflowMessage.HandoffUnclaimed(lead, ids(root, "agentsTried"), execution);
        });
    }

    private static String text(JsonNode root, String field, int max) {
        JsonNode v = root.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new InvalidWorkflowMessageException(field, "must be a non-empty string");
        }
        if (v.asText().length() > max) throw new InvalidWorkflowMessageException(field, "is longer than " + max);
        return v.asText();
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

    public static final class InvalidWorkflowMessageException extends IllegalArgumentException {
        public InvalidWorkflowMessageException(String field, String problem) {
            super("workflow message field '" + field + "' " + problem);
        }
    }
}
