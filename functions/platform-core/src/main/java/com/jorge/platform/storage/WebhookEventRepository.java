package com.jorge.platform.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The worker's idempotency record: which webhooks were decided, and which are done. */
public final class WebhookEventRepository {

    public enum Status { DECIDED, DONE }

    public Optional<Status> status(Connection c, String locationId, String webhookId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT status FROM webhook_events WHERE location_id = ? AND webhook_id = ?")) {
            ps.setString(1, locationId);
            ps.setString(2, webhookId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Status.valueOf(rs.getString(1).toUpperCase())) : Optional.empty();
            }
        }
    }

    /**
     * Claims the webhook inside the caller's transaction. Returns false when another delivery already
     * claimed it (the unique key decides, so two concurrent deliveries cannot both act).
     */
    public boolean claim(Connection c, String locationId, String webhookId, String eventType, String contactId,
                         String payload, Instant receivedAt, Status status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO webhook_events (location_id, webhook_id, event_type, contact_id, payload, status,
                    received_at, processed_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, CASE WHEN ? = 'done' THEN now() END)
                ON CONFLICT (location_id, webhook_id) DO NOTHING""")) {
            ps.setString(1, locationId);
            ps.setString(2, webhookId);
            ps.setString(3, eventType);
            ps.setString(4, contactId);
            ps.setString(5, payload);
            ps.setString(6, status.name().toLowerCase());
            ps.setTimestamp(7, Timestamp.from(receivedAt));
            ps.setString(8, status.name().toLowerCase());
            return ps.executeUpdate() == 1;
        }
    }

    public void markDone(Connection c, String locationId, String webhookId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE webhook_events SET status = 'done', processed_at = now(), next_delivery_at = NULL
                WHERE location_id = ? AND webhook_id = ?""")) {
            ps.setString(1, locationId);
            ps.setString(2, webhookId);
            ps.executeUpdate();
        }
    }

    /**
     * A failed attempt to deliver a decided event's outbox. {@code error} names the failure (an HTTP status
     * or exception type, never lead data). Returns the failed attempts so far, or -1 when no decided event
     * has this id.
     */
    public int recordFailedAttempt(Connection c, String locationId, String webhookId, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE webhook_events SET delivery_attempts = delivery_attempts + 1, last_delivery_error = ?
                WHERE location_id = ? AND webhook_id = ? AND status = 'decided'
                RETURNING delivery_attempts""")) {
            ps.setString(1, error);
            ps.setString(2, locationId);
            ps.setString(3, webhookId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    /**
     * Leaves a decided event's outbox to the retry schedule, due at {@code next} or later (an earlier
     * back-off is never shortened: a queue redelivery does not hurry a waiting delivery). With {@code holdOthers}
     * the lead's other waiting deliveries become due no earlier, so they never overtake this one. Returns
     * false when no decided event has this id.
     */
    public boolean scheduleDelivery(Connection c, String locationId, String contactId, String webhookId, Instant next,
                                    boolean holdOthers) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE webhook_events SET next_delivery_at = greatest(next_delivery_at, ?)
                WHERE location_id = ? AND webhook_id = ? AND status = 'decided'""")) {
            ps.setTimestamp(1, Timestamp.from(next));
            ps.setString(2, locationId);
            ps.setString(3, webhookId);
            if (ps.executeUpdate() == 0) return false;
        }
        if (holdOthers) {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE webhook_events SET next_delivery_at = greatest(next_delivery_at, ?)
                    WHERE location_id = ? AND contact_id = ? AND status = 'decided' AND next_delivery_at IS NOT NULL""")) {
                ps.setTimestamp(1, Timestamp.from(next));
                ps.setString(2, locationId);
                ps.setString(3, contactId);
                ps.executeUpdate();
            }
        }
        return true;
    }

    /** A decided event waiting for the outbox's retry schedule. */
    public record WaitingDelivery(String locationId, String contactId, String webhookId, int attempts,
                                  Instant nextDeliveryAt) {}

    /** Whether the lead has deliveries waiting: a new reply must then wait behind them, never overtake them. */
    public boolean hasWaitingDelivery(Connection c, String locationId, String contactId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT 1 FROM webhook_events WHERE location_id = ? AND contact_id = ? AND status = 'decided'
                    AND next_delivery_at IS NOT NULL LIMIT 1""")) {
            ps.setString(1, locationId);
            ps.setString(2, contactId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Leads with a waiting delivery due by {@code now}, those waiting longest first. */
    public List<WaitingDelivery> dueDeliveries(Connection c, Instant now, int limit) throws SQLException {
        return waiting(c, """
                SELECT location_id, contact_id, webhook_id, delivery_attempts, next_delivery_at FROM webhook_events
                WHERE status = 'decided' AND next_delivery_at <= ? ORDER BY next_delivery_at LIMIT ?""",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setInt(2, limit);
                });
    }

    /** A lead's waiting deliveries in the order the lead's events arrived. */
    public List<WaitingDelivery> waitingDeliveries(Connection c, String locationId, String contactId) throws SQLException {
        return waiting(c, """
                SELECT location_id, contact_id, webhook_id, delivery_attempts, next_delivery_at FROM webhook_events
                WHERE location_id = ? AND contact_id = ? AND status = 'decided' AND next_delivery_at IS NOT NULL
                ORDER BY received_at, webhook_id""",
                ps -> {
                    ps.setString(1, locationId);
                    ps.setString(2, contactId);
                });
    }

    /** When the longest-waiting delivery was first deferred, approximately: its event's arrival; empty when none waits. */
    public Optional<Instant> oldestWaiting(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT min(received_at) FROM webhook_events WHERE status = 'decided' AND next_delivery_at IS NOT NULL""");
             ResultSet rs = ps.executeQuery()) {
            Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
            return Optional.ofNullable(t).map(Timestamp::toInstant);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static List<WaitingDelivery> waiting(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<WaitingDelivery> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new WaitingDelivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getTimestamp(5).toInstant()));
                }
            }
            return out;
        }
    }
}
