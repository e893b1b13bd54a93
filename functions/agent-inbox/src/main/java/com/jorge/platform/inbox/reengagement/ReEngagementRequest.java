package com.jorge.platform.inbox.reengagement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.inbox.Refused;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which cold leads a person asks to re-engage, from the body of {@code POST /inbox/api/locations/{id}/reengagements}:
 * <pre>{"stages": ["nurture", "closed"], "temperatures": ["cold"], "quietDays": 30, "limit": 200,
 *  "dryRun": true, "requestId": "uuid"}</pre>
 * A lead qualifies when its stage is one of {@code stages} or its temperature one of {@code temperatures}
 * (defaults: {@code nurture} and {@code closed}; {@code cold}; either may be empty, not both) and nobody texted
 * it, nor it anyone, for {@code quietDays} (required, 1 to 365). {@code limit} (1 to 1000, default 200) caps the
 * batch, the quietest first. {@code dryRun} previews without sending. {@code requestId} (a UUID the client
 * chooses) makes a retried request the same batch. Anything else is a 400 naming the field.
 */
public record ReEngagementRequest(List<String> stages, List<String> temperatures, int quietDays, int limit,
                                  boolean dryRun, String requestId) {

    public static final Set<String> STAGES = Set.of("new", "qualifying", "booking", "nurture", "closed");
    public static final Set<String> TEMPERATURES = Set.of("cold", "warm", "hot");
    public static final int MAX_QUIET_DAYS = 365;
    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 200;
    private static final Set<String> FIELDS = Set.of("stages", "temperatures", "quietDays", "limit", "dryRun", "requestId");

    public ReEngagementRequest {
        stages = List.copyOf(stages);
        temperatures = List.copyOf(temperatures);
    }

    /** What the batch row keeps of how its leads were picked. */
    public Map<String, Object> criteria() {
        return Map.of("stages", stages, "temperatures", temperatures, "quietDays", quietDays, "limit", limit);
    }

    public static ReEngagementRequest parse(ObjectMapper json, String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (Exception e) {
            throw Refused.invalid("$", "the body is not JSON");
        }
        if (root == null || !root.isObject()) throw Refused.invalid("$", "the body must be a JSON object");
        root.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) throw Refused.invalid("$", "unknown field; allowed: " + String.join(", ", FIELDS.stream().sorted().toList()));
        });
        List<String> stages = words(root, "stages", STAGES, List.of("nurture", "closed"));
        List<String> temperatures = words(root, "temperatures", TEMPERATURES, List.of("cold"));
        if (stages.isEmpty() && temperatures.isEmpty()) {
            throw Refused.invalid("stages", "name at least one stage or temperature");
        }
        JsonNode quiet = root.get("quietDays");
        if (quiet == null || quiet.isNull()) throw Refused.invalid("quietDays", "quietDays is required (1 to " + MAX_QUIET_DAYS + ")");
        int quietDays = whole(quiet, "quietDays", MAX_QUIET_DAYS);
        JsonNode limitNode = root.get("limit");
        int limit = limitNode == null || limitNode.isNull() ? DEFAULT_LIMIT : whole(limitNode, "limit", MAX_LIMIT);
        JsonNode dry = root.get("dryRun");
        if (dry != null && !dry.isNull() && !dry.isBoolean()) throw Refused.invalid("dryRun", "dryRun must be true or false");
        boolean dryRun = dry != null && dry.asBoolean(false);
        JsonNode request = root.get("requestId");
        String requestId = null;
        if (request != null && !request.isNull()) {
            if (!request.isTextual()) throw Refused.invalid("requestId", "requestId must be a UUID");
            try {
                UUID parsed = UUID.fromString(request.asText());
                if (!parsed.toString().equals(request.asText().toLowerCase(Locale.ROOT))) throw new IllegalArgumentException();
                requestId = parsed.toString();
            } catch (IllegalArgumentException e) {
                throw Refused.invalid("requestId", "requestId must be a UUID");
            }
        }
        return new ReEngagementRequest(stages, temperatures, quietDays, limit, dryRun, requestId);
    }

    private static List<String> words(JsonNode root, String field, Set<String> allowed, List<String> fallback) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) return fallback;
        if (!v.isArray() || v.size() > allowed.size()) {
            throw Refused.invalid(field, field + " must be a list of: " + String.join(", ", allowed.stream().sorted().toList()));
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode item : v) {
            if (!item.isTextual() || !allowed.contains(item.asText())) {
                throw Refused.invalid(field, field + " must be a list of: " + String.join(", ", allowed.stream().sorted().toList()));
            }
            out.add(item.asText());
        }
        return List.copyOf(out);
    }

    private static int whole(JsonNode v, String field, int max) {
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1 || v.asInt() > max) {
            throw Refused.invalid(field, field + " must be a whole number from 1 to " + max);
        }
        return v.asInt();
    }
}
