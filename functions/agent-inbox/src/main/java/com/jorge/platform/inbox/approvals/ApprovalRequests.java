package com.jorge.platform.inbox.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.storage.Transactor;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The approval workflow's requests as they arrive on the AgentNotifications topic
 * ({@code {"type": "approval.request", "locationId", "contactId"?, "kind", "summary", "rules", "expiresInSeconds",
 * "taskToken"}}): each becomes one {@code approvals} row however often SNS delivers it. Returns false for a
 * message that is not one (the caller tries the next kind).
 */
public final class ApprovalRequests {

    public static final String TYPE = "approval.request";
    private final Transactor db;
    private final ApprovalRepository approvals;
    private final ObjectMapper json;
    private final Clock clock;

    public ApprovalRequests(Transactor db, ApprovalRepository approvals, ObjectMapper json, Clock clock) {
        this.db = db;
        this.approvals = approvals;
        this.json = json;
        this.clock = clock;
    }

    public boolean handle(String message) {
        JsonNode m;
        try {
            m = json.readTree(message);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        if (m == null || !TYPE.equals(m.path("type").asText())) return false;
        String location = text(m, "locationId");
        String kind = text(m, "kind");
        String summary = text(m, "summary");
        String token = text(m, "taskToken");
        long expires = m.path("expiresInSeconds").asLong(0);
        if (location == null || kind == null || summary == null || token == null || expires <= 0) return false;
        List<String> rules = new ArrayList<>();
        m.path("rules").forEach(r -> { if (r.isTextual()) rules.add(r.asText()); });
        Instant now = clock.instant();
        db.inTransaction(c -> approvals.record(c, location, text(m, "contactId"), kind, summary, rules, token, now,
                now.plusSeconds(expires)));
        return true;
    }

    private static String text(JsonNode m, String field) {
        JsonNode v = m.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
