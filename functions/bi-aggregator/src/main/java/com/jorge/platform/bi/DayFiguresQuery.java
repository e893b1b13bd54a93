package com.jorge.platform.bi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes one location-day's figures from the source tables and the lead milestones. Every figure is
 * dated by when its fact happened, in the location's zone (definitions: functions/bi-aggregator/README.md).
 */
final class DayFiguresQuery {

    /** The window is bound as the two first parameters of every query, the location as the third. */
    private static final String WINDOW = "WITH w AS (SELECT ?::timestamptz AS s, ?::timestamptz AS e) ";

    private final BotDayQuery bots = new BotDayQuery();

    DayFigures compute(Connection c, String locationId, DayWindow window, boolean snapshotPipeline) throws SQLException {
        Map<DayFigures.FunnelKey, DayFigures.Funnel> funnel = funnel(c, locationId, window);
        appointments(c, locationId, window).forEach((key, count) ->
                funnel.put(key, funnel.getOrDefault(key, DayFigures.Funnel.ZERO).withAppointments(count)));
        Map<String, List<Integer>> agentSamples = new HashMap<>();
        Map<String, Integer> agentHandoffs = new HashMap<>();
        DayFigures.Activity activity = activity(c, locationId, window, agentHandoffs, agentSamples);
        Map<String, DayFigures.AgentDay> agents = new HashMap<>();
        agentHandoffs.forEach((agent, n) -> agents.put(agent,
                new DayFigures.AgentDay(n, agentSamples.getOrDefault(agent, List.of()))));
        return new DayFigures(funnel, activity, agents, revenue(c, locationId, window),
                snapshotPipeline ? pipeline(c, locationId) : null, bots.compute(c, locationId, window));
    }

    /** A statement on the day's window {@code w} (parameters 1, 2) whose third parameter is the location. */
    static PreparedStatement prepare(Connection c, String sql, String locationId, DayWindow window)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(WINDOW + sql);
        window.bind(ps, 1);
        ps.setString(3, locationId);
        return ps;
    }

    private static Map<DayFigures.FunnelKey, DayFigures.Funnel> funnel(Connection c, String locationId, DayWindow window)
            throws SQLException {
        Map<DayFigures.FunnelKey, DayFigures.Funnel> out = new HashMap<>();
        try (PreparedStatement ps = prepare(c, """
                SELECT m.bot_type, m.channel,
                    count(*) FILTER (WHERE m.first_inbound_at >= w.s AND m.first_inbound_at < w.e),
                    count(*) FILTER (WHERE m.first_inbound_at >= w.s AND m.first_inbound_at < w.e
                                       AND m.first_reply_at IS NOT NULL),
                    count(*) FILTER (WHERE m.qualified_at >= w.s AND m.qualified_at < w.e),
                    count(*) FILTER (WHERE m.hot_at >= w.s AND m.hot_at < w.e),
                    count(*) FILTER (WHERE m.handed_off_at >= w.s AND m.handed_off_at < w.e),
                    count(*) FILTER (WHERE m.opted_out_at >= w.s AND m.opted_out_at < w.e)
                FROM bi_lead_milestones m, w
                WHERE m.location_id = ?
                  AND ((m.first_inbound_at >= w.s AND m.first_inbound_at < w.e)
                    OR (m.qualified_at >= w.s AND m.qualified_at < w.e)
                    OR (m.hot_at >= w.s AND m.hot_at < w.e)
                    OR (m.handed_off_at >= w.s AND m.handed_off_at < w.e)
                    OR (m.opted_out_at >= w.s AND m.opted_out_at < w.e))
                GROUP BY m.bot_type, m.channel""", locationId, window);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(new DayFigures.FunnelKey(rs.getString(1), rs.getString(2)), new DayFigures.Funnel(
                        rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), 0, rs.getInt(8)));
            }
        }
        return out;
    }

    private static Map<DayFigures.FunnelKey, Integer> appointments(Connection c, String locationId, DayWindow window)
            throws SQLException {
        Map<DayFigures.FunnelKey, Integer> out = new HashMap<>();
        try (PreparedStatement ps = prepare(c, """
                SELECT COALESCE(m.bot_type, 'none'), COALESCE(m.channel, 'unknown'), count(*)
                FROM appointments a CROSS JOIN w
                LEFT JOIN bi_lead_milestones m ON m.location_id = a.location_id AND m.contact_id = a.contact_id
                WHERE a.location_id = ? AND a.created_at >= w.s AND a.created_at < w.e
                GROUP BY 1, 2""", locationId, window);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.put(new DayFigures.FunnelKey(rs.getString(1), rs.getString(2)), rs.getInt(3));
        }
        return out;
    }

    private static DayFigures.Activity activity(Connection c, String locationId, DayWindow window,
                                                Map<String, Integer> agentHandoffs,
                                                Map<String, List<Integer>> agentSamples) throws SQLException {
        int inbound = 0;
        int held = 0;
        List<Integer> responses = new ArrayList<>();
        // the bot's replies to an inbound message carry its webhook id and are stored in the same decision;
        // both sides are read once and hash-joined (a nested loop over the day's messages is quadratic)
        try (PreparedStatement ps = prepare(c, """
                , inbound AS MATERIALIZED (
                    SELECT i.id, i.webhook_id, i.created_at FROM messages i, w
                    WHERE i.location_id = ? AND i.direction = 'inbound' AND i.created_at >= w.s AND i.created_at < w.e),
                replies AS MATERIALIZED (
                    SELECT r.webhook_id,
                           min(r.sent_at) FILTER (WHERE r.status = 'sent' AND r.not_before IS NULL) AS first_sent,
                           bool_or(r.not_before IS NOT NULL) AS held
                    FROM messages r, w
                    WHERE r.location_id = ? AND r.author = 'bot' AND r.webhook_id IS NOT NULL
                      AND r.created_at >= w.s AND r.created_at < w.e + interval '1 day'
                    GROUP BY r.webhook_id)
                SELECT i.id, round(extract(epoch FROM r.first_sent - i.created_at) * 1000)::bigint, COALESCE(r.held, false)
                FROM inbound i LEFT JOIN replies r ON r.webhook_id = i.webhook_id""", locationId, window)) {
            ps.setString(4, locationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inbound++;
                    long gap = rs.getLong(2);
                    if (!rs.wasNull()) responses.add(millis(gap));
                    if (rs.getBoolean(3)) held++;
                }
            }
        }
        int botRepliesSent = single(c, """
                SELECT count(*) FROM messages m, w WHERE m.location_id = ? AND m.author = 'bot'
                  AND m.sent_at >= w.s AND m.sent_at < w.e""", locationId, window);
        int followUpsSent;
        int followUpsAnswered;
        // a follow-up is answered when the lead writes before the bot's next follow-up
        try (PreparedStatement ps = prepare(c, """
                SELECT count(*), count(*) FILTER (WHERE EXISTS (
                    SELECT 1 FROM messages m WHERE m.location_id = f.location_id AND m.contact_id = f.contact_id
                      AND m.direction = 'inbound' AND m.created_at > f.at AND (nx.at IS NULL OR m.created_at < nx.at)))
                FROM audit_log f CROSS JOIN w
                LEFT JOIN LATERAL (SELECT min(n.at) AS at FROM audit_log n
                    WHERE n.location_id = f.location_id AND n.contact_id = f.contact_id AND n.action = 'follow_up'
                      AND n.at > f.at) nx ON true
                WHERE f.location_id = ? AND f.action = 'follow_up' AND f.at >= w.s AND f.at < w.e""", locationId, window);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            followUpsSent = rs.getInt(1);
            followUpsAnswered = rs.getInt(2);
        }
        int takeovers = single(c, """
                SELECT count(DISTINCT a.contact_id) FROM audit_log a, w WHERE a.location_id = ? AND a.action = 'bot_paused'
                  AND a.at >= w.s AND a.at < w.e""", locationId, window);
        int handoffs = 0;
        int awaiting = 0;
        List<Integer> agentReplies = new ArrayList<>();
        // the agent is whoever GHL assigned the lead's deal to; the human message has no author id
        try (PreparedStatement ps = prepare(c, """
                SELECT
                    round(extract(epoch FROM (SELECT min(m.created_at) FROM messages m WHERE m.location_id = h.location_id
                       AND m.contact_id = h.contact_id AND m.author = 'human' AND m.created_at >= h.created_at)
                      - h.created_at) * 1000)::bigint,
                    COALESCE((SELECT o.assigned_to FROM opportunities o WHERE o.location_id = h.location_id
                       AND o.contact_id = h.contact_id AND o.assigned_to IS NOT NULL
                       ORDER BY o.updated_at DESC, o.opportunity_id LIMIT 1), 'unassigned')
                FROM crm_actions h, w
                WHERE h.location_id = ? AND h.action_type = 'HandOff' AND h.created_at >= w.s AND h.created_at < w.e""",
                locationId, window);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                handoffs++;
                long gap = rs.getLong(1);
                boolean unanswered = rs.wasNull();
                String agent = rs.getString(2);
                agentHandoffs.merge(agent, 1, Integer::sum);
                if (unanswered) {
                    awaiting++;
                } else {
                    agentReplies.add(millis(gap));
                    agentSamples.computeIfAbsent(agent, k -> new ArrayList<>()).add(millis(gap));
                }
            }
        }
        return new DayFigures.Activity(inbound, botRepliesSent, held, responses, followUpsSent, followUpsAnswered,
                takeovers, handoffs, awaiting, agentReplies);
    }

    private static Map<DayFigures.RevenueKey, DayFigures.Revenue> revenue(Connection c, String locationId,
                                                                         DayWindow window) throws SQLException {
        Map<DayFigures.RevenueKey, DayFigures.Revenue> out = new HashMap<>();
        // what the bot did for the lead before the deal was decided
        try (PreparedStatement ps = prepare(c, """
                SELECT CASE WHEN m.qualified_at <= d.decided_at OR m.handed_off_at <= d.decided_at THEN 'bot_qualified'
                            WHEN m.first_reply_at <= d.decided_at THEN 'bot_engaged'
                            ELSE 'human_only' END,
                       COALESCE(m.channel, 'unknown'),
                       count(*) FILTER (WHERE d.status = 'won'),
                       COALESCE(sum(d.monetary_value) FILTER (WHERE d.status = 'won'), 0),
                       count(*) FILTER (WHERE d.status = 'lost'),
                       COALESCE(sum(d.monetary_value) FILTER (WHERE d.status = 'lost'), 0)
                FROM bi_deal_outcomes d CROSS JOIN w
                LEFT JOIN bi_lead_milestones m ON m.location_id = d.location_id AND m.contact_id = d.contact_id
                WHERE d.location_id = ? AND d.decided_at >= w.s AND d.decided_at < w.e
                GROUP BY 1, 2""", locationId, window);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(new DayFigures.RevenueKey(rs.getString(1), rs.getString(2)), new DayFigures.Revenue(
                        rs.getInt(3), rs.getBigDecimal(4), rs.getInt(5), rs.getBigDecimal(6)));
            }
        }
        return out;
    }

    private static Map<String, DayFigures.Pipeline> pipeline(Connection c, String locationId) throws SQLException {
        Map<String, DayFigures.Pipeline> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT COALESCE(pipeline_stage_id, 'none'), count(*), COALESCE(sum(monetary_value), 0) FROM opportunities
                WHERE location_id = ? AND lower(COALESCE(status, 'open')) = 'open' GROUP BY 1""")) {
            ps.setString(1, locationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), new DayFigures.Pipeline(rs.getInt(2), rs.getBigDecimal(3)));
            }
        }
        return out;
    }

    private static int single(Connection c, String sql, String locationId, DayWindow window) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, locationId, window); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Whole milliseconds, never negative: clock skew between writers is not a speed-up. */
    static int millis(long ms) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, ms));
    }
}
