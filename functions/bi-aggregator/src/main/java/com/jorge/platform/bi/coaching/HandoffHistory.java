package com.jorge.platform.bi.coaching;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads a location's hand-offs in [from, to) with what followed each (indexed per lead, V68). */
final class HandoffHistory {

    List<Handoff> read(Connection c, String locationId, Instant from, Instant to) throws SQLException {
        List<Handoff> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT h.contact_id, h.created_at,
                       COALESCE(acc.agent_id, (SELECT o.assigned_to FROM opportunities o WHERE o.location_id = h.location_id
                           AND o.contact_id = h.contact_id AND o.assigned_to IS NOT NULL
                           ORDER BY o.updated_at DESC, o.opportunity_id LIMIT 1), 'unassigned'),
                       acc.at,
                       (SELECT min(m.created_at) FROM messages m WHERE m.location_id = h.location_id
                           AND m.contact_id = h.contact_id AND m.author = 'human' AND m.created_at >= h.created_at),
                       (SELECT min(a.created_at) FROM appointments a WHERE a.location_id = h.location_id
                           AND a.contact_id = h.contact_id AND a.created_at >= h.created_at),
                       (SELECT min(d.decided_at) FROM bi_deal_outcomes d WHERE d.location_id = h.location_id
                           AND d.contact_id = h.contact_id AND d.status = 'won' AND d.decided_at >= h.created_at)
                FROM crm_actions h
                LEFT JOIN LATERAL (SELECT a.detail->>'agentId' AS agent_id, a.at FROM audit_log a
                    WHERE a.location_id = h.location_id AND a.contact_id = h.contact_id AND a.action = 'handoff_accepted'
                      AND a.at >= h.created_at ORDER BY a.at LIMIT 1) acc ON true
                WHERE h.location_id = ? AND h.action_type = 'HandOff' AND h.created_at >= ? AND h.created_at < ?
                ORDER BY h.created_at, h.id""")) {
            ps.setString(1, locationId);
            ps.setObject(2, from.atOffset(ZoneOffset.UTC));
            ps.setObject(3, to.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Handoff(rs.getString(1), instant(rs, 2), rs.getString(3), instant(rs, 4), instant(rs, 5),
                            instant(rs, 6), instant(rs, 7)));
                }
            }
        }
        return out;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
