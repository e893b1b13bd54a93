package com.jorge.platform.bi;

import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.storage.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attribution and commission to the cent on a seeded location whose every expected figure was worked out
 * by hand (the arithmetic is in the comments). Plan: 3 % commission, agents keep 70 % (agent-b 80 %) of
 * what is left after referral fees (zillow leads: 25 %), the team takes at most $5,000 per agent per year;
 * stage-offer is configured at 60 %, a stage's own win rate is learned after 2 decided deals; time decay
 * halves every 7 days.
 *
 * <pre>
 * deal op-1, lead A, agent-a, $412,345.67 (41,234,567 c), won 2026-03-15T15:00Z (D0 = 2026-02-22T15:00Z):
 *   0 source zillow/spring-open-house D0 | 1 channel sms D0 | 2 bot seller D0 | 3 bot seller D0+7d (a new
 *   bot conversation: more than 24 h after the last reply) | 4 agent agent-a D0+14d | 5 appointment cal-1 D0+14d
 * deal op-2, lead B, agent-b, $100,000.01 (10,000,001 c), won 2026-03-12T12:00Z (E0 = 2026-03-05T12:00Z):
 *   0 source unknown (no ContactCreate) E0 | 1 channel fb E0 | 2 bot buyer E0; an appointment after the win is no touch
 * deal op-3, lead C, agent-a, $500,000.00, won 2026-02-10: outside March, counts toward agent-a's cap
 * </pre>
 */
class BiMoneyTest extends BiStoreTest {

    static final String LOC = "loc-money";
    static final Instant D0 = Instant.parse("2026-02-22T15:00:00Z");
    static final Instant E0 = Instant.parse("2026-03-05T12:00:00Z");
    static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

    BiTestRig rig;

    @BeforeEach
    void setUp() {
        rig = new BiTestRig(store, Instant.parse("2026-03-10T12:00:00Z"), BiTestRig.env(
                "BI_COMMISSION_RATE", "0.03", "BI_AGENT_SPLIT", "0.7", "BI_AGENT_SPLITS", "agent-b=0.8",
                "BI_TEAM_CAP", "5000", "BI_REFERRAL_FEES", "zillow=0.25,partner=0.3",
                "BI_STAGE_PROBABILITIES", "stage-offer=0.6", "BI_DEFAULT_STAGE_PROBABILITY", "0.1",
                "BI_STAGE_LEARN_MIN_DEALS", "2", "BI_ATTRIBUTION_HALF_LIFE_DAYS", "7", "BI_LOOKBACK_DAYS", "90"));
        rig.location(LOC, "UTC");
    }

    private static Instant days(Instant t, int d) {
        return t.plus(Duration.ofDays(d));
    }

    /** Runs on 2026-03-10 with op-1, op-2 and op-g open in stage-qualified, then closes them and runs on 03-20. */
    void seed() {
        LeadRef a = rig.lead(LOC, "c-a", BotType.SELLER, D0);
        rig.contactCreated(a, "zillow", "spring-open-house", D0);
        String wh = rig.inbound(a, "SMS", D0);
        rig.botReply(a, wh, D0, D0, null);
        wh = rig.inbound(a, "SMS", days(D0, 7));
        rig.botReply(a, wh, days(D0, 7), days(D0, 7), null);
        rig.audit(a, AuditLog.Actor.HUMAN, "handoff_accepted", Map.of("agentId", "agent-a"), days(D0, 14));
        rig.appointment(a, "ap-a", days(D0, 14));
        rig.opportunity(a, "op-1", "stage-qualified", "open", "412345.67", "agent-a", days(D0, 7));

        LeadRef b = rig.lead(LOC, "c-b", BotType.BUYER, E0);
        wh = rig.inbound(b, "FB", E0);
        rig.botReply(b, wh, E0, E0, null);
        rig.opportunity(b, "op-2", "stage-qualified", "open", "100000.01", "agent-b", days(E0, 1));

        LeadRef c = rig.contact(LOC, "c-c");
        rig.contactCreated(c, "website", null, Instant.parse("2026-02-01T12:00:00Z"));
        rig.inbound(c, "SMS", Instant.parse("2026-02-01T12:00:00Z"));
        rig.opportunity(c, "op-3", "stage-closed", "won", "500000.00", "agent-a", Instant.parse("2026-02-10T12:00:00Z"));

        LeadRef g = rig.contact(LOC, "c-g");
        rig.opportunity(g, "op-g", "stage-qualified", "open", "90000.00", "agent-b", days(E0, 2));
        assertThat(rig.aggregator.run().failures()).isEmpty();

        rig.opportunity(b, "op-2", "stage-won", "won", "100000.01", "agent-b", Instant.parse("2026-03-12T12:00:00Z"));
        rig.appointment(b, "ap-b", Instant.parse("2026-03-13T12:00:00Z"));
        rig.opportunity(g, "op-g", "stage-qualified", "lost", "90000.00", "agent-b", Instant.parse("2026-03-14T12:00:00Z"));
        rig.opportunity(a, "op-1", "stage-won", "won", "412345.67", "agent-a", Instant.parse("2026-03-15T15:00:00Z"));
        rig.opportunity(rig.contact(LOC, "c-d"), "op-d", "stage-offer", "open", "199999.99", "agent-a", Instant.parse("2026-03-16T10:00:00Z"));
        rig.opportunity(rig.contact(LOC, "c-e"), "op-e", "stage-qualified", "open", "50000.25", "agent-b", Instant.parse("2026-03-16T10:00:00Z"));
        rig.opportunity(rig.contact(LOC, "c-f"), "op-f", "stage-new", "open", "80000.00", "agent-b", Instant.parse("2026-03-16T10:00:00Z"));
        rig.clock.advance(Duration.between(rig.clock.instant(), Instant.parse("2026-03-20T18:00:00Z")));
        assertThat(rig.aggregator.run().failures()).isEmpty();
    }

    @Test
    void eachModelSharesEveryWonDealToTheCentAmongItsTouches() {
        seed();
        BiReport report = rig.reports.report(LOC, MARCH_1, MARCH_31);
        assertThat(report.revenue().wonValue()).isEqualByComparingTo("512345.68");

        Map<String, Map<String, String>> byModel = new LinkedHashMap<>();
        for (BiReport.ModelAttribution m : report.attributionByModel()) {
            assertThat(m.wonDeals()).as(m.model()).isEqualTo(2);
            assertThat(m.wonValue()).as(m.model()).isEqualByComparingTo("512345.68");
            BigDecimal sum = m.credits().stream().map(BiReport.Credit::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as(m.model() + " reconciles").isEqualByComparingTo("512345.68");
            Map<String, String> credits = new LinkedHashMap<>();
            m.credits().forEach(cr -> credits.put(cr.kind() + ":" + cr.key() + (cr.campaign() == null ? "" : "/" + cr.campaign()),
                    cr.credit().toPlainString()));
            byModel.put(m.model(), credits);
        }
        assertThat(byModel.keySet()).containsExactly("first_touch", "last_touch", "linear", "position_based", "time_decay");
        assertThat(byModel.get("first_touch")).containsExactly(
                Map.entry("source:zillow/spring-open-house", "412345.67"), Map.entry("source:unknown", "100000.01"));
        assertThat(byModel.get("last_touch")).containsExactly(
                Map.entry("appointment:cal-1", "412345.67"), Map.entry("bot:buyer", "100000.01"));
        // op-1: 41,234,567 / 6 = 6,872,427.83: five cents left, equal remainders, the first five touches get one
        // op-2: 10,000,001 / 3 = 3,333,333.67: two cents left, to the first two
        assertThat(byModel.get("linear")).containsExactly(
                Map.entry("bot:seller", "137448.56"), Map.entry("agent:agent-a", "68724.28"),
                Map.entry("channel:sms", "68724.28"), Map.entry("source:zillow/spring-open-house", "68724.28"),
                Map.entry("appointment:cal-1", "68724.27"), Map.entry("channel:fb", "33333.34"),
                Map.entry("source:unknown", "33333.34"), Map.entry("bot:buyer", "33333.33"));
        // op-1 weights 8,1,1,1,1,8 of 20: 16,493,826.8 | 2,061,728.35 x4 | 16,493,826.8; three cents left:
        //   first, last (.8), then the earliest middle (.35) -> sms 2,061,729, seller 2 x 2,061,728
        // op-2 weights 2,1,2 of 5: 4,000,000.4 | 2,000,000.2 | 4,000,000.4; one cent left, to the first
        assertThat(byModel.get("position_based")).containsExactly(
                Map.entry("appointment:cal-1", "164938.27"), Map.entry("source:zillow/spring-open-house", "164938.27"),
                Map.entry("bot:seller", "41234.56"), Map.entry("source:unknown", "40000.01"),
                Map.entry("bot:buyer", "40000.00"), Map.entry("channel:sms", "20617.29"),
                Map.entry("agent:agent-a", "20617.28"), Map.entry("channel:fb", "20000.00"));
        // op-1 ages from the newest touch 14,14,14,7,0,0 days -> weights 1/4,1/4,1/4,1/2,1,1 (sum 13/4):
        //   V/13 = 3,171,889.77 x3, 2V/13 = 6,343,779.54, 4V/13 = 12,687,559.08 x2; three cents left to the .77s
        // op-2: all three touches the same age: as linear
        assertThat(byModel.get("time_decay")).containsExactly(
                Map.entry("agent:agent-a", "126875.59"), Map.entry("appointment:cal-1", "126875.59"),
                Map.entry("bot:seller", "95156.69"), Map.entry("channel:fb", "33333.34"),
                Map.entry("source:unknown", "33333.34"), Map.entry("bot:buyer", "33333.33"),
                Map.entry("channel:sms", "31718.90"), Map.entry("source:zillow/spring-open-house", "31718.90"));
    }

    @Test
    void realisedCommissionAppliesReferralSplitsAndTheYearsCap() {
        seed();
        BiReport.Realised realised = rig.reports.report(LOC, MARCH_1, MARCH_31).commission().realised();
        // op-3 (February, agent-a): gross 1,500,000 c, team 30 % = 450,000 c of the 500,000 c cap
        // op-1 (agent-a, zillow): gross 41,234,567 x 0.03 = 1,237,037.01 -> 1,237,037; referral 25 % =
        //   309,259.25 -> 309,259; net 927,778; team 30 % = 278,333 but only 50,000 of the cap is left:
        //   team 50,000, agent 877,778
        // op-2 (agent-b, no referral): gross 10,000,001 x 0.03 = 300,000.03 -> 300,000; agent 80 % 240,000, team 60,000
        assertThat(realised.deals()).isEqualTo(2);
        assertThat(realised.gross()).isEqualByComparingTo("15370.37");
        assertThat(realised.referralFees()).isEqualByComparingTo("3092.59");
        assertThat(realised.agentShare()).isEqualByComparingTo("11177.78");
        assertThat(realised.teamShare()).isEqualByComparingTo("1100.00");
        assertThat(realised.referralFees().add(realised.agentShare()).add(realised.teamShare()))
                .isEqualByComparingTo(realised.gross());
        assertThat(realised.agents()).containsExactly(
                new BiReport.AgentCommission("agent-a", 1, new BigDecimal("12370.37"), new BigDecimal("3092.59"),
                        new BigDecimal("8777.78"), new BigDecimal("500.00"), true),
                new BiReport.AgentCommission("agent-b", 1, new BigDecimal("3000.00"), new BigDecimal("0.00"),
                        new BigDecimal("2400.00"), new BigDecimal("600.00"), false));

        // February alone: op-3, under the cap
        BiReport.Realised february = rig.reports.report(LOC, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28))
                .commission().realised();
        assertThat(february.teamShare()).isEqualByComparingTo("4500.00");
        assertThat(february.agentShare()).isEqualByComparingTo("10500.00");
    }

    @Test
    void theOpenPipelineIsProjectedWithConfiguredLearnedAndDefaultStageProbabilities() {
        seed();
        BiReport.Projected projected = rig.reports.report(LOC, MARCH_1, MARCH_31).commission().projected();
        assertThat(projected.asOf()).isEqualTo(LocalDate.of(2026, 3, 20));
        // stage-new: default 10 %: 8,000,000 c x 0.03 x 0.1 = 24,000
        // stage-offer: configured 60 %: 19,999,999 x 0.03 x 0.6 = 359,999.98 -> 360,000
        // stage-qualified: seen with op-1, op-2 (won) and op-g (lost): learned 2/3;
        //   5,000,025 x 0.03 x 2/3 = 100,000.5 -> 100,001
        assertThat(projected.stages()).containsExactly(
                new BiReport.StageProjection("stage-new", 1, new BigDecimal("80000.00"), new BigDecimal("0.1"),
                        "default", 0, 0, new BigDecimal("240.00")),
                new BiReport.StageProjection("stage-offer", 1, new BigDecimal("199999.99"), new BigDecimal("0.6"),
                        "configured", 0, 0, new BigDecimal("3600.00")),
                new BiReport.StageProjection("stage-qualified", 1, new BigDecimal("50000.25"), new BigDecimal("0.6667"),
                        "learned", 3, 2, new BigDecimal("1000.01")));
        assertThat(projected.commission()).isEqualByComparingTo("4840.01");
    }

    @Test
    void attributionFollowsTheDealAndARerunRewritesNothing() {
        seed();
        List<Map<String, String>> before = rig.query(
                "SELECT xmin::text AS version, * FROM bi_deal_touches WHERE location_id = ? ORDER BY 2, 3, 4, 5", LOC);
        assertThat(before).hasSize(5 * (6 + 3 + 2)); // five models x the touches of op-1, op-2 and op-3
        rig.clock.advance(Duration.ofMinutes(5));
        rig.aggregator.run();
        assertThat(rig.query("SELECT xmin::text AS version, * FROM bi_deal_touches WHERE location_id = ? ORDER BY 2, 3, 4, 5", LOC))
                .isEqualTo(before);

        // op-2 reopened: its credits go; op-1's stay
        rig.opportunity(rig.contact(LOC, "c-b"), "op-2", "stage-won", "open", "100000.01", "agent-b",
                rig.clock.instant().minusSeconds(60));
        rig.aggregator.run();
        assertThat(rig.query("SELECT DISTINCT opportunity_id FROM bi_deal_touches WHERE location_id = ?", LOC))
                .containsExactlyInAnyOrder(Map.of("opportunity_id", "op-1"), Map.of("opportunity_id", "op-3"));
    }
}
