package com.jorge.platform.worker.reengagement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.conversation.LeadRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The worker's side of {@code reengagement_batches} and {@code reengagement_leads} (V85). */
public final class ReEngagementBatches {

    public enum BatchStatus { QUEUED, AWAITING_APPROVAL, APPROVED, REJECTED, EXPIRED }

    public enum LeadStatus { PENDING, SENT, HELD, SKIPPED, CANCELLED }

    /** A batch as its approval needs it. */
    public record Batch(String batchId, String locationId, int leadCount, List<String> rules, BatchStatus status,
                        Instant createdAt) {}

    /** One lead of a batch, with its batch's status and age. */
    public record BatchLead(LeadRef lead, String batchId, LeadStatus status, BatchStatus batchStatus, Instant batchCreatedAt) {}

    private final ObjectMapper json;

    public ReEngagementBatches(ObjectMapper json) {
        this.json = json;
    }

    /** The batch, locked until the caller's transaction ends; empty when it is not this location's. */
    public Optional<Batch> lock(Connection c, String locationId, String batchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT lead_count, rules::text, status, created_at FROM reengagement_batches
                WHERE batch_id = ?::uuid AND location_id = ? FOR UPDATE""")) {
            ps.setString(1, batchId);
            ps.setString(2, locationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Batch(batchId, locationId, rs.getInt(1), rules(rs.getString(2)),
                        status(rs.getString(3)), rs.getTimestamp(4).toInstant()));
            }
        }
    }

    public void decide(Connection c, Batch batch, BatchStatus status, String decidedBy, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE reengagement_batches SET status = ?, decided_at = ?, decided_by = ? WHERE batch_id = ?::uuid""")) {
            ps.setString(1, status.name().toLowerCase(Locale.ROOT));
            ps.setTimestamp(2, java.sql.Timestamp.from(now));
            ps.setString(3, decidedBy);
            ps.setString(4, batch.batchId());
            ps.executeUpdate();
        }
    }

    /** Every lead of a batch still pending: an approved batch queues them (again, after a redelivered answer). */
    public List<LeadRef> pendingLeads(Connection c, Batch batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT contact_id FROM reengagement_leads WHERE batch_id = ?::uuid AND status = 'pending'
                ORDER BY contact_id""")) {
            ps.setString(1, batch.batchId());
            List<LeadRef> leads = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) leads.add(new LeadRef(batch.locationId(), rs.getString(1)));
            }
            return leads;
        }
    }

    /** A rejected or expired batch: none of its leads will be texted. */
    public int cancelPending(Connection c, Batch batch, String reason, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE reengagement_leads SET status = 'cancelled', reason = ?, handled_at = ?
                WHERE batch_id = ?::uuid AND status = 'pending'""")) {
            ps.setString(1, reason);
            ps.setTimestamp(2, java.sql.Timestamp.from(now));
            ps.setString(3, batch.batchId());
            return ps.executeUpdate();
        }
    }

    /** The lead's row in the batch, locked until the caller's transaction ends. */
    public Optional<BatchLead> lockLead(Connection c, LeadRef lead, String batchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT l.status, b.status, b.created_at FROM reengagement_leads l
                JOIN reengagement_batches b ON b.batch_id = l.batch_id
                WHERE l.batch_id = ?::uuid AND l.location_id = ? AND l.contact_id = ? AND b.location_id = ?
                FOR UPDATE OF l""")) {
            ps.setString(1, batchId);
            ps.setString(2, lead.locationId());
            ps.setString(3, lead.contactId());
            ps.setString(4, lead.locationId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new BatchLead(lead, batchId, LeadStatus.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)),
                        status(rs.getString(2)), rs.getTimestamp(3).toInstant()));
            }
        }
    }

    public void markLead(Connection c, BatchLead row, LeadStatus status, String reason, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE reengagement_leads SET status = ?, reason = ?, handled_at = ?
                WHERE batch_id = ?::uuid AND location_id = ? AND contact_id = ?""")) {
            ps.setString(1, status.name().toLowerCase(Locale.ROOT));
            ps.setString(2, reason);
            ps.setTimestamp(3, java.sql.Timestamp.from(now));
            ps.setString(4, row.batchId());
            ps.setString(5, row.lead().locationId());
            ps.setString(6, row.lead().contactId());
            ps.executeUpdate();
        }
    }

    private static BatchStatus status(String raw) {
        return BatchStatus.valueOf(raw.toUpperCase(Locale.ROOT));
    }

    private List<String> rules(String raw) {
        try {
            List<String> rules = new ArrayList<>();
            json.readTree(raw).forEach(r -> rules.add(r.asText()));
            return rules;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reengagement_batches.rules is not JSON", e);
        }
    }
}
