package com.jorge.platform.inbox.reengagement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.approvals.ApprovalPolicies;
import com.jorge.platform.approvals.ApprovalPolicy;
import com.jorge.platform.approvals.ProposedAction;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.inbox.Refused;
import com.jorge.platform.inbox.auth.AccessDenied;
import com.jorge.platform.inbox.auth.Caller;
import com.jorge.platform.inbox.reengagement.ColdLeads.ColdLead;
import com.jorge.platform.reengagement.ReEngagementQueue;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.storage.Transactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A team lead's or an admin's bulk re-engagement of a location's cold leads. The leads are picked
 * ({@link ColdLeads}) and the batch checked once against the location's approval policy
 * ({@code ProposedAction.ReEngagement(count)}, {@code reengage_more_than}). A dry run answers what would happen.
 * Otherwise the batch is stored with its leads and audited ({@code reengagement_requested}, the person's sub as
 * actor) in one transaction; at or below N each lead is queued at once on lead-events.fifo, above N only the
 * batch's approval start is, and the worker queues the leads once a person approved it. A request retried with its
 * {@code requestId} finds its batch and queues what is still owed under the same deduplication ids.
 */
public final class ReEngagements {

    private static final Logger log = LoggerFactory.getLogger(ReEngagements.class);
    /** How many contact ids a preview lists (the count is always whole). */
    static final int PREVIEW_IDS = 100;

    /** An answer's status and body. */
    public record Answer(int status, Map<String, Object> body) {}

    private record Batch(String batchId, String locationId, String status, int leadCount, List<String> rules) {}

    private final Transactor db;
    private final ColdLeads coldLeads;
    private final ApprovalPolicies policies;
    private final ReEngagementTexts texts;
    private final ReEngagementQueue queue;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    /** @param queue null without LEAD_EVENTS_QUEUE_URL: previews work, a batch is refused with 503 */
    public ReEngagements(Transactor db, ColdLeads coldLeads, ApprovalPolicies policies, ReEngagementTexts texts,
                         ReEngagementQueue queue, AuditLog audit, ObjectMapper json, Clock clock) {
        this.db = db;
        this.coldLeads = coldLeads;
        this.policies = policies;
        this.texts = texts;
        this.queue = queue;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Before the body is read: only a team lead or an admin, only of the location. */
    public void authorize(Caller caller, String locationId) {
        if (!caller.role().overseesLocation()) throw AccessDenied.forbidden("only a team lead or an admin may re-engage leads");
        if (!caller.belongsTo(locationId)) throw AccessDenied.notFound("location");
    }

    public Answer request(Caller caller, String locationId, ReEngagementRequest request) {
        authorize(caller, locationId);
        if (request.requestId() != null && !request.dryRun()) {
            Optional<Batch> earlier = db.inTransaction(c -> find(c, request.requestId()));
            if (earlier.isPresent()) return retried(earlier.get(), locationId);
        }
        Instant now = clock.instant();
        record Picked(List<ColdLead> leads, ApprovalPolicy policy, List<String> rules) {}
        Picked picked = db.inTransaction(c -> {
            List<ColdLead> leads = coldLeads.find(c, locationId, request, now);
            ApprovalPolicy policy = policies.policy(c, locationId);
            return new Picked(leads, policy, leads.isEmpty() ? List.of()
                    : ApprovalPolicies.rulesFor(c, policy, null, new ProposedAction.ReEngagement(leads.size())));
        });
        boolean needsApproval = !picked.rules().isEmpty();
        if (request.dryRun()) return preview(picked.leads(), picked.policy(), picked.rules());
        if (picked.leads().isEmpty()) {
            return new Answer(200, Map.of("status", "nothing_to_send", "leads", 0));
        }
        if (queue == null) {
            throw new Refused(503, "unavailable", null, "re-engagement cannot queue here (no lead-events queue); nothing was stored");
        }
        String batchId = request.requestId() != null ? request.requestId() : UUID.randomUUID().toString();
        String status = needsApproval ? "awaiting_approval" : "queued";
        boolean stored = db.inTransaction(c -> {
            if (!insert(c, batchId, locationId, caller.subject(), request, picked.leads(), picked.rules(), status, now)) {
                return false; // the same requestId raced in: its batch answers
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("batchId", batchId);
            detail.put("leads", picked.leads().size());
            detail.put("needsApproval", needsApproval);
            detail.put("rules", picked.rules());
            detail.put("criteria", request.criteria());
            audit.record(c, locationId, null, AuditLog.Actor.HUMAN, caller.subject(), "reengagement_requested", null, detail);
            return true;
        });
        if (!stored) {
            return retried(db.inTransaction(c -> find(c, batchId)).orElseThrow(), locationId);
        }
        queueOwed(new Batch(batchId, locationId, status, picked.leads().size(), picked.rules()),
                picked.leads().stream().map(ColdLead::lead).toList());
        log.info("re-engagement batch stored: {} leads, {}", picked.leads().size(), status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchId", batchId);
        body.put("status", status);
        body.put("leads", picked.leads().size());
        body.put("needsApproval", needsApproval);
        body.put("rules", picked.rules());
        return new Answer(202, body);
    }

    private Answer preview(List<ColdLead> leads, ApprovalPolicy policy, List<String> rules) {
        Map<String, Map<String, Integer>> bySide = new TreeMap<>();
        for (ColdLead lead : leads) {
            bySide.computeIfAbsent(lead.side(), s -> new TreeMap<>()).merge(lead.language(), 1, Integer::sum);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dryRun", true);
        body.put("leads", leads.size());
        body.put("contactIds", leads.stream().limit(PREVIEW_IDS).map(l -> l.lead().contactId()).toList());
        body.put("bySideAndLanguage", bySide);
        body.put("needsApproval", !rules.isEmpty());
        body.put("rules", rules);
        Map<String, Object> threshold = new LinkedHashMap<>();
        threshold.put("reengageMoreThan", policy.reengageMoreThan());
        body.put("policy", threshold);
        body.put("texts", texts.all());
        return new Answer(200, body);
    }

    /** A request sent again with its requestId: what its batch still owes is queued again (the queue drops doubles). */
    private Answer retried(Batch batch, String locationId) {
        if (!batch.locationId().equals(locationId)) {
            throw new Refused(409, "conflict", "requestId", "requestId names another batch; choose a new one");
        }
        List<LeadRef> pending = "queued".equals(batch.status())
                ? db.inTransaction(c -> pendingLeads(c, batch)) : List.of();
        queueOwed(batch, pending);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchId", batch.batchId());
        body.put("status", batch.status());
        body.put("leads", batch.leadCount());
        body.put("needsApproval", !batch.rules().isEmpty());
        body.put("rules", batch.rules());
        return new Answer(200, body);
    }

    private void queueOwed(Batch batch, List<LeadRef> leads) {
        if (queue == null) throw new Refused(503, "unavailable", null, "re-engagement cannot queue here (no lead-events queue)");
        try {
            if ("awaiting_approval".equals(batch.status())) {
                queue.startApproval(batch.batchId(), batch.locationId());
            } else if ("queued".equals(batch.status())) {
                for (LeadRef lead : leads) queue.send(batch.batchId(), lead);
            }
        } catch (RuntimeException e) {
            log.warn("re-engagement batch stored but not fully queued: {}", e.getClass().getSimpleName());
            throw new Refused(503, "unavailable", null,
                    "the batch is stored but could not be queued; send the same request (same requestId) again");
        }
    }

    private boolean insert(Connection c, String batchId, String locationId, String subject, ReEngagementRequest request,
                           List<ColdLead> leads, List<String> rules, String status, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO reengagement_batches (batch_id, location_id, requested_by, criteria, lead_count, rules, status, created_at)
                VALUES (?::uuid, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?) ON CONFLICT (batch_id) DO NOTHING""")) {
            ps.setString(1, batchId);
            ps.setString(2, locationId);
            ps.setString(3, subject);
            ps.setString(4, write(request.criteria()));
            ps.setInt(5, leads.size());
            ps.setString(6, write(rules));
            ps.setString(7, status);
            ps.setTimestamp(8, Timestamp.from(now));
            if (ps.executeUpdate() == 0) return false;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO reengagement_leads (batch_id, location_id, contact_id) VALUES (?::uuid, ?, ?)""")) {
            for (ColdLead lead : leads) {
                ps.setString(1, batchId);
                ps.setString(2, locationId);
                ps.setString(3, lead.lead().contactId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return true;
    }

    private Optional<Batch> find(Connection c, String batchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT location_id, status, lead_count, rules::text FROM reengagement_batches WHERE batch_id = ?::uuid""")) {
            ps.setString(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                List<String> rules = new ArrayList<>();
                try {
                    json.readTree(rs.getString(4)).forEach(r -> rules.add(r.asText()));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("reengagement_batches.rules is not JSON", e);
                }
                return Optional.of(new Batch(batchId, rs.getString(1), rs.getString(2), rs.getInt(3), rules));
            }
        }
    }

    private static List<LeadRef> pendingLeads(Connection c, Batch batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT contact_id FROM reengagement_leads WHERE batch_id = ?::uuid AND status = 'pending' ORDER BY contact_id""")) {
            ps.setString(1, batch.batchId());
            List<LeadRef> leads = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) leads.add(new LeadRef(batch.locationId(), rs.getString(1)));
            }
            return leads;
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
