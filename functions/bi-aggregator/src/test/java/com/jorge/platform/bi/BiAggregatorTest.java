package com.jorge.platform.bi;

import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.storage.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregator against the real PostgreSQL. One busy day of a Chicago office is seeded through the
 * platform's repositories; every expected figure below is derived from the seeded facts.
 */
class BiAggregatorTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final LocalDate DAY = LocalDate.of(2026, 5, 20);
    static final LocalDate YESTERDAY = DAY.minusDays(1);
    static final String LOC = "loc-chicago";
    static final BigDecimal RATE = new BigDecimal("0.03");

    static BiTestRig.Store store;
    BiTestRig rig;

    /** The bot's response gaps seeded on DAY, in the order the leads wrote. */
    final List<Integer> responseGapsMs = new ArrayList<>();

    @BeforeAll
    static void migrate() {
        store = BiTestRig.Store.create();
    }

    @AfterAll
    static void drop() {
        store.close();
    }

    @BeforeEach
    void setUp() {
        rig = new BiTestRig(store, at(DAY, "12:00"), BiTestRig.env("BI_COMMISSION_RATE", RATE.toPlainString()));
        rig.location(LOC, "America/Chicago");
    }

    static Instant at(LocalDate day, String localTime) {
        return day.atTime(LocalTime.parse(localTime)).atZone(CHICAGO).toInstant();
    }

    private void inboundAnswered(LeadRef lead, String channel, Instant when, int gapMs) {
        String wh = rig.inbound(lead, channel, when);
        rig.botReply(lead, wh, when, when.plusMillis(gapMs), null);
        responseGapsMs.add(gapMs);
    }

    /**
     * DAY (local): L1 seller/SMS qualified, hot, handed off, agent answers in 15 min, books a showing;
     * L2 buyer/SMS warm, answers a follow-up; L3 buyer/FB reply held by quiet hours, ignores a follow-up,
     * a human takes over; L7 seller/SMS opts out. YESTERDAY: L4 seller/SMS hot and handed off, no agent
     * reply yet; its deal is won on DAY. L5 is worked by hand only: one deal won, one lost, on DAY.
     */
    void seedBusyDay() {
        LeadRef l1 = rig.lead(LOC, "c-1", BotType.SELLER, at(DAY, "09:00"));
        inboundAnswered(l1, "SMS", at(DAY, "09:00"), 850);
        rig.botTurn(l1, "qualifying", "WARM", at(DAY, "09:00"));
        inboundAnswered(l1, "SMS", at(DAY, "09:10"), 1200);
        rig.botTurn(l1, "handed_off", "HOT", at(DAY, "09:10"));
        rig.handOff(l1, at(DAY, "09:10"));
        rig.humanMessage(l1, at(DAY, "09:25"));
        rig.opportunity(l1, "opp-1", "stage-hot", "open", "400000", "agent-7", at(DAY, "09:10"));
        rig.appointment(l1, "appt-1", at(DAY, "09:30"));

        LeadRef l2 = rig.lead(LOC, "c-2", BotType.BUYER, at(DAY, "10:00"));
        inboundAnswered(l2, "SMS", at(DAY, "10:00"), 2000);
        rig.botTurn(l2, "qualifying", "WARM", at(DAY, "10:00"));
        rig.audit(l2, AuditLog.Actor.BOT, "follow_up", Map.of("stage", "qualifying"), at(DAY, "11:00"));
        inboundAnswered(l2, "SMS", at(DAY, "11:30"), 700);

        LeadRef l3 = rig.lead(LOC, "c-3", BotType.BUYER, at(DAY, "06:00"));
        String held = rig.inbound(l3, "FB", at(DAY, "06:00"));
        rig.botReply(l3, held, at(DAY, "06:00"), at(DAY, "08:00"), at(DAY, "08:00"));
        rig.botTurn(l3, "qualifying", "COLD", at(DAY, "06:00"));
        rig.audit(l3, AuditLog.Actor.BOT, "follow_up", Map.of("stage", "qualifying"), at(DAY, "10:30"));
        rig.humanMessage(l3, at(DAY, "11:10"));
        rig.audit(l3, AuditLog.Actor.HUMAN, "bot_paused", Map.of("until", "later"), at(DAY, "11:10"));

        LeadRef l7 = rig.lead(LOC, "c-7", BotType.SELLER, at(DAY, "11:00"));
        rig.inbound(l7, "SMS", at(DAY, "11:00"));
        rig.botTurn(l7, "opted_out", "COLD", at(DAY, "11:00"));

        LeadRef l4 = rig.lead(LOC, "c-4", BotType.SELLER, at(YESTERDAY, "10:00"));
        String wh4 = rig.inbound(l4, "SMS", at(YESTERDAY, "10:00"));
        rig.botReply(l4, wh4, at(YESTERDAY, "10:00"), at(YESTERDAY, "10:00").plusMillis(900), null);
        rig.botTurn(l4, "handed_off", "HOT", at(YESTERDAY, "10:00"));
        rig.handOff(l4, at(YESTERDAY, "10:00"));
        rig.opportunity(l4, "opp-4", "stage-hot", "won", "300000", "agent-7", at(DAY, "10:45"));

        LeadRef l5 = rig.contact(LOC, "c-5");
        rig.opportunity(l5, "opp-5", "stage-contract", "won", "200000", null, at(DAY, "11:00"));
        rig.opportunity(l5, "opp-6", "stage-contract", "lost", "50000", null, at(DAY, "11:05"));
    }

    @Test
    void rollsUpEachDayFromTheSeededFacts() {
        seedBusyDay();
        RunSummary summary = rig.aggregator.run();
        assertThat(summary.daysFailed()).isZero();
        assertThat(summary.daysPending()).isZero();
        assertThat(summary.leadsRefreshed()).isEqualTo(6); // c-1, c-2, c-3, c-4, c-5, c-7

        // funnel, by bot and first channel
        assertThat(rig.funnel(LOC, DAY, "seller", "sms")).containsAllEntriesOf(Map.of("new_leads", "2",
                "leads_answered", "1", "qualified", "1", "hot", "1", "handed_off", "1", "appointments_booked", "1",
                "opted_out", "1"));
        assertThat(rig.funnel(LOC, DAY, "buyer", "sms")).containsAllEntriesOf(Map.of("new_leads", "1",
                "leads_answered", "1", "qualified", "1", "hot", "0", "handed_off", "0"));
        assertThat(rig.funnel(LOC, DAY, "buyer", "fb")).containsAllEntriesOf(Map.of("new_leads", "1",
                "leads_answered", "1", "qualified", "0"));
        assertThat(rig.funnel(LOC, YESTERDAY, "seller", "sms")).containsAllEntriesOf(Map.of("new_leads", "1",
                "leads_answered", "1", "qualified", "1", "hot", "1", "handed_off", "1"));
        assertThat(rig.rows("bi_daily_funnel", LOC)).hasSize(4);

        // bot and agent activity
        List<Integer> sorted = responseGapsMs.stream().sorted().toList();
        Map<String, String> day = rig.activity(LOC, DAY);
        assertThat(day).containsAllEntriesOf(Map.of(
                "inbound_messages", "6",          // L1 x2, L2 x2, L3, L7
                "bot_replies_sent", "5",          // four answered at once, L3's sent when quiet hours ended
                "replies_held", "1",
                "follow_ups_sent", "2", "follow_ups_answered", "1",
                "human_takeovers", "1", "handoffs", "1", "handoffs_awaiting_agent", "0"));
        assertThat(day.get("response_samples_ms")).isEqualTo(pgArray(sorted));
        assertThat(day.get("response_p50_ms")).isEqualTo(String.valueOf(nearestRank(sorted, 50)));
        assertThat(day.get("response_p95_ms")).isEqualTo(String.valueOf(nearestRank(sorted, 95)));
        long agentGap = Duration.between(at(DAY, "09:10"), at(DAY, "09:25")).toMillis();
        assertThat(day.get("agent_reply_samples_ms")).isEqualTo("{" + agentGap + "}");
        assertThat(rig.activity(LOC, YESTERDAY)).containsAllEntriesOf(Map.of("inbound_messages", "1",
                "response_samples_ms", "{900}", "handoffs", "1", "handoffs_awaiting_agent", "1",
                "agent_reply_samples_ms", "{}"));
        assertThat(rig.rows("bi_daily_agent", LOC)).extracting(r -> r.get("day") + " " + r.get("agent_id") + " "
                + r.get("handoffs") + " " + r.get("agent_reply_samples_ms"))
                .containsExactly(YESTERDAY + " agent-7 1 {}", DAY + " agent-7 1 {" + agentGap + "}");

        // revenue by what the bot did before the deal was decided
        assertThat(rig.rows("bi_daily_revenue", LOC)).extracting(r -> r.get("day") + " " + r.get("attribution") + " "
                + r.get("channel") + " " + r.get("won_count") + " " + r.get("won_value") + " " + r.get("lost_count")
                + " " + r.get("lost_value"))
                .containsExactly(DAY + " bot_qualified sms 1 300000.00 0 0.00",
                        DAY + " human_only unknown 1 200000.00 1 50000.00");

        // open pipeline snapshot, today only
        assertThat(rig.rows("bi_daily_pipeline", LOC)).extracting(r -> r.get("day") + " " + r.get("pipeline_stage_id")
                + " " + r.get("open_count") + " " + r.get("open_value"))
                .containsExactly(DAY + " stage-hot 1 400000.00");
    }

    @Test
    void reportTotalsTheRangeWithExactPercentilesAndCommission() {
        seedBusyDay();
        rig.aggregator.run();
        BiReport report = rig.reports.report(LOC, YESTERDAY, DAY);

        assertThat(report.zone()).isEqualTo("America/Chicago");
        assertThat(report.funnel().newLeads()).isEqualTo(5);      // L1, L2, L3, L7 today, L4 yesterday
        assertThat(report.funnel().leadsAnswered()).isEqualTo(4); // all but L7, who opted out
        assertThat(report.funnel().qualified()).isEqualTo(3);
        assertThat(report.funnel().hot()).isEqualTo(2);
        assertThat(report.funnel().handedOff()).isEqualTo(2);
        assertThat(report.funnel().dealsWon()).isEqualTo(2);
        assertThat(report.funnel().qualifiedRate()).isEqualTo(0.6);

        List<Integer> all = new ArrayList<>(responseGapsMs);
        all.add(900); // L4, yesterday
        all.sort(null);
        assertThat(report.bots().responsesMeasured()).isEqualTo(all.size());
        assertThat(report.bots().responseP50Ms()).isEqualTo(nearestRank(all, 50));
        assertThat(report.bots().responseP95Ms()).isEqualTo(nearestRank(all, 95));
        assertThat(report.bots().followUpAnswerRate()).isEqualTo(0.5);

        BigDecimal won = new BigDecimal("300000").add(new BigDecimal("200000"));
        assertThat(report.revenue().wonValue()).isEqualByComparingTo(won);
        assertThat(report.revenue().commissionEarned()).isEqualByComparingTo(won.multiply(RATE));
        assertThat(report.revenue().lostCount()).isEqualTo(1);
        assertThat(report.pipeline().asOf()).isEqualTo(DAY);
        assertThat(report.pipeline().commissionPipeline()).isEqualByComparingTo(new BigDecimal("400000").multiply(RATE));
        assertThat(report.agents().handoffs()).isEqualTo(2);
        assertThat(report.agents().awaitingAgent()).isEqualTo(1);
        assertThat(report.agents().agents()).containsExactly(new BiReport.Agent("agent-7", 2, 1,
                (int) Duration.ofMinutes(15).toMillis()));

        String json = report.toJson();
        assertThat(json).contains("\"locationId\" : \"loc-chicago\"", "\"from\" : \"2026-05-19\"",
                "\"commissionEarned\" : 15000.00", "\"bot_qualified\"");
    }

    @Test
    void aRerunWithNoNewDataRewritesNothing() {
        seedBusyDay();
        rig.aggregator.run();
        List<Map<String, String>> before = snapshotWithRowVersions();
        rig.clock.advance(Duration.ofMinutes(5));
        RunSummary again = rig.aggregator.run();
        assertThat(again.daysRecomputed()).isEqualTo(2); // today and yesterday are always recomputed
        assertThat(snapshotWithRowVersions()).isEqualTo(before); // same values, and not even a new row version
    }

    @Test
    void lateDataUpdatesTheDayItBelongsTo() {
        seedBusyDay();
        LeadRef l8 = rig.lead(LOC, "c-8", BotType.SELLER, at(DAY.minusDays(3), "09:00"));
        String wh = rig.inbound(l8, "SMS", at(DAY.minusDays(3), "09:00"));
        rig.botReply(l8, wh, at(DAY.minusDays(3), "09:00"), at(DAY.minusDays(3), "09:00").plusMillis(500), null);
        rig.audit(l8, AuditLog.Actor.BOT, "follow_up", Map.of("stage", "qualifying"), at(DAY.minusDays(3), "15:00"));
        rig.aggregator.run();
        Map<String, String> threeDaysAgo = rig.activity(LOC, DAY.minusDays(3));
        assertThat(threeDaysAgo).containsEntry("follow_ups_answered", "0").containsEntry("follow_ups_sent", "1");

        // an hour later the lead answers that follow-up and turns out to be a buyer
        rig.clock.advance(Duration.ofHours(1));
        inboundAnswered(l8, "SMS", rig.clock.instant().minusSeconds(60), 400);
        rig.switchBot(l8, BotType.BUYER, rig.clock.instant().minusSeconds(60));
        rig.clock.advance(Duration.ofMinutes(5));
        rig.aggregator.run();

        Map<String, String> updated = rig.activity(LOC, DAY.minusDays(3));
        assertThat(updated).containsEntry("follow_ups_answered", "1");
        assertThat(updated).containsEntry("inbound_messages", threeDaysAgo.get("inbound_messages"));
        // the lead's first day moves from the seller row to the buyer row, and the seller row goes
        assertThat(rig.funnel(LOC, DAY.minusDays(3), "seller", "sms")).isNull();
        assertThat(rig.funnel(LOC, DAY.minusDays(3), "buyer", "sms")).containsEntry("new_leads", "1");
        assertThat(rig.activity(LOC, DAY)).containsEntry("inbound_messages", "7");
    }

    @Test
    void aPipelineThatEmptiesIsReportedEmptyNotAsYesterdaysSnapshot() {
        seedBusyDay();
        rig.aggregator.run();
        rig.clock.advance(Duration.ofDays(1));
        rig.opportunity(new LeadRef(LOC, "c-1"), "opp-1", "stage-hot", "won", null, null, rig.clock.instant().minusSeconds(30));
        rig.aggregator.run();

        BiReport report = rig.reports.report(LOC, DAY, DAY.plusDays(1));
        assertThat(report.pipeline().asOf()).isEqualTo(DAY.plusDays(1));
        assertThat(report.pipeline().openCount()).isZero();
        assertThat(report.pipeline().stages()).isEmpty();
        assertThat(rig.reports.report(LOC, DAY, DAY).pipeline().openValue()).isEqualByComparingTo("400000");
        // the win, dated the next day, keeps the value GHL gave the deal before
        assertThat(report.revenue().wonValue()).isEqualByComparingTo(new BigDecimal("300000").add(new BigDecimal("200000"))
                .add(new BigDecimal("400000")));
    }

    @Test
    void daysEndAtMidnightInTheLocationsZone() {
        rig.location("loc-default", null); // no zone: BI_DEFAULT_ZONE, here the default America/Chicago
        LeadRef late = rig.lead(LOC, "c-late", BotType.SELLER, at(YESTERDAY, "23:59:59"));
        rig.inbound(late, "SMS", at(YESTERDAY, "23:59:59"));   // 04:59:59 UTC on DAY
        LeadRef early = rig.lead(LOC, "c-early", BotType.SELLER, at(DAY, "00:00:01"));
        rig.inbound(early, "SMS", at(DAY, "00:00:01"));
        LeadRef other = rig.lead("loc-default", "c-x", BotType.BUYER, at(YESTERDAY, "23:30"));
        rig.inbound(other, "SMS", at(YESTERDAY, "23:30"));
        rig.aggregator.run();

        assertThat(rig.funnel(LOC, YESTERDAY, "seller", "sms")).containsEntry("new_leads", "1");
        assertThat(rig.funnel(LOC, DAY, "seller", "sms")).containsEntry("new_leads", "1");
        assertThat(rig.funnel("loc-default", YESTERDAY, "buyer", "sms")).containsEntry("new_leads", "1");
        // in UTC both of LOC's leads would be on DAY: the zone, not UTC, decides
        assertThat(at(YESTERDAY, "23:59:59").atZone(ZoneId.of("UTC")).toLocalDate()).isEqualTo(DAY);
    }

    @Test
    void anEmptyLocationGetsZeroDaysAndAnEmptyReport() {
        RunSummary summary = rig.aggregator.run();
        assertThat(summary.daysRecomputed()).isEqualTo(2);
        assertThat(rig.rows("bi_daily_funnel", LOC)).isEmpty();
        assertThat(rig.activity(LOC, DAY)).containsAllEntriesOf(Map.of("inbound_messages", "0",
                "response_samples_ms", "{}", "handoffs", "0"));
        assertThat(rig.activity(LOC, DAY).get("response_p50_ms")).isNull();
        BiReport report = rig.reports.report(LOC, YESTERDAY, DAY);
        assertThat(report.funnel().newLeads()).isZero();
        assertThat(report.funnel().qualifiedRate()).isNull();
        assertThat(report.bots().responseP95Ms()).isNull();
        assertThat(report.revenue().wonValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(report.pipeline().asOf()).isEqualTo(DAY); // an empty pipeline is a snapshot too
        assertThat(report.pipeline().openCount()).isZero();
        assertThat(report.pipeline().stages()).isEmpty();
    }

    @Test
    void aDayWhoseTransactionFailsKeepsItsPreviousRowsAndIsRetried() throws Exception {
        seedBusyDay();
        rig.aggregator.run();
        List<Map<String, String>> before = rig.rows("bi_daily_funnel", LOC);

        LeadRef l9 = rig.lead(LOC, "c-9", BotType.SELLER, at(DAY, "11:50"));
        inboundAnswered(l9, "SMS", at(DAY, "11:50"), 300);
        rig.clock.advance(Duration.ofMinutes(5));
        BiAggregator impatient = new BiAggregator(rig.database.dataSource(),
                rig.aggregator.settings().withLockTimeout(Duration.ofMillis(200)), rig.metrics, rig.clock);
        try (Connection blocker = rig.connect(); Statement st = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            // the agent table is written last in a day's transaction: the funnel rows are already written
            st.execute("LOCK TABLE bi_daily_agent IN ACCESS EXCLUSIVE MODE");
            RunSummary failed = impatient.run();
            assertThat(failed.daysFailed()).isEqualTo(2);
            assertThat(failed.failures()).allMatch(f -> f.contains("lock"));
            blocker.rollback();
        }
        assertThat(rig.rows("bi_daily_funnel", LOC)).isEqualTo(before);
        assertThat(rig.query("SELECT day FROM bi_dirty_days WHERE location_id = ? ORDER BY day", LOC))
                .extracting(r -> r.get("day")).containsExactly(YESTERDAY.toString(), DAY.toString());

        RunSummary retried = impatient.run();
        assertThat(retried.daysFailed()).isZero();
        assertThat(rig.funnel(LOC, DAY, "seller", "sms")).containsEntry("new_leads", "3");
    }

    @Test
    void aLocationWhoseCaptureFailsIsRetriedWhileTheOthersGoOn() throws Exception {
        seedBusyDay();
        rig.location("loc-quiet", "America/New_York");
        BiAggregator impatient = new BiAggregator(rig.database.dataSource(),
                rig.aggregator.settings().withLockTimeout(Duration.ofMillis(200)), rig.metrics, rig.clock);
        try (Connection blocker = rig.connect(); Statement st = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            st.execute("LOCK TABLE bi_lead_milestones IN EXCLUSIVE MODE"); // readers pass, writers wait
            RunSummary failed = impatient.run();
            assertThat(failed.failures()).singleElement().asString().startsWith(LOC + "/capture: ");
            blocker.rollback();
        }
        assertThat(rig.rows("bi_daily_activity", "loc-quiet")).hasSize(2);
        assertThat(rig.rows("bi_daily_activity", LOC)).isEmpty();
        assertThat(rig.query("SELECT * FROM bi_watermarks WHERE location_id = ?", LOC)).isEmpty();

        RunSummary retried = impatient.run();
        assertThat(retried.failures()).isEmpty();
        assertThat(rig.funnel(LOC, DAY, "seller", "sms")).containsEntry("new_leads", "2");
    }

    @Test
    void aBackfillRebuildsTheSameRowsFromScratch() {
        seedBusyDay();
        rig.aggregator.run();
        List<Map<String, String>> funnel = rig.rows("bi_daily_funnel", LOC);
        List<Map<String, String>> revenue = rig.rows("bi_daily_revenue", LOC);
        rig.sql("DELETE FROM bi_daily_funnel");
        rig.sql("DELETE FROM bi_daily_revenue");
        rig.sql("DELETE FROM bi_lead_milestones");

        RunSummary backfill = rig.aggregator.backfill(LOC, YESTERDAY.minusDays(1), DAY, Duration.ofMinutes(1));
        assertThat(backfill.daysRecomputed()).isEqualTo(3);
        assertThat(rig.rows("bi_daily_funnel", LOC)).isEqualTo(funnel);
        assertThat(rig.rows("bi_daily_revenue", LOC)).isEqualTo(revenue);
    }

    @Test
    void aRunOutOfTimeLeavesTheRestQueuedForTheNext() {
        seedBusyDay();
        // a clock that moves a second every time the aggregator looks at it: the budget runs out mid-queue
        Clock ticking = new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() {
                rig.clock.advance(Duration.ofSeconds(1));
                return rig.clock.instant();
            }
        };
        BiAggregator hurried = new BiAggregator(rig.database.dataSource(), rig.aggregator.settings(), rig.metrics, ticking);
        RunSummary cut = hurried.backfill(LOC, DAY.minusDays(9), DAY, Duration.ofSeconds(5));
        assertThat(cut.daysRecomputed()).isPositive();
        assertThat(cut.daysPending()).isPositive();
        assertThat(cut.daysRecomputed() + cut.daysPending()).isEqualTo(10);
        assertThat(rig.query("SELECT count(*) AS n FROM bi_dirty_days").getFirst().get("n"))
                .isEqualTo(String.valueOf(cut.daysPending()));

        RunSummary next = rig.aggregator.run();
        assertThat(next.daysPending()).isZero();
        // the backfill did newest first: what waits is older, and every run also redoes today and yesterday
        assertThat(next.daysRecomputed()).isEqualTo(cut.daysPending() + 2);
        assertThat(rig.rows("bi_daily_activity", LOC)).hasSize(10);
        assertThat(rig.funnel(LOC, DAY, "seller", "sms")).containsEntry("new_leads", "2");
    }

    private List<Map<String, String>> snapshotWithRowVersions() {
        List<Map<String, String>> out = new ArrayList<>();
        for (String table : List.of("bi_daily_funnel", "bi_daily_activity", "bi_daily_agent", "bi_daily_revenue",
                "bi_daily_pipeline", "bi_lead_milestones", "bi_deal_outcomes", "bi_deal_touches", "bi_opportunity_stages")) {
            out.addAll(rig.query("SELECT '" + table + "' AS t, xmin::text AS version, x.* FROM " + table
                    + " x WHERE location_id = ? ORDER BY 3, 4, 5", LOC));
        }
        return out;
    }

    static String pgArray(List<Integer> values) {
        return "{" + String.join(",", values.stream().map(String::valueOf).toList()) + "}";
    }

    /** Nearest rank, written out again here so the test does not trust the code under test. */
    static int nearestRank(List<Integer> sorted, int p) {
        int rank = (int) Math.ceil(p * sorted.size() / 100.0);
        return sorted.get(rank - 1);
    }
}
