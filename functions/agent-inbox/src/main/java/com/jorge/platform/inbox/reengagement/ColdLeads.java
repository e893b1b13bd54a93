package com.jorge.platform.inbox.reengagement;

import com.jorge.platform.conversation.LeadRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A location's cold leads a batch may re-engage: a conversation in one of the stages, or at one of the
 * temperatures, asked for, quiet (no text either way, the bot's, a person's or the lead's) for the days asked;
 * never an opted-out, DND or deleted contact, one a person paused the bot for or was handed off to, one with a
 * hand-off offer or an approval pending, or one already in a batch not yet done. The quietest first.
 */
public final class ColdLeads {

    /** One lead of the choice: its side and language pick its text. */
    public record ColdLead(LeadRef lead, String side, String language) {}

    public List<ColdLead> find(Connection c, String locationId, ReEngagementRequest request, Instant now) throws SQLException {
        Instant quietSince = now.minus(Duration.ofDays(request.quietDays()));
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT v.contact_id, v.bot_type, v.language
                FROM conversations v
                JOIN contacts k ON k.location_id = v.location_id AND k.contact_id = v.contact_id
                WHERE v.location_id = ?
                  AND (v.stage = ANY (?) OR v.temperature = ANY (?))
                  AND v.stage NOT IN ('handed_off', 'opted_out', 'wrong_number')
                  AND NOT v.opted_out AND NOT k.dnd AND k.deleted_at IS NULL
                  AND (v.paused_until IS NULL OR v.paused_until <= ?)
                  AND GREATEST(v.last_inbound_at, v.last_reply_at) < ?
                  AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.location_id = v.location_id
                                  AND m.contact_id = v.contact_id AND m.created_at >= ?)
                  AND NOT EXISTS (SELECT 1 FROM handoff_offers o WHERE o.location_id = v.location_id
                                  AND o.contact_id = v.contact_id AND o.status = 'pending')
                  AND NOT EXISTS (SELECT 1 FROM held_actions h WHERE h.location_id = v.location_id
                                  AND h.contact_id = v.contact_id AND h.status = 'awaiting_approval')
                  AND NOT EXISTS (SELECT 1 FROM reengagement_leads r
                                  JOIN reengagement_batches b ON b.batch_id = r.batch_id
                                  WHERE r.location_id = v.location_id AND r.contact_id = v.contact_id
                                  AND r.status = 'pending' AND b.status IN ('queued', 'awaiting_approval', 'approved'))
                ORDER BY GREATEST(v.last_inbound_at, v.last_reply_at), v.contact_id
                LIMIT ?""")) {
            ps.setString(1, locationId);
            ps.setArray(2, c.createArrayOf("text", request.stages().toArray()));
            ps.setArray(3, c.createArrayOf("text", request.temperatures().stream()
                    .map(t -> t.toUpperCase(Locale.ROOT)).toArray()));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, Timestamp.from(quietSince));
            ps.setTimestamp(6, Timestamp.from(quietSince));
            ps.setInt(7, request.limit());
            List<ColdLead> leads = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    leads.add(new ColdLead(new LeadRef(locationId, rs.getString(1)),
                            "buyer".equalsIgnoreCase(rs.getString(2)) ? "buyer" : "seller",
                            "es".equals(rs.getString(3)) ? "es" : "en"));
                }
            }
            return leads;
        }
    }
}
