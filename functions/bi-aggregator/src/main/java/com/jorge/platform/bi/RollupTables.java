package com.jorge.platform.bi;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Writes one location-day's figures into the bi_daily_* tables: INSERT ... ON CONFLICT DO UPDATE for the
 * rows the day has (untouched when equal), then deletes the rows it no longer has (a lead that moved from
 * the seller to the buyer bot leaves its old row). Runs in the caller's transaction, so readers see the
 * day's old rows or its new ones, never a mix.
 */
final class RollupTables {

    void write(Connection c, String locationId, LocalDate day, DayFigures figures) throws SQLException {
        writeFunnel(c, locationId, day, figures.funnel());
        writeActivity(c, locationId, day, figures.activity(), figures.pipelineSnapshot().map(RollupTables::total).orElse(null));
        writeBotDay(c, locationId, day, figures.bots());
        writeRevenue(c, locationId, day, figures.revenue());
        if (figures.pipeline() != null) writePipeline(c, locationId, day, figures.pipeline());
        writeAgents(c, locationId, day, figures.agents());
    }

    private static void writeFunnel(Connection c, String locationId, LocalDate day,
                                    Map<DayFigures.FunnelKey, DayFigures.Funnel> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO bi_daily_funnel AS t (location_id, day, bot_type, channel, new_leads, leads_answered,
                    qualified, hot, handed_off, appointments_booked, opted_out)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (location_id, day, bot_type, channel) DO UPDATE SET new_leads = EXCLUDED.new_leads,
                    leads_answered = EXCLUDED.leads_answered, qualified = EXCLUDED.qualified, hot = EXCLUDED.hot,
                    handed_off = EXCLUDED.handed_off, appointments_booked = EXCLUDED.appointments_booked,
                    opted_out = EXCLUDED.opted_out
                WHERE (t.new_leads, t.leads_answered, t.qualified, t.hot, t.handed_off, t.appointments_booked, t.opted_out)
                      IS DISTINCT FROM (EXCLUDED.new_leads, EXCLUDED.leads_answered, EXCLUDED.qualified, EXCLUDED.hot,
                                        EXCLUDED.handed_off, EXCLUDED.appointments_booked, EXCLUDED.opted_out)""")) {
            for (var row : rows.entrySet()) {
                DayFigures.Funnel f = row.getValue();
                ps.setString(1, locationId);
                ps.setObject(2, day);
                ps.setString(3, row.getKey().botType());
                ps.setString(4, row.getKey().channel());
                ps.setInt(5, f.newLeads());
                ps.setInt(6, f.leadsAnswered());
                ps.setInt(7, f.qualified());
                ps.setInt(8, f.hot());
                ps.setInt(9, f.handedOff());
                ps.setInt(10, f.appointmentsBooked());
                ps.setInt(11, f.optedOut());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        deleteOthers(c, "bi_daily_funnel", "bot_type, channel", locationId, day,
                rows.keySet().stream().map(DayFigures.FunnelKey::botType).toList(),
                rows.keySet().stream().map(DayFigures.FunnelKey::channel).toList());
    }

    /** The open pipeline's totals, or null when the day keeps the snapshot it has. */
    private static DayFigures.Pipeline total(Map<String, DayFigures.Pipeline> stages) {
        return new DayFigures.Pipeline(stages.values().stream().mapToInt(DayFigures.Pipeline::openCount).sum(),
                stages.values().stream().map(DayFigures.Pipeline::openValue).reduce(java.math.BigDecimal.ZERO,
                        java.math.BigDecimal::add));
    }

    private static void writeActivity(Connection c, String locationId, LocalDate day, DayFigures.Activity a,
                                      DayFigures.Pipeline pipeline) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO bi_daily_activity AS t (location_id, day, inbound_messages, bot_replies_sent, replies_held,
                    response_samples_ms, response_p50_ms, response_p95_ms, follow_ups_sent, follow_ups_answered,
                    human_takeovers, handoffs, handoffs_awaiting_agent, agent_reply_samples_ms, agent_reply_p50_ms,
                    agent_reply_p95_ms, pipeline_open_count, pipeline_open_value)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (location_id, day) DO UPDATE SET inbound_messages = EXCLUDED.inbound_messages,
                    bot_replies_sent = EXCLUDED.bot_replies_sent, replies_held = EXCLUDED.replies_held,
                    response_samples_ms = EXCLUDED.response_samples_ms, response_p50_ms = EXCLUDED.response_p50_ms,
                    response_p95_ms = EXCLUDED.response_p95_ms, follow_ups_sent = EXCLUDED.follow_ups_sent,
                    follow_ups_answered = EXCLUDED.follow_ups_answered, human_takeovers = EXCLUDED.human_takeovers,
                    handoffs = EXCLUDED.handoffs, handoffs_awaiting_agent = EXCLUDED.handoffs_awaiting_agent,
                    agent_reply_samples_ms = EXCLUDED.agent_reply_samples_ms,
                    agent_reply_p50_ms = EXCLUDED.agent_reply_p50_ms, agent_reply_p95_ms = EXCLUDED.agent_reply_p95_ms,
                    pipeline_open_count = COALESCE(EXCLUDED.pipeline_open_count, t.pipeline_open_count),
                    pipeline_open_value = COALESCE(EXCLUDED.pipeline_open_value, t.pipeline_open_value)
                WHERE (t.inbound_messages, t.bot_replies_sent, t.replies_held, t.response_samples_ms,
                       t.follow_ups_sent, t.follow_ups_answered, t.human_takeovers, t.handoffs,
                       t.handoffs_awaiting_agent, t.agent_reply_samples_ms, t.pipeline_open_count, t.pipeline_open_value)
                      IS DISTINCT FROM (EXCLUDED.inbound_messages, EXCLUDED.bot_replies_sent, EXCLUDED.replies_held,
                       EXCLUDED.response_samples_ms, EXCLUDED.follow_ups_sent, EXCLUDED.follow_ups_answered,
                       EXCLUDED.human_takeovers, EXCLUDED.handoffs, EXCLUDED.handoffs_awaiting_agent,
                       EXCLUDED.agent_reply_samples_ms, COALESCE(EXCLUDED.pipeline_open_count, t.pipeline_open_count),
                       COALESCE(EXCLUDED.pipeline_open_value, t.pipeline_open_value))""")) {
            ps.setString(1, locationId);
            ps.setObject(2, day);
            ps.setInt(3, a.inboundMessages());
            ps.setInt(4, a.botRepliesSent());
            ps.setInt(5, a.repliesHeld());
            ps.setArray(6, ints(c, a.responseSamplesMs()));
            ps.setObject(7, NearestRank.of(a.responseSamplesMs(), 50));
            ps.setObject(8, NearestRank.of(a.responseSamplesMs(), 95));
            ps.setInt(9, a.followUpsSent());
            ps.setInt(10, a.followUpsAnswered());
            ps.setInt(11, a.humanTakeovers());
            ps.setInt(12, a.handoffs());
            ps.setInt(13, a.handoffsAwaitingAgent());
            ps.setArray(14, ints(c, a.agentReplySamplesMs()));
            ps.setObject(15, NearestRank.of(a.agentReplySamplesMs(), 50));
            ps.setObject(16, NearestRank.of(a.agentReplySamplesMs(), 95));
            ps.setObject(17, pipeline == null ? null : pipeline.openCount(), java.sql.Types.INTEGER);
            ps.setBigDecimal(18, pipeline == null ? null : pipeline.openValue());
            ps.executeUpdate();
        }
    }

    /** The bot KPI columns of the day's activity row (written just before), left untouched when equal. */
    private static void writeBotDay(Connection c, String locationId, LocalDate day, DayFigures.BotDay b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE bi_daily_activity t SET bot_conversations = v.conversations, sms_segments = v.segments,
                    llm_input_tokens = v.input, llm_output_tokens = v.output, bot_booked = v.booked,
                    handoff_accept_samples_ms = v.accept
                FROM (SELECT ?::int AS conversations, ?::int AS segments, ?::bigint AS input, ?::bigint AS output,
                             ?::int AS booked, ?::integer[] AS accept) v
                WHERE t.location_id = ? AND t.day = ?
                  AND (t.bot_conversations, t.sms_segments, t.llm_input_tokens, t.llm_output_tokens, t.bot_booked,
                       t.handoff_accept_samples_ms)
                      IS DISTINCT FROM (v.conversations, v.segments, v.input, v.output, v.booked, v.accept)""")) {
            ps.setInt(1, b.conversations());
            ps.setInt(2, b.smsSegments());
            ps.setLong(3, b.llmInputTokens());
            ps.setLong(4, b.llmOutputTokens());
            ps.setInt(5, b.botBooked());
            ps.setArray(6, ints(c, b.handoffAcceptSamplesMs()));
            ps.setString(7, locationId);
            ps.setObject(8, day);
            ps.executeUpdate();
        }
    }

    private static void writeRevenue(Connection c, String locationId, LocalDate day,
                                     Map<DayFigures.RevenueKey, DayFigures.Revenue> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO bi_daily_revenue AS t (location_id, day, attribution, channel, won_count, won_value,
                    lost_count, lost_value)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (location_id, day, attribution, channel) DO UPDATE SET won_count = EXCLUDED.won_count,
                    won_value = EXCLUDED.won_value, lost_count = EXCLUDED.lost_count, lost_value = EXCLUDED.lost_value
                WHERE (t.won_count, t.won_value, t.lost_count, t.lost_value)
                      IS DISTINCT FROM (EXCLUDED.won_count, EXCLUDED.won_value, EXCLUDED.lost_count, EXCLUDED.lost_value)""")) {
            for (var row : rows.entrySet()) {
                DayFigures.Revenue r = row.getValue();
                ps.setString(1, locationId);
                ps.setObject(2, day);
                ps.setString(3, row.getKey().attribution());
                ps.setString(4, row.getKey().channel());
                ps.setInt(5, r.wonCount());
                ps.setBigDecimal(6, r.wonValue());
                ps.setInt(7, r.lostCount());
                ps.setBigDecimal(8, r.lostValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        deleteOthers(c, "bi_daily_revenue", "attribution, channel", locationId, day,
                rows.keySet().stream().map(DayFigures.RevenueKey::attribution).toList(),
                rows.keySet().stream().map(DayFigures.RevenueKey::channel).toList());
    }

    private static void writePipeline(Connection c, String locationId, LocalDate day,
                                      Map<String, DayFigures.Pipeline> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO bi_daily_pipeline AS t (location_id, day, pipeline_stage_id, open_count, open_value)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (location_id, day, pipeline_stage_id) DO UPDATE SET open_count = EXCLUDED.open_count,
                    open_value = EXCLUDED.open_value
                WHERE (t.open_count, t.open_value) IS DISTINCT FROM (EXCLUDED.open_count, EXCLUDED.open_value)""")) {
            for (var row : rows.entrySet()) {
                ps.setString(1, locationId);
                ps.setObject(2, day);
                ps.setString(3, row.getKey());
                ps.setInt(4, row.getValue().openCount());
                ps.setBigDecimal(5, row.getValue().openValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        deleteOthers(c, "bi_daily_pipeline", "pipeline_stage_id", locationId, day, List.copyOf(rows.keySet()));
    }

    private static void writeAgents(Connection c, String locationId, LocalDate day,
                                    Map<String, DayFigures.AgentDay> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO bi_daily_agent AS t (location_id, day, agent_id, handoffs, agent_reply_samples_ms)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (location_id, day, agent_id) DO UPDATE SET handoffs = EXCLUDED.handoffs,
                    agent_reply_samples_ms = EXCLUDED.agent_reply_samples_ms
                WHERE (t.handoffs, t.agent_reply_samples_ms)
                      IS DISTINCT FROM (EXCLUDED.handoffs, EXCLUDED.agent_reply_samples_ms)""")) {
            for (var row : rows.entrySet()) {
                ps.setString(1, locationId);
                ps.setObject(2, day);
                ps.setString(3, row.getKey());
                ps.setInt(4, row.getValue().handoffs());
                ps.setArray(5, ints(c, row.getValue().agentReplySamplesMs()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        deleteOthers(c, "bi_daily_agent", "agent_id", locationId, day, List.copyOf(rows.keySet()));
    }

    /** Deletes the day's rows whose key (one or two text columns) is not among the given keys. */
    @SafeVarargs
    private static void deleteOthers(Connection c, String table, String keyColumns, String locationId, LocalDate day,
                                     List<String>... keys) throws SQLException {
        StringBuilder unnest = new StringBuilder();
        for (int i = 0; i < keys.length; i++) unnest.append(i == 0 ? "" : ", ").append("?::text[]");
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE location_id = ? AND day = ? AND ("
                + keyColumns + ") NOT IN (SELECT * FROM unnest(" + unnest + "))")) {
            ps.setString(1, locationId);
            ps.setObject(2, day);
            for (int i = 0; i < keys.length; i++) ps.setArray(3 + i, c.createArrayOf("text", keys[i].toArray()));
            ps.executeUpdate();
        }
    }

    private static Array ints(Connection c, List<Integer> values) throws SQLException {
        return c.createArrayOf("integer", values.toArray());
    }
}
