package com.jorge.platform.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
                UPDATE webhook_events SET status = 'done', processed_at = now()
                WHERE location_id = ? AND webhook_id = ?""")) {
            ps.setString(1, locationId);
            ps.setString(2, webhookId);
            ps.executeUpdate();
        }
    }
}
