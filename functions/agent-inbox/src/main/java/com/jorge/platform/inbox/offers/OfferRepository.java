package com.jorge.platform.inbox.offers;

import com.jorge.platform.conversation.LeadRef;
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

/** {@code handoff_offers}. The task token is read only to answer the workflow; it never leaves this service. */
public final class OfferRepository {

    private static final String COLUMNS = """
            offer_id, location_id, contact_id, agent_id, kind, reason, status, created_at, expires_at,
            decided_by, decline_reason""";

    /** A new offer from the workflow; returns its id, the existing one when the same token arrived before. */
    public String record(Connection c, LeadRef lead, String agentId, HandoffOffer.Kind kind, String reason,
                         String taskToken, Instant at, Instant expiresAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO handoff_offers (location_id, contact_id, agent_id, kind, reason, task_token, token_digest,
                    created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (token_digest) DO UPDATE SET token_digest = EXCLUDED.token_digest
                RETURNING offer_id""")) {
            ps.setString(1, lead.locationId());
            ps.setString(2, lead.contactId());
            ps.setString(3, agentId);
            ps.setString(4, kind.name().toLowerCase(Locale.ROOT));
            ps.setString(5, reason);
            ps.setString(6, taskToken);
            ps.setString(7, TaskTokenRows.digest(taskToken));
            ps.setTimestamp(8, Timestamp.from(at));
            ps.setTimestamp(9, Timestamp.from(expiresAt));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    public Optional<HandoffOffer> find(Connection c, String offerId) throws SQLException {
        return findWhere(c, offerId, "");
    }

    /** The offer, its row locked until the transaction ends: one answer per offer, however many taps. */
    public Optional<HandoffOffer> lock(Connection c, String offerId) throws SQLException {
        return findWhere(c, offerId, " FOR UPDATE");
    }

    public String taskToken(Connection c, String offerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT task_token FROM handoff_offers WHERE offer_id = ?::uuid")) {
            ps.setString(1, offerId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Pending offers in {@code locations}, all of them or only those addressed to one GHL user per location. */
    public List<HandoffOffer> pending(Connection c, Collection<String> locations, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + """
                 FROM handoff_offers WHERE status = 'pending' AND expires_at > ? AND location_id = ANY (?)
                ORDER BY created_at LIMIT 200""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setArray(2, c.createArrayOf("text", locations.toArray()));
            return list(ps);
        }
    }

    /** Every offer ever made for the lead, newest first. */
    public List<HandoffOffer> forLead(Connection c, LeadRef lead) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM handoff_offers WHERE location_id = ? AND contact_id = ? ORDER BY created_at DESC LIMIT 50")) {
            ps.setString(1, lead.locationId());
            ps.setString(2, lead.contactId());
            return list(ps);
        }
    }

    public void decide(Connection c, String offerId, HandoffOffer.Status status, String decidedBy, String declineReason,
                       Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE handoff_offers SET status = ?, decided_by = ?, decline_reason = ?, decided_at = ?
                WHERE offer_id = ?::uuid""")) {
            ps.setString(1, status.name().toLowerCase(Locale.ROOT));
            ps.setString(2, decidedBy);
            ps.setString(3, declineReason);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setString(5, offerId);
            ps.executeUpdate();
        }
    }

    public boolean notified(Connection c, String offerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT notified_at IS NOT NULL FROM handoff_offers WHERE offer_id = ?::uuid")) {
            ps.setString(1, offerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    public boolean markNotified(Connection c, String offerId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE handoff_offers SET notified_at = ? WHERE offer_id = ?::uuid AND notified_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, offerId);
            return ps.executeUpdate() == 1;
        }
    }

    private Optional<HandoffOffer> findWhere(Connection c, String offerId, String suffix) throws SQLException {
        if (!TaskTokenRows.isRowId(offerId)) return Optional.empty();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM handoff_offers WHERE offer_id = ?::uuid" + suffix)) {
            ps.setString(1, offerId);
            return list(ps).stream().findFirst();
        }
    }

    private static List<HandoffOffer> list(PreparedStatement ps) throws SQLException {
        List<HandoffOffer> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new HandoffOffer(rs.getString(1), new LeadRef(rs.getString(2), rs.getString(3)), rs.getString(4),
                        HandoffOffer.Kind.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)), rs.getString(6),
                        HandoffOffer.Status.valueOf(rs.getString(7).toUpperCase(Locale.ROOT)),
                        rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getString(11)));
            }
        }
        return out;
    }
}
