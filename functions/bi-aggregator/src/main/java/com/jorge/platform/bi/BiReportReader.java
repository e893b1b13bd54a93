package com.jorge.platform.bi;

import com.jorge.platform.bi.attribution.AttributionReader;
import com.jorge.platform.bi.commission.CommissionReader;
import com.jorge.platform.bi.coaching.CoachingReader;
import com.jorge.platform.bi.experiments.ExperimentReader;
import com.jorge.platform.storage.Transactor;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the rollups of one location over a range of days into a {@link BiReport}; coaching also follows the
 * location's hand-offs in the source tables, and the commission ledger reads the deals' assignees.
 */
public final class BiReportReader {

    private final Transactor db;
    private final BigDecimal commissionRate;
    private final ZoneId defaultZone;
    private final AttributionReader attribution = new AttributionReader();
    private final CommissionReader commission;
    private final BotCostPrices prices;
    private final ExperimentReader experiments;
    private final CoachingReader coaching = new CoachingReader();
    private final ObjectionReader objections = new ObjectionReader();
    private final Clock clock;

    public BiReportReader(DataSource dataSource, BiSettings settings) {
        this(dataSource, settings, Clock.systemUTC());
    }

    /** {@code clock}: "now" for coaching (which hand-offs are settled). */
    public BiReportReader(DataSource dataSource, BiSettings settings, Clock clock) {
        this.clock = clock;
        this.db = new Transactor(dataSource);
        this.commissionRate = settings.commissionRate();
        this.defaultZone = settings.defaultZone();
        this.commission = new CommissionReader(settings.commission());
        this.prices = settings.prices();
        this.experiments = new ExperimentReader(settings.experiments());
    }

    public BiReport report(String locationId, LocalDate from, LocalDate to) {
        if (locationId == null || locationId.isBlank()) throw new IllegalArgumentException("locationId is required");
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("report needs from <= to, got from=" + from + " to=" + to);
        }
        return db.inTransaction(c -> read(c, locationId, from, to));
    }

    /**
     * The commission part of {@link #report} alone (realised over the range, projected from the range's latest
     * pipeline snapshot), for the business alerts, which read it every run.
     */
    public BiReport.Commission commission(String locationId, LocalDate from, LocalDate to) {
        if (locationId == null || locationId.isBlank()) throw new IllegalArgumentException("locationId is required");
        return db.inTransaction(c -> {
            ZoneId zone = zoneOf(c, locationId);
            return commission.read(c, locationId, zone, new DayWindow(from, zone).start(), new DayWindow(to, zone).end(),
                    pipeline(c, locationId, from, to));
        });
    }

    /** The location's zone for BI days (its {@code time_zone}, else BI_DEFAULT_ZONE). */
    public ZoneId zone(String locationId) {
        return db.inTransaction(c -> zoneOf(c, locationId));
    }

    private BiReport read(Connection c, String locationId, LocalDate from, LocalDate to) throws SQLException {
        ZoneId zone = zoneOf(c, locationId);
        List<BiReport.LeadSource> sources = new ArrayList<>();
        int[] funnel = new int[7];
        try (PreparedStatement ps = range(c, """
                SELECT bot_type, channel, sum(new_leads), sum(leads_answered), sum(qualified), sum(hot), sum(handed_off),
                       sum(appointments_booked), sum(opted_out)
                FROM bi_daily_funnel WHERE location_id = ? AND day BETWEEN ? AND ?
                GROUP BY bot_type, channel ORDER BY bot_type, channel""", locationId, from, to);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                for (int i = 0; i < 7; i++) funnel[i] += rs.getInt(3 + i);
                sources.add(new BiReport.LeadSource(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(5), rs.getInt(7)));
            }
        }

        BiReport.BotPerformance bots;
        BiReport.AgentPerformance agentTotals;
        long[] botTotals = new long[5]; // conversations, SMS segments, LLM input and output tokens, bot-booked
        List<Integer> accepted = new ArrayList<>();
        try (PreparedStatement ps = range(c, """
                SELECT inbound_messages, bot_replies_sent, replies_held, response_samples_ms, follow_ups_sent,
                       follow_ups_answered, human_takeovers, handoffs, handoffs_awaiting_agent, agent_reply_samples_ms,
                       bot_conversations, sms_segments, llm_input_tokens, llm_output_tokens, bot_booked,
                       handoff_accept_samples_ms
                FROM bi_daily_activity WHERE location_id = ? AND day BETWEEN ? AND ?""", locationId, from, to);
             ResultSet rs = ps.executeQuery()) {
            int[] n = new int[8];
            List<Integer> responses = new ArrayList<>();
            List<Integer> agentReplies = new ArrayList<>();
            while (rs.next()) {
                for (int i = 0; i < 5; i++) botTotals[i] += rs.getLong(11 + i);
                accepted.addAll(ints(rs.getArray(16)));
                n[0] += rs.getInt(1);
                n[1] += rs.getInt(2);
                n[2] += rs.getInt(3);
                responses.addAll(ints(rs.getArray(4)));
                n[3] += rs.getInt(5);
                n[4] += rs.getInt(6);
                n[5] += rs.getInt(7);
                n[6] += rs.getInt(8);
                n[7] += rs.getInt(9);
                agentReplies.addAll(ints(rs.getArray(10)));
            }
            responses.sort(null);
            agentReplies.sort(null);
            bots = new BiReport.BotPerformance(n[0], n[1], n[2], responses.size(), NearestRank.of(responses, 50),
                    NearestRank.of(responses, 95), n[3], n[4], rate(n[4], n[3]), n[5]);
            agentTotals = new BiReport.AgentPerformance(n[6], n[7], NearestRank.of(agentReplies, 50),
                    NearestRank.of(agentReplies, 95), agents(c, locationId, from, to));
        }

        BiReport.Revenue revenue = revenue(c, locationId, from, to);
        int[] f = funnel;
        BiReport.Funnel steps = new BiReport.Funnel(f[0], f[1], f[2], f[3], f[4], f[5], revenue.wonCount(), f[6],
                rate(f[1], f[0]), rate(f[2], f[0]), rate(f[3], f[0]), rate(f[4], f[0]), rate(f[5], f[0]),
                rate(revenue.wonCount(), f[0]));
        BiReport.Pipeline pipeline = pipeline(c, locationId, from, to);
        Instant start = new DayWindow(from, zone).start();
        Instant end = new DayWindow(to, zone).end();
        List<BiReport.ModelAttribution> byModel = attribution.read(c, locationId, start, end);
        accepted.sort(null);
        return new BiReport(locationId, from, to, zone.getId(), commissionRate, steps, sources, bots, revenue,
                pipeline, agentTotals, byModel, commission.read(c, locationId, zone, start, end, pipeline),
                botKpis(steps, bots, botTotals, accepted, byModel), experiments.read(c, locationId, zone, from, to),
                coaching.read(c, locationId, zone, from, to, clock.instant()), objections.read(c, locationId, start, end));
    }

    private BiReport.BotKpis botKpis(BiReport.Funnel funnel, BiReport.BotPerformance bots, long[] totals,
                                     List<Integer> accepted, List<BiReport.ModelAttribution> byModel) {
        int conversations = (int) totals[0];
        BigDecimal sms = prices.sms(totals[1]);
        BigDecimal llm = prices.llm(totals[2], totals[3]);
        BigDecimal cost = sms.add(llm);
        BigDecimal botRevenue = byModel.stream().filter(m -> m.model().equals("linear"))
                .flatMap(m -> m.credits().stream()).filter(cr -> cr.kind().equals("bot"))
                .map(BiReport.Credit::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal botCommission = commission(botRevenue);
        return new BiReport.BotKpis(conversations,
                rate(bots.inboundMessages() + bots.botRepliesSent(), conversations),
                bots.responseP50Ms(), bots.responseP95Ms(), funnel.qualifiedRate(), funnel.hotRate(),
                (int) totals[4], rate((int) totals[4], conversations),
                accepted.size(), NearestRank.of(accepted, 50), NearestRank.of(accepted, 95),
                rate(funnel.optedOut(), funnel.newLeads()), totals[1], totals[2], totals[3], sms, llm, cost,
                conversations == 0 ? null : cost.divide(BigDecimal.valueOf(conversations), 2, RoundingMode.HALF_UP),
                botRevenue, botCommission,
                cost.signum() == 0 ? null : botCommission.subtract(cost).divide(cost, 4, RoundingMode.HALF_UP).doubleValue());
    }

    private List<BiReport.Agent> agents(Connection c, String locationId, LocalDate from, LocalDate to) throws SQLException {
        Map<String, List<Integer>> samples = new TreeMap<>();
        Map<String, Integer> handoffs = new TreeMap<>();
        try (PreparedStatement ps = range(c, """
                SELECT agent_id, handoffs, agent_reply_samples_ms FROM bi_daily_agent
                WHERE location_id = ? AND day BETWEEN ? AND ?""", locationId, from, to);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                handoffs.merge(rs.getString(1), rs.getInt(2), Integer::sum);
                samples.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).addAll(ints(rs.getArray(3)));
            }
        }
        List<BiReport.Agent> out = new ArrayList<>();
        handoffs.forEach((agent, n) -> {
            List<Integer> s = samples.get(agent);
            s.sort(null);
            out.add(new BiReport.Agent(agent, n, s.size(), NearestRank.of(s, 50)));
        });
        return out;
    }

    private BiReport.Revenue revenue(Connection c, String locationId, LocalDate from, LocalDate to) throws SQLException {
        List<BiReport.Attribution> lines = new ArrayList<>();
        int won = 0;
        int lost = 0;
        BigDecimal wonValue = BigDecimal.ZERO;
        BigDecimal lostValue = BigDecimal.ZERO;
        try (PreparedStatement ps = range(c, """
                SELECT attribution, channel, sum(won_count), sum(won_value), sum(lost_count), sum(lost_value)
                FROM bi_daily_revenue WHERE location_id = ? AND day BETWEEN ? AND ?
                GROUP BY attribution, channel ORDER BY attribution, channel""", locationId, from, to);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                BigDecimal value = rs.getBigDecimal(4);
                lines.add(new BiReport.Attribution(rs.getString(1), rs.getString(2), rs.getInt(3), value,
                        commission(value), rs.getInt(5)));
                won += rs.getInt(3);
                wonValue = wonValue.add(value);
                lost += rs.getInt(5);
                lostValue = lostValue.add(rs.getBigDecimal(6));
            }
        }
        return new BiReport.Revenue(won, wonValue, lost, lostValue, commission(wonValue), lines);
    }

    private BiReport.Pipeline pipeline(Connection c, String locationId, LocalDate from, LocalDate to) throws SQLException {
        LocalDate asOf = null;
        int count = 0;
        BigDecimal value = BigDecimal.ZERO;
        // the latest day in the range with a snapshot, empty pipelines included
        try (PreparedStatement ps = range(c, """
                SELECT day, pipeline_open_count, pipeline_open_value FROM bi_daily_activity
                WHERE location_id = ? AND day BETWEEN ? AND ? AND pipeline_open_count IS NOT NULL
                ORDER BY day DESC LIMIT 1""", locationId, from, to);
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                asOf = rs.getObject(1, LocalDate.class);
                count = rs.getInt(2);
                value = rs.getBigDecimal(3);
            }
        }
        List<BiReport.Stage> stages = new ArrayList<>();
        if (asOf != null) {
            try (PreparedStatement ps = range(c, """
                    SELECT pipeline_stage_id, open_count, open_value FROM bi_daily_pipeline
                    WHERE location_id = ? AND day BETWEEN ? AND ? ORDER BY pipeline_stage_id""", locationId, asOf, asOf);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal v = rs.getBigDecimal(3);
                    stages.add(new BiReport.Stage(rs.getString(1), rs.getInt(2), v, commission(v)));
                }
            }
        }
        return new BiReport.Pipeline(asOf, count, value, commission(value), stages);
    }

    private ZoneId zoneOf(Connection c, String locationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT time_zone FROM locations WHERE location_id = ?")) {
            ps.setString(1, locationId);
            try (ResultSet rs = ps.executeQuery()) {
                return LocationZone.zoneOr(rs.next() ? rs.getString(1) : null, defaultZone);
            }
        }
    }

    /** A statement whose parameters are location, from, to. */
    private static PreparedStatement range(Connection c, String sql, String locationId, LocalDate from, LocalDate to)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setString(1, locationId);
        ps.setObject(2, from);
        ps.setObject(3, to);
        return ps;
    }

    private BigDecimal commission(BigDecimal value) {
        return value.multiply(commissionRate).setScale(2, RoundingMode.HALF_UP);
    }

    private static Double rate(int part, int whole) {
        return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    private static List<Integer> ints(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Integer[]) array.getArray());
    }
}
