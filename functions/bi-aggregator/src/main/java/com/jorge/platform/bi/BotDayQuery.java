package com.jorge.platform.bi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A location-day's bot KPIs and cost drivers (definitions: functions/bi-aggregator/README.md, "Bot KPIs"):
 * bot conversations started, SMS segments, LLM tokens (of the bot's turns, audit {@code replied}, and of its follow-ups,
 * audit {@code follow_up}), appointments the bot booked, hand-off acceptance.
 */
final class BotDayQuery {

    DayFigures.BotDay compute(Connection c, String locationId, DayWindow window) throws SQLException {
        int conversations;
        int segments;
        long inputTokens;
        long outputTokens;
        int booked;
        // a bot message with no bot message to the same lead in the 24 h before starts a conversation
        try (PreparedStatement ps = DayFiguresQuery.prepare(c, """
                SELECT
                  (SELECT count(*) FROM messages m, w WHERE m.location_id = ? AND m.author = 'bot' AND m.status = 'sent'
                      AND m.sent_at >= w.s AND m.sent_at < w.e
                      AND NOT EXISTS (SELECT 1 FROM messages p WHERE p.location_id = m.location_id
                          AND p.contact_id = m.contact_id AND p.author = 'bot' AND p.status = 'sent'
                          AND p.sent_at < m.sent_at AND p.sent_at >= m.sent_at - interval '24 hours')),
                  (SELECT COALESCE(sum(bi_sms_segments(m.body)), 0) FROM messages m, w WHERE m.location_id = ?
                      AND lower(m.channel) = 'sms'
                      AND ((m.direction = 'inbound' AND m.created_at >= w.s AND m.created_at < w.e)
                        OR (m.author = 'bot' AND m.sent_at >= w.s AND m.sent_at < w.e))),
                  t.input, t.output,
                  (SELECT count(*) FROM appointments a, w WHERE a.location_id = ? AND a.created_at >= w.s AND a.created_at < w.e
                      AND EXISTS (SELECT 1 FROM messages b WHERE b.location_id = a.location_id AND b.contact_id = a.contact_id
                          AND b.author = 'bot' AND b.status = 'sent' AND b.sent_at <= a.created_at)
                      AND NOT EXISTS (SELECT 1 FROM messages h WHERE h.location_id = a.location_id
                          AND h.contact_id = a.contact_id AND h.author = 'human' AND h.created_at <= a.created_at))
                FROM (SELECT
                        COALESCE(sum((a.detail->>'llmInputTokens')::bigint) FILTER (WHERE a.detail->>'llmInputTokens' ~ '^[0-9]{1,12}$'), 0) AS input,
                        COALESCE(sum((a.detail->>'llmOutputTokens')::bigint) FILTER (WHERE a.detail->>'llmOutputTokens' ~ '^[0-9]{1,12}$'), 0) AS output
                      FROM audit_log a, w WHERE a.location_id = ? AND a.action IN ('replied', 'follow_up') AND a.at >= w.s AND a.at < w.e) t""",
                locationId, window)) {
            for (int i = 4; i <= 6; i++) ps.setString(i, locationId); // every parameter after the window is the location
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                conversations = rs.getInt(1);
                segments = rs.getInt(2);
                inputTokens = rs.getLong(3);
                outputTokens = rs.getLong(4);
                booked = rs.getInt(5);
            }
        }
        List<Integer> acceptance = new ArrayList<>();
        // hand-off (CRM action) -> the first hand-off an agent accepted for that lead after it
        try (PreparedStatement ps = DayFiguresQuery.prepare(c, """
                SELECT round(extract(epoch FROM (SELECT min(a.at) FROM audit_log a WHERE a.location_id = h.location_id
                        AND a.contact_id = h.contact_id AND a.action = 'handoff_accepted' AND a.at >= h.created_at)
                       - h.created_at) * 1000)::bigint
                FROM crm_actions h, w
                WHERE h.location_id = ? AND h.action_type = 'HandOff' AND h.created_at >= w.s AND h.created_at < w.e""",
                locationId, window);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long ms = rs.getLong(1);
                if (!rs.wasNull()) acceptance.add(DayFiguresQuery.millis(ms));
            }
        }
        return new DayFigures.BotDay(conversations, segments, inputTokens, outputTokens, booked, acceptance);
    }
}
