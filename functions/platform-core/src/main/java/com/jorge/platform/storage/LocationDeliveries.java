package com.jorge.platform.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * A whole location's outbox at once, for the Marketplace app's installation changes: a reinstall
 * releases the deliveries held while the installation was broken (due now, not at the end of a back-off
 * that may have grown to hours), and an uninstall cancels whatever was still waiting, so nothing more
 * goes out for that location. Callers own the transaction (the installation change's own).
 */
public final class LocationDeliveries {

    /** What an uninstall cancelled: replies, CRM actions, and the decided events they belonged to. */
    public record Cancelled(int replies, int actions, int deliveries) {}

    /** Makes the location's waiting deliveries due at {@code now}; returns how many. */
    public int releaseHeld(Connection c, String locationId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE webhook_events SET next_delivery_at = ?
                WHERE location_id = ? AND status = 'decided' AND next_delivery_at > ?""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, locationId);
            ps.setTimestamp(3, Timestamp.from(now));
            return ps.executeUpdate();
        }
    }

    /**
     * Cancels every reply and CRM action of the location not yet sent (quiet-hours replies included) and
     * closes their decided events, so neither the outbox's retry schedule nor the due-reply run picks
     * them up again. The rows stay, marked {@code cancelled}.
     */
    public Cancelled cancelPending(Connection c, String locationId) throws SQLException {
        int replies = update(c, "UPDATE messages SET status = 'cancelled' WHERE location_id = ? AND status = 'pending'", locationId);
        int actions = update(c, "UPDATE crm_actions SET status = 'cancelled' WHERE location_id = ? AND status = 'pending'", locationId);
        int deliveries = update(c, """
                UPDATE webhook_events SET status = 'done', processed_at = now(), next_delivery_at = NULL,
                    last_delivery_error = 'app_uninstalled'
                WHERE location_id = ? AND status = 'decided'""", locationId);
        return new Cancelled(replies, actions, deliveries);
    }

    private static int update(Connection c, String sql, String locationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, locationId);
            return ps.executeUpdate();
        }
    }
}
