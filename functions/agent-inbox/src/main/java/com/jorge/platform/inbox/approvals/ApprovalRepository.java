package com.jorge.platform.inbox.approvals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.inbox.TaskTokenRows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code approvals}. The task token never leaves this service. */
public final class ApprovalRepository {

    private static final String COLUMNS = """
            approval_id, location_id, contact_id, action_kind, summary, rules, assignee, status, created_at, expires_at,
            decided_by, decision_reason""";
    private final ObjectMapper json;

    public ApprovalRepository(ObjectMapper json) {
        this.json = json;
    }

    /** {@code assignee}: the person an escalation is addressed to, else null (anyone of the location may decide). */
    public String record(Connection c, String locationId, String contactId, String kind, String summary, List<String> rules,
                         String assignee, String taskToken, Instant at, Instant expiresAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO approvals (location_id, contact_id, action_kind, summary, rules, assignee, task_token, token_digest,
                    created_at, expires_at) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                ON CONFLICT (token_digest) DO UPDATE SET token_digest = EXCLUDED.token_digest RETURNING approval_id""")) {
            ps.setString(1, locationId);
            ps.setString(2, contactId);
            ps.setString(3, kind);
            ps.setString(4, summary);
            ps.setString(5, json.writeValueAsString(rules));
            ps.setString(6, assignee);
            ps.setString(7, taskToken);
            ps.setString(8, TaskTokenRows.digest(taskToken));
            ps.setTimestamp(9, Timestamp.from(at));
            ps.setTimestamp(10, Timestamp.from(expiresAt));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Approval> pending(Connection c, Collection<String> locations, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM approvals WHERE status = 'pending' AND expires_at > ? AND location_id = ANY (?) ORDER BY created_at LIMIT 200")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setArray(2, c.createArrayOf("text", locations.toArray()));
            return list(ps);
        }
    }

    public Optional<Approval> lock(Connection c, String approvalId) throws SQLException {
        if (!TaskTokenRows.isRowId(approvalId)) return Optional.empty();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM approvals WHERE approval_id = ?::uuid FOR UPDATE")) {
            ps.setString(1, approvalId);
            return list(ps).stream().findFirst();
        }
    }

    public String taskToken(Connection c, String approvalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT task_token FROM approvals WHERE approval_id = ?::uuid")) {
            ps.setString(1, approvalId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    public void decide(Connection c, String approvalId, Approval.Status status, String by, String reason, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE approvals SET status = ?, decided_by = ?, decision_reason = ?, decided_at = ? WHERE approval_id = ?::uuid""")) {
            ps.setString(1, status.name().toLowerCase(Locale.ROOT));
            ps.setString(2, by);
            ps.setString(3, reason);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setString(5, approvalId);
            ps.executeUpdate();
        }
    }

    public boolean notified(Connection c, String approvalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT notified_at IS NOT NULL FROM approvals WHERE approval_id = ?::uuid")) {
            ps.setString(1, approvalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    public void markNotified(Connection c, String approvalId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE approvals SET notified_at = ? WHERE approval_id = ?::uuid AND notified_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, approvalId);
            ps.executeUpdate();
        }
    }

    public void reassign(Connection c, String approvalId, String assignee) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE approvals SET assignee = ? WHERE approval_id = ?::uuid")) {
            ps.setString(1, assignee);
            ps.setString(2, approvalId);
            ps.executeUpdate();
        }
    }

    private List<Approval> list(PreparedStatement ps) throws SQLException {
        List<Approval> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Approval(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rules(rs.getString(6)), rs.getString(7), Approval.Status.valueOf(rs.getString(8).toUpperCase(Locale.ROOT)),
                        rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant(), rs.getString(11), rs.getString(12)));
            }
        }
        return out;
    }

    private List<String> rules(String value) {
        try {
            return json.readValue(value, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored approval rules are unreadable", e);
        }
    }
}
