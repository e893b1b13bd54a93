package com.jorge.platform.worker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Cold leads and re-engagement batches written straight into a schema, as months of conversations and the inbox
 * would leave them: for the worker's re-engagement tests and the inbox's (through this test-jar).
 */
public final class ColdLeadSeeds {

    private ColdLeadSeeds() {}

    /**
     * A lead the bots talked to last at {@code lastTouch}, in {@code stage} at {@code temperature} (COLD, WARM, HOT),
     * with a Texas mobile number (the state's texting rules and zone apply).
     */
    public static void lead(Connection c, String location, String contact, String side, String language, String stage,
                            String temperature, Instant lastTouch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO locations (location_id) VALUES (?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, location);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO contacts (location_id, contact_id, first_name, phone) VALUES (?, ?, 'Rosa', '+15125550123')
                ON CONFLICT DO NOTHING""")) {
            ps.setString(1, location);
            ps.setString(2, contact);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO conversations (location_id, contact_id, bot_type, stage, language, turns, temperature,
                                           last_inbound_at, last_reply_at, version)
                VALUES (?, ?, ?, ?, ?, 4, ?, ?, ?, 1)""")) {
            ps.setString(1, location);
            ps.setString(2, contact);
            ps.setString(3, side.toUpperCase(java.util.Locale.ROOT));
            ps.setString(4, stage);
            ps.setString(5, language);
            ps.setString(6, temperature);
            ps.setTimestamp(7, Timestamp.from(lastTouch.minusSeconds(60)));
            ps.setTimestamp(8, Timestamp.from(lastTouch));
            ps.executeUpdate();
        }
    }

    /** A batch as the inbox stores it: {@code status} queued or awaiting_approval, every lead pending. */
    public static void batch(Connection c, String batchId, String location, String status, List<String> contacts,
                             List<String> rules, Instant createdAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO reengagement_batches (batch_id, location_id, requested_by, criteria, lead_count, rules, status, created_at)
                VALUES (?::uuid, ?, 'sub-team-lead', '{"quietDays": 30}'::jsonb, ?, ?::jsonb, ?, ?)""")) {
            ps.setString(1, batchId);
            ps.setString(2, location);
            ps.setInt(3, contacts.size());
            ps.setString(4, rules.isEmpty() ? "[]" : "[\"" + String.join("\",\"", rules) + "\"]");
            ps.setString(5, status);
            ps.setTimestamp(6, Timestamp.from(createdAt));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO reengagement_leads (batch_id, location_id, contact_id) VALUES (?::uuid, ?, ?)")) {
            for (String contact : contacts) {
                ps.setString(1, batchId);
                ps.setString(2, location);
                ps.setString(3, contact);
                ps.executeUpdate();
            }
        }
    }
}
