package com.jorge.platform.worker.approvals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.conversation.LeadRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code held_actions} (V83) and the outbox rows of a held turn: its replies and CRM actions are stored as
 * usual, then turned {@code awaiting_approval}, which nothing sends; a release turns them back to
 * {@code pending}, a rejection to {@code cancelled}.
 */
public final class HeldActions {

    public enum Status { AWAITING_APPROVAL, RELEASED, FELL_BACK, DROPPED }

    /** A held turn as locked for its decision. */
    public record Held(HeldTurn turn, Status status) {}

    private final ObjectMapper json;

    public HeldActions(ObjectMapper json) {
        this.json = json;
    }

    /** Holds what the decision just wrote under {@code outboxId}; returns the held turn with its new action id. */
    HeldTurn hold(Connection c, LeadRef lead, String outboxId, String kind, String summary, List<String> rules, Instant at)
            throws SQLException {
        String actionId;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO held_actions (location_id, contact_id, outbox_id, kind, summary, rules, created_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) RETURNING action_id""")) {
            ps.setString(1, lead.locationId());
            ps.setString(2, lead.contactId());
            ps.setString(3, outboxId);
            ps.setString(4, kind);
            ps.setString(5, summary);
            ps.setString(6, json.writeValueAsString(rules));
            ps.setTimestamp(7, Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                actionId = rs.getString(1);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        items(c, lead.locationId(), outboxId, "pending", "awaiting_approval");
        return new HeldTurn(actionId, lead, outboxId, kind, summary, rules);
    }

    /** The held turn of a decided event whose approval workflow was not started yet (its start failed). */
    Optional<HeldTurn> unstarted(Connection c, String locationId, String outboxId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT action_id, location_id, contact_id, outbox_id, kind, summary, rules, status FROM held_actions
                WHERE location_id = ? AND outbox_id = ? AND started_at IS NULL AND status = 'awaiting_approval'""")) {
            ps.setString(1, locationId);
            ps.setString(2, outboxId);
            return one(ps).map(Held::turn);
        }
    }

    void started(Connection c, HeldTurn turn, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE held_actions SET started_at = coalesce(started_at, ?) WHERE action_id = ?::uuid")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, turn.actionId());
            ps.executeUpdate();
        }
    }

    /** Locks the held turn for its decision; empty for an unknown id or one of another location (or erased). */
    Optional<Held> lock(Connection c, LeadRef lead, String actionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT action_id, location_id, contact_id, outbox_id, kind, summary, rules, status FROM held_actions
                WHERE action_id = ?::uuid AND location_id = ? AND contact_id = ? FOR UPDATE""")) {
            ps.setString(1, actionId);
            ps.setString(2, lead.locationId());
            ps.setString(3, lead.contactId());
            return one(ps);
        }
    }

    /**
     * Approved: the items go back to {@code pending} and the event to {@code decided}, so the outbox's own
     * retry schedule delivers them if GHL refuses now.
     */
    void release(Connection c, HeldTurn turn, String decision, Instant at) throws SQLException {
        items(c, turn.lead().locationId(), turn.outboxId(), "awaiting_approval", "pending");
        reopen(c, turn);
        close(c, turn, Status.RELEASED, decision, at);
    }

    /** Rejected or expired: the items are cancelled and the event reopened for the fallback reply the caller stores. */
    void fallBack(Connection c, HeldTurn turn, String decision, Instant at) throws SQLException {
        items(c, turn.lead().locationId(), turn.outboxId(), "awaiting_approval", "cancelled");
        reopen(c, turn);
        close(c, turn, Status.FELL_BACK, decision, at);
    }

    /** The lead may not be texted any more: the items are cancelled, nothing replaces them. */
    void drop(Connection c, HeldTurn turn, String decision, Instant at) throws SQLException {
        items(c, turn.lead().locationId(), turn.outboxId(), "awaiting_approval", "cancelled");
        close(c, turn, Status.DROPPED, decision, at);
    }

    private static void reopen(Connection c, HeldTurn turn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE webhook_events SET status = 'decided', processed_at = NULL WHERE location_id = ? AND webhook_id = ?""")) {
            ps.setString(1, turn.lead().locationId());
            ps.setString(2, turn.outboxId());
            ps.executeUpdate();
        }
    }

    private static void close(Connection c, HeldTurn turn, Status status, String decision, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE held_actions SET status = ?, decision = ?, decided_at = ? WHERE action_id = ?::uuid")) {
            ps.setString(1, status.name().toLowerCase(java.util.Locale.ROOT));
            ps.setString(2, decision);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setString(4, turn.actionId());
            ps.executeUpdate();
        }
    }

    private static void items(Connection c, String locationId, String outboxId, String from, String to) throws SQLException {
        for (String table : List.of("messages", "crm_actions")) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                    + " SET status = ? WHERE location_id = ? AND webhook_id = ? AND status = ?")) {
                ps.setString(1, to);
                ps.setString(2, locationId);
                ps.setString(3, outboxId);
                ps.setString(4, from);
                ps.executeUpdate();
            }
        }
    }

    private Optional<Held> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return Optional.empty();
            List<String> rules;
            try {
                rules = json.readValue(rs.getString(7), new TypeReference<>() {});
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored held-action rules are unreadable", e);
            }
            return Optional.of(new Held(new HeldTurn(rs.getString(1), new LeadRef(rs.getString(2), rs.getString(3)),
                    rs.getString(4), rs.getString(5), rs.getString(6), rules),
                    Status.valueOf(rs.getString(8).toUpperCase(java.util.Locale.ROOT))));
        }
    }
}
