package com.jorge.platform.bi;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * bi_lead_milestones: the first time each funnel step happened for a lead, recomputed from the source
 * tables (messages, audit_log, crm_actions, conversations) for the leads given. Set-based: one scan per
 * source table for the whole batch, through the (location_id, contact_id) indexes.
 */
final class LeadMilestones {

    /** Recomputes the milestones of {@code contacts}; returns how many rows changed. */
    int refresh(Connection c, String locationId, Array contacts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                WITH leads AS (SELECT DISTINCT unnest(?::text[]) AS contact_id),
                first_inbound AS (
                    SELECT DISTINCT ON (contact_id) contact_id, created_at, lower(channel) AS channel FROM messages
                    WHERE location_id = ? AND contact_id = ANY(?) AND direction = 'inbound'
                    ORDER BY contact_id, created_at, id),
                first_reply AS (
                    SELECT contact_id, min(sent_at) AS at FROM messages
                    WHERE location_id = ? AND contact_id = ANY(?) AND author = 'bot' AND status = 'sent' GROUP BY contact_id),
                audit AS (
                    SELECT contact_id,
                        min(at) FILTER (WHERE action = 'replied' AND detail->>'temperature' IN ('WARM', 'HOT')) AS qualified_at,
                        min(at) FILTER (WHERE action = 'replied' AND detail->>'temperature' = 'HOT') AS hot_at,
                        min(at) FILTER (WHERE action = 'opted_out'
                                           OR (action = 'replied' AND detail->>'stage' = 'opted_out')) AS opted_out_at
                    FROM audit_log WHERE location_id = ? AND contact_id = ANY(?) GROUP BY contact_id),
                handoff AS (
                    SELECT contact_id, min(created_at) AS at FROM crm_actions
                    WHERE location_id = ? AND contact_id = ANY(?) AND action_type = 'HandOff' GROUP BY contact_id),
                conversation AS (
                    SELECT contact_id, lower(bot_type) AS bot_type FROM conversations
                    WHERE location_id = ? AND contact_id = ANY(?))
                INSERT INTO bi_lead_milestones AS m (location_id, contact_id, bot_type, channel, first_inbound_at,
                    first_reply_at, qualified_at, hot_at, handed_off_at, opted_out_at)
                SELECT ?, l.contact_id, COALESCE(v.bot_type, 'none'), COALESCE(i.channel, 'unknown'), i.created_at,
                       r.at, a.qualified_at, a.hot_at, h.at, a.opted_out_at
                FROM leads l
                LEFT JOIN first_inbound i ON i.contact_id = l.contact_id
                LEFT JOIN first_reply r ON r.contact_id = l.contact_id
                LEFT JOIN audit a ON a.contact_id = l.contact_id
                LEFT JOIN handoff h ON h.contact_id = l.contact_id
                LEFT JOIN conversation v ON v.contact_id = l.contact_id
                ON CONFLICT (location_id, contact_id) DO UPDATE SET bot_type = EXCLUDED.bot_type,
                    channel = EXCLUDED.channel, first_inbound_at = EXCLUDED.first_inbound_at,
                    first_reply_at = EXCLUDED.first_reply_at, qualified_at = EXCLUDED.qualified_at,
                    hot_at = EXCLUDED.hot_at, handed_off_at = EXCLUDED.handed_off_at, opted_out_at = EXCLUDED.opted_out_at
                WHERE (m.bot_type, m.channel, m.first_inbound_at, m.first_reply_at, m.qualified_at, m.hot_at,
                       m.handed_off_at, m.opted_out_at)
                      IS DISTINCT FROM (EXCLUDED.bot_type, EXCLUDED.channel, EXCLUDED.first_inbound_at,
                       EXCLUDED.first_reply_at, EXCLUDED.qualified_at, EXCLUDED.hot_at, EXCLUDED.handed_off_at,
                       EXCLUDED.opted_out_at)""")) {
            int i = 1;
            ps.setArray(i++, contacts);
            for (int table = 0; table < 5; table++) {
                ps.setString(i++, locationId);
                ps.setArray(i++, contacts);
            }
            ps.setString(i, locationId);
            return ps.executeUpdate();
        }
    }
}
