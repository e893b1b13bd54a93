package com.jorge.platform.bi.commission;

import com.jorge.platform.bi.BiReport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.jorge.platform.bi.commission.CommissionLedger.cents;
import static com.jorge.platform.bi.commission.CommissionLedger.money;

/**
 * Realised commission of the deals won in a range (the ledger runs from the first of January so the team
 * cap sees the whole year) and the projected commission of a pipeline snapshot. A deal's agent is whom
 * its opportunity is assigned to now, its lead source the source touch of its attribution.
 */
public final class CommissionReader {

    private final CommissionRules rules;

    public CommissionReader(CommissionRules rules) {
        this.rules = rules;
    }

    public BiReport.Commission read(Connection c, String locationId, ZoneId zone, Instant start, Instant end,
                                    BiReport.Pipeline pipeline) throws SQLException {
        return new BiReport.Commission(rules.rate(), realised(c, locationId, zone, start, end),
                projected(c, locationId, pipeline));
    }

    private BiReport.Realised realised(Connection c, String locationId, ZoneId zone, Instant start, Instant end)
            throws SQLException {
        Instant yearStart = start.atZone(zone).toLocalDate().withDayOfYear(1).atStartOfDay(zone).toInstant();
        List<CommissionLedger.WonDeal> deals = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT d.opportunity_id, COALESCE(o.assigned_to, 'unassigned'),
                       (SELECT t.touch_key FROM bi_deal_touches t WHERE t.location_id = d.location_id
                          AND t.opportunity_id = d.opportunity_id AND t.model = 'first_touch' AND t.touch_kind = 'source'
                        ORDER BY t.touch_index LIMIT 1),
                       d.monetary_value, d.decided_at
                FROM bi_deal_outcomes d
                LEFT JOIN opportunities o ON o.location_id = d.location_id AND o.opportunity_id = d.opportunity_id
                WHERE d.location_id = ? AND d.status = 'won' AND d.decided_at >= ? AND d.decided_at < ?
                ORDER BY d.decided_at, d.opportunity_id""")) {
            ps.setString(1, locationId);
            ps.setObject(2, yearStart.atOffset(ZoneOffset.UTC));
            ps.setObject(3, end.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    deals.add(new CommissionLedger.WonDeal(rs.getString(1), rs.getString(2), rs.getString(3),
                            cents(rs.getBigDecimal(4)), rs.getObject(5, OffsetDateTime.class).toInstant()));
                }
            }
        }
        Map<String, long[]> byAgent = new TreeMap<>();
        Map<String, Boolean> capped = new HashMap<>();
        long[] total = new long[5];
        for (CommissionLedger.Line line : new CommissionLedger(rules, zone).lines(deals)) {
            if (line.deal().decidedAt().isBefore(start)) continue; // earlier this year: counted toward the cap only
            long[] sums = {1, line.grossCents(), line.referralCents(), line.agentCents(), line.teamCents()};
            long[] agent = byAgent.computeIfAbsent(line.deal().agentId(), k -> new long[5]);
            for (int i = 0; i < 5; i++) {
                agent[i] += sums[i];
                total[i] += sums[i];
            }
            capped.merge(line.deal().agentId(), line.capReached(), Boolean::logicalOr);
        }
        List<BiReport.AgentCommission> agents = new ArrayList<>();
        byAgent.forEach((agent, s) -> agents.add(new BiReport.AgentCommission(agent, (int) s[0], money(s[1]),
                money(s[2]), money(s[3]), money(s[4]), capped.get(agent))));
        return new BiReport.Realised((int) total[0], money(total[1]), money(total[2]), money(total[3]),
                money(total[4]), agents);
    }

    private BiReport.Projected projected(Connection c, String locationId, BiReport.Pipeline pipeline) throws SQLException {
        Map<String, int[]> seen = stageHistory(c, locationId);
        List<BiReport.StageProjection> stages = new ArrayList<>();
        long totalCents = 0;
        for (BiReport.Stage stage : pipeline.stages()) {
            int[] decidedWon = seen.getOrDefault(stage.pipelineStageId(), new int[2]);
            BigDecimal valueTimesRate = stage.openValue().movePointRight(2).multiply(rules.rate());
            BigDecimal probability;
            String source;
            long projected;
            if (decidedWon[0] >= rules.learnMinDeals()) {
                source = "learned";
                probability = BigDecimal.valueOf(decidedWon[1]).divide(BigDecimal.valueOf(decidedWon[0]), 4, RoundingMode.HALF_UP);
                // the exact ratio, not the rounded probability shown
                projected = valueTimesRate.multiply(BigDecimal.valueOf(decidedWon[1]))
                        .divide(BigDecimal.valueOf(decidedWon[0]), 0, RoundingMode.HALF_UP).longValueExact();
            } else {
                BigDecimal configured = rules.stageProbabilities().get(stage.pipelineStageId());
                source = configured != null ? "configured" : "default";
                probability = configured != null ? configured : rules.defaultStageProbability();
                projected = valueTimesRate.multiply(probability).setScale(0, RoundingMode.HALF_UP).longValueExact();
            }
            totalCents += projected;
            stages.add(new BiReport.StageProjection(stage.pipelineStageId(), stage.openCount(), stage.openValue(),
                    probability, source, decidedWon[0], decidedWon[1], money(projected)));
        }
        return new BiReport.Projected(pipeline.asOf(), money(totalCents), stages);
    }

    /** Per stage: decided deals the aggregator saw in it, and how many of them were won. */
    private static Map<String, int[]> stageHistory(Connection c, String locationId) throws SQLException {
        Map<String, int[]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.pipeline_stage_id, count(*), count(*) FILTER (WHERE d.status = 'won')
                FROM bi_opportunity_stages s
                JOIN bi_deal_outcomes d ON d.location_id = s.location_id AND d.opportunity_id = s.opportunity_id
                WHERE s.location_id = ? GROUP BY s.pipeline_stage_id""")) {
            ps.setString(1, locationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
            }
        }
        return out;
    }
}
