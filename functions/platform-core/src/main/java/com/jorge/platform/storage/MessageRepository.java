package com.jorge.platform.storage;

import com.jorge.platform.conversation.LeadRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The message history of every lead, and the outbox of replies waiting to be sent. */
public final class MessageRepository {

    public enum Author { LEAD, BOT, HUMAN }

    /**
     * A reply stored with the bot's decision and not yet accepted by GHL.
     *
     * @param unconfirmedSendAt from when a send of this reply may have reached GHL (an attempt with an unknown
     *                          outcome, or one that may have been cut off by the process dying); null when
     *                          certainly none did
     */
    public record PendingReply(long id, LeadRef lead, String body, Instant unconfirmedSendAt) {
        public PendingReply(long id, LeadRef lead, String body) {
            this(id, lead, body, null);
        }
    }

    /** One line of a lead's history. */
    public record StoredMessage(long id, String direction, Author author, String body, String status,
                                String ghlMessageId, Instant createdAt) {}

    public void recordInbound(Connection c, LeadRef lead, String body, String channel, String ghlMessageId,
                              String webhookId) throws SQLException {
        insert(c, lead, "inbound", Author.LEAD, body, channel, ghlMessageId, webhookId, "received");
    }

    public void recordHumanOutbound(Connection c, LeadRef lead, String body, String channel, String ghlMessageId,
                                    String webhookId) throws SQLException {
        insert(c, lead, "outbound", Author.HUMAN, body, channel, ghlMessageId, webhookId, "sent");
    }

    /** Stores a reply to send; {@code notBefore} (nullable) holds it until the lead's quiet hours end. */
    public long addPendingReply(Connection c, LeadRef lead, String body, String webhookId, Instant notBefore)
            throws SQLException {
        return insertReply(c, lead, body, webhookId, notBefore, false);
    }

    /**
     * Stores a reply that the decision's own delivery sends right after the commit, from memory, marked as
     * possibly sent from now ({@code unconfirmed_send_at}): should the process die between GHL's answer and
     * the commit of "sent", the next attempt reads the mark and looks the reply up in GHL before sending
     * again. The mark costs nothing on the reply path; a send that certainly did not reach GHL clears it.
     */
    public long addReplyDueNow(Connection c, LeadRef lead, String body, String webhookId) throws SQLException {
        return insertReply(c, lead, body, webhookId, null, true);
    }

    private long insertReply(Connection c, LeadRef lead, String body, String webhookId, Instant notBefore,
                             boolean marked) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO messages (location_id, contact_id, direction, author, body, channel, webhook_id, status,
                    not_before, unconfirmed_send_at)
                VALUES (?, ?, 'outbound', 'bot', ?, 'SMS', ?, 'pending', ?, CASE WHEN ? THEN now() END)
                RETURNING id""")) {
            ps.setString(1, lead.locationId());
            ps.setString(2, lead.contactId());
            ps.setString(3, body == null ? "" : body);
            ps.setString(4, webhookId);
            ps.setTimestamp(5, notBefore == null ? null : Timestamp.from(notBefore));
            ps.setBoolean(6, marked);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Replies of one webhook that may go out at {@code now}. */
    public List<PendingReply> pendingReplies(Connection c, String locationId, String webhookId, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, contact_id, body, unconfirmed_send_at FROM messages
                WHERE location_id = ? AND webhook_id = ? AND status = 'pending'
                  AND (not_before IS NULL OR not_before <= ?) ORDER BY id""")) {
            ps.setString(1, locationId);
            ps.setString(2, webhookId);
            ps.setTimestamp(3, Timestamp.from(now));
            List<PendingReply> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PendingReply(rs.getLong(1), new LeadRef(locationId, rs.getString(2)), rs.getString(3),
                            instantOrNull(rs.getTimestamp(4))));
                }
            }
            return out;
        }
    }

    /** Replies held by quiet hours that are now due, across all locations, oldest first. */
    public List<PendingReply> dueDeferredReplies(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, contact_id, body, location_id, unconfirmed_send_at FROM messages
                WHERE status = 'pending' AND not_before IS NOT NULL AND not_before <= ?
                ORDER BY not_before, id LIMIT ?""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, limit);
            List<PendingReply> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PendingReply(rs.getLong(1), new LeadRef(rs.getString(4), rs.getString(2)), rs.getString(3),
                            instantOrNull(rs.getTimestamp(5))));
                }
            }
            return out;
        }
    }

    public void markSent(Connection c, String locationId, long id, String ghlMessageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE messages SET status = 'sent', ghl_message_id = ?, sent_at = now()
                WHERE location_id = ? AND id = ?""")) {
            ps.setString(1, ghlMessageId);
            ps.setString(2, locationId);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /**
     * The reply's last send failed with an unknown outcome (timed out, or a 5xx after the request was
     * written): GHL may have sent it, so the next attempt checks GHL's record first.
     */
    public void markSendUnconfirmed(Connection c, String locationId, long id, Instant attemptedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE messages SET unconfirmed_send_at = coalesce(unconfirmed_send_at, ?) WHERE location_id = ? AND id = ?")) {
            ps.setTimestamp(1, Timestamp.from(attemptedAt));
            ps.setString(2, locationId);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /** The reply's last send certainly did not reach GHL (refused before it was processed): no check needed next time. */
    public void clearSendMark(Connection c, String locationId, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE messages SET unconfirmed_send_at = NULL WHERE location_id = ? AND id = ? AND status = 'pending'")) {
            ps.setString(1, locationId);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** None of the outbox's pending replies was tried yet (it waits behind the lead's earlier deliveries). */
    public void clearSendMarks(Connection c, String locationId, String webhookId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE messages SET unconfirmed_send_at = NULL WHERE location_id = ? AND webhook_id = ? AND status = 'pending'")) {
            ps.setString(1, locationId);
            ps.setString(2, webhookId);
            ps.executeUpdate();
        }
    }

    private static Instant instantOrNull(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** True when GHL's message id is one our bot sent: the OutboundMessage webhook is our own echo. */
    public boolean sentByBot(Connection c, String locationId, String ghlMessageId) throws SQLException {
        if (ghlMessageId == null) return false;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT 1 FROM messages WHERE location_id = ? AND ghl_message_id = ? AND author = 'bot'""")) {
            ps.setString(1, locationId);
            ps.setString(2, ghlMessageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public List<StoredMessage> history(Connection c, LeadRef lead) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, direction, author, body, status, ghl_message_id, created_at FROM messages
                WHERE location_id = ? AND contact_id = ? ORDER BY id""")) {
            ps.setString(1, lead.locationId());
            ps.setString(2, lead.contactId());
            List<StoredMessage> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredMessage(rs.getLong(1), rs.getString(2), Author.valueOf(rs.getString(3).toUpperCase()),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
                }
            }
            return out;
        }
    }

    private long insert(Connection c, LeadRef lead, String direction, Author author, String body, String channel,
                        String ghlMessageId, String webhookId, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO messages (location_id, contact_id, direction, author, body, channel, ghl_message_id,
                    webhook_id, status, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? = 'sent' THEN now() END)""",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, lead.locationId());
            ps.setString(2, lead.contactId());
            ps.setString(3, direction);
            ps.setString(4, author.name().toLowerCase());
            ps.setString(5, body == null ? "" : body);
            ps.setString(6, channel);
            ps.setString(7, ghlMessageId);
            ps.setString(8, webhookId);
            ps.setString(9, status);
            ps.setString(10, status);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong("id");
            }
        }
    }
}
