package com.jorge.platform.inbox.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.inbox.auth.Caller;
import com.jorge.platform.inbox.auth.Members;
import com.jorge.platform.inbox.offers.AgentNotices;
import com.jorge.platform.reengagement.ReEngagementQueue;
import com.jorge.platform.storage.Transactor;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The approval workflow's requests as they arrive on the AgentNotifications topic
 * ({@code {"type": "approval.request", "locationId", "contactId"?, "kind", "summary", "rules", "expiresInSeconds",
 * "taskToken", "teamLeadId"?, "escalated"?, "assignee"?}}): each becomes one {@code approvals} row however often
 * SNS delivers it (an escalation's row names its assignee, as a reassignment does), and one notice through GHL
 * ({@link AgentNotices}): an escalation to its assignee, a first
 * request to the location's approvals person, else the team lead. Returns false for a message that is not
 * one (the caller tries the next kind).
 */
public final class ApprovalRequests {

    public static final String TYPE = "approval.request";
    private final Transactor db;
    private final ApprovalRepository approvals;
    private final Members members;
    private final AgentNotices notices;
    private final ObjectMapper json;
    private final Clock clock;

    public ApprovalRequests(Transactor db, ApprovalRepository approvals, Members members, AgentNotices notices,
                            ObjectMapper json, Clock clock) {
        this.db = db;
        this.approvals = approvals;
        this.members = members;
        this.notices = notices;
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
        String assignee = text(m, "assignee");
        record Pending(String approvalId, Optional<Caller.Membership> person, AgentNotices.Channel channel) {}
        Pending p = db.inTransaction(c -> {
            // a re-engagement batch is about many leads: its approval names none (the page links no lead)
            String contact = ReEngagementQueue.KIND.equals(kind) ? null : text(m, "contactId");
            String id = approvals.record(c, location, contact, kind, summary, rules, assignee, token, now,
                    now.plusSeconds(expires));
            String to = assignee != null ? assignee : notices.approvalsUser(c, location).orElse(text(m, "teamLeadId"));
            return new Pending(id, to == null ? Optional.empty() : members.byGhlUser(c, location, to),
                    notices.channel(c, location));
        });
        String contact = p.person().map(Caller.Membership::notifyContactId).orElse(null);
        if (contact == null || p.channel() == AgentNotices.Channel.OFF) return true;
        // notify first, then mark: a crash in between repeats the notice, never loses it
        if (db.inTransaction(c -> approvals.notified(c, p.approvalId()))) return true;
        notices.send(p.channel(), location, contact,
                assignee != null ? "An approval nobody answered waits for you" : "The bot needs your approval",
                "approval/" + p.approvalId());
        db.inTransaction(c -> {
            approvals.markNotified(c, p.approvalId(), clock.instant());
            return null;
        });
        return true;
    }

    private static String text(JsonNode m, String field) {
        JsonNode v = m.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
