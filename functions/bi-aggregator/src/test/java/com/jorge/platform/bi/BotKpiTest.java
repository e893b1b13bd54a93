package com.jorge.platform.bi;

import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.storage.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bot KPIs, cost and ROI on one seeded day whose figures were worked out by hand (comments below). Prices:
 * 1 cent per SMS segment, $3 / $15 per million LLM input / output tokens; commission 3 %.
 *
 * <pre>
 * 2026-04-10 (UTC)
 * L1 seller: texts 09:00 (bot answers 1 s later, WARM, 120,000 / 8,000 tokens) and 09:05 (2 s, HOT,
 *    150,000 / 10,000); hand-off 09:06, agent-a accepts 09:10 (240,000 ms); appointment 09:08 before
 *    any human message (bot-booked); an agent writes 09:20; deal won 15:00, $30,000.00
 * L2 buyer: texts 10:00, 161 GSM characters (2 segments); the bot answers 3 s later with 71 UTF-16 units
 *    (an emoji: UCS-2, 2 segments), COLD, 90,000 / 6,000 tokens; texts STOP 10:30 and opts out
 * L3 by hand: texts 12:00, an agent writes 12:10, appointment 12:30 (not the bot's)
 * </pre>
 */
class BotKpiTest extends BiStoreTest {

    static final String LOC = "loc-kpi";
    static final LocalDate DAY = LocalDate.of(2026, 4, 10);

    BiTestRig rig;

    @BeforeEach
    void setUp() {
        rig = new BiTestRig(store, at("18:00"), BiTestRig.env("BI_COMMISSION_RATE", "0.03",
                "BI_SMS_SEGMENT_PRICE", "0.01", "BI_LLM_INPUT_PRICE_PER_MILLION", "3",
                "BI_LLM_OUTPUT_PRICE_PER_MILLION", "15"));
        rig.location(LOC, "UTC");
    }

    static Instant at(String time) {
        return Instant.parse(DAY + "T" + time + (time.length() == 5 ? ":00Z" : "Z"));
    }

    private void turn(LeadRef lead, String temperature, int input, int output, String time) {
        rig.audit(lead, AuditLog.Actor.BOT, "replied", Map.of("stage", "qualifying", "temperature", temperature,
                "llmInputTokens", input, "llmOutputTokens", output), at(time));
    }

    void seed() {
        LeadRef l1 = rig.lead(LOC, "c-1", BotType.SELLER, at("09:00"));
        String wh = rig.inbound(l1, "SMS", at("09:00"));
        rig.botReply(l1, wh, at("09:00"), at("09:00:01"), null);
        turn(l1, "WARM", 120_000, 8_000, "09:00:01");
        wh = rig.inbound(l1, "SMS", at("09:05"));
        rig.botReply(l1, wh, at("09:05"), at("09:05:02"), null);
        turn(l1, "HOT", 150_000, 10_000, "09:05:02");
        rig.handOff(l1, at("09:06"));
        rig.appointment(l1, "ap-1", at("09:08"));
        rig.audit(l1, AuditLog.Actor.HUMAN, "handoff_accepted", Map.of("agentId", "agent-a"), at("09:10"));
        rig.humanMessage(l1, at("09:20"));
        rig.opportunity(l1, "op-1", "stage-won", "won", "30000.00", "agent-a", at("15:00"));

        LeadRef l2 = rig.lead(LOC, "c-2", BotType.BUYER, at("10:00"));
        wh = rig.inbound(l2, "SMS", at("10:00"));
        rig.sql("UPDATE messages SET body = ? WHERE location_id = ? AND webhook_id = ? AND direction = 'inbound'",
                "a".repeat(161), LOC, wh);
        rig.botReply(l2, wh, at("10:00"), at("10:00:03"), null);
        rig.sql("UPDATE messages SET body = ? WHERE location_id = ? AND webhook_id = ? AND author = 'bot'",
                "b".repeat(69) + "\uD83D\uDE00", LOC, wh);
        turn(l2, "COLD", 90_000, 6_000, "10:00:03");
        rig.inbound(l2, "SMS", at("10:30"));
        rig.audit(l2, AuditLog.Actor.BOT, "opted_out", Map.of(), at("10:30"));

        LeadRef l3 = rig.contact(LOC, "c-3");
        rig.inbound(l3, "SMS", at("12:00"));
        rig.humanMessage(l3, at("12:10"));
        rig.appointment(l3, "ap-3", at("12:30"));
        assertThat(rig.aggregator.run().failures()).isEmpty();
    }

    @Test
    void kpisCostAndRoiOfTheDay() {
        seed();
        BiReport.BotKpis k = rig.reports.report(LOC, DAY, DAY).botKpis();
        // bot conversations: L1 at 09:00:01 (the 09:05:02 reply is within 24 h of it), L2 at 10:00:03
        assertThat(k.conversations()).isEqualTo(2);
        assertThat(k.messagesPerConversation()).isEqualTo(4.0); // (5 lead texts + 3 bot texts) / 2
        assertThat(k.replyP50Ms()).isEqualTo(2_000);            // samples 1,000, 2,000, 3,000
        assertThat(k.replyP95Ms()).isEqualTo(3_000);
        assertThat(k.qualificationRate()).isEqualTo(0.3333);      // L1 of 3 new leads
        assertThat(k.hotLeadRate()).isEqualTo(0.3333);
        assertThat(k.optOutRate()).isEqualTo(0.3333);              // L2
        assertThat(k.botBookedAppointments()).isEqualTo(1);      // L1's; L3's was made after a human wrote
        assertThat(k.bookingRate()).isEqualTo(0.5);
        assertThat(k.handoffsAccepted()).isEqualTo(1);
        assertThat(k.handoffAcceptP50Ms()).isEqualTo(240_000);
        // segments: lead texts 1 + 1 + 2 + 1 + 1, bot texts 1 + 1 + 2 = 10; the agents' texts are not the bot's
        assertThat(k.smsSegments()).isEqualTo(10);
        assertThat(k.llmInputTokens()).isEqualTo(360_000);
        assertThat(k.llmOutputTokens()).isEqualTo(24_000);
        assertThat(k.smsCost()).isEqualByComparingTo("0.10");
        assertThat(k.llmCost()).isEqualByComparingTo("1.44");     // (360,000 x 3 + 24,000 x 15) / 1e6
        assertThat(k.totalCost()).isEqualByComparingTo("1.54");
        assertThat(k.costPerConversation()).isEqualByComparingTo("0.77");
        // op-1's touches: source unknown 09:00, channel sms 09:00, bot 09:00:01, appointment 09:08, agent 09:10;
        // linear: $6,000.00 each; the bot's commission 3 % = $180.00; ROI (180 - 1.54) / 1.54 = 115.8831
        assertThat(k.botAttributedRevenue()).isEqualByComparingTo("6000.00");
        assertThat(k.botAttributedCommission()).isEqualByComparingTo("180.00");
        assertThat(k.roi()).isEqualTo(115.8831);
    }

    /**
     * Objection outcomes and follow-up tokens, by hand:
     * <pre>
     * 2026-04-09 L7: price_too_high (before the range: not counted, nor its WARM turn of the 10th)
     * 2026-04-10 L4: texts 11:00, the bot answers not_now 11:00:02; texts 13:00, WARM 13:00:02; appointment
     *                14:00; deal won 16:00          → wrote again, qualified, appointment, won
     *            L5: texts 11:30, not_now 11:30:02; nothing after
     *            L6: texts 12:00, has_agent 12:00:02; texts 12:30, has_agent 12:30:02; opts out 12:45
     *            a follow-up to L5 at 17:00 worded with 40,000 / 2,000 tokens
     * not_now:   raised 2, leads 2: wrote again 1, qualified 1, appointment 1, opted out 0, won 1
     * has_agent: raised 2, leads 1: wrote again 1 (12:30 is after the first time), opted out 1
     * LLM cost: (40,000 x 3 + 2,000 x 15) / 1e6 = $0.15
     * </pre>
     */
    @Test
    void objectionOutcomesAndFollowUpTokens() {
        LeadRef l4 = rig.lead(LOC, "c-4", BotType.SELLER, at("11:00"));
        rig.inbound(l4, "SMS", at("11:00"));
        objection(l4, "not_now", "COLD", "11:00:02");
        rig.inbound(l4, "SMS", at("13:00"));
        rig.botTurn(l4, "qualifying", "WARM", at("13:00:02"));
        rig.appointment(l4, "ap-4", at("14:00"));
        rig.opportunity(l4, "op-4", "stage-won", "won", "1000.00", "agent-a", at("16:00"));
        LeadRef l5 = rig.lead(LOC, "c-5", BotType.SELLER, at("11:30"));
        rig.inbound(l5, "SMS", at("11:30"));
        objection(l5, "not_now", "COLD", "11:30:02");
        rig.audit(l5, AuditLog.Actor.BOT, "follow_up", Map.of("llmInputTokens", 40_000, "llmOutputTokens", 2_000), at("17:00"));
        LeadRef l6 = rig.lead(LOC, "c-6", BotType.BUYER, at("12:00"));
        rig.inbound(l6, "SMS", at("12:00"));
        objection(l6, "has_agent", "COLD", "12:00:02");
        rig.inbound(l6, "SMS", at("12:30"));
        objection(l6, "has_agent", "COLD", "12:30:02");
        rig.audit(l6, AuditLog.Actor.BOT, "opted_out", Map.of(), at("12:45"));
        LeadRef l7 = rig.lead(LOC, "c-7", BotType.BUYER, at("08:00").minusSeconds(86_400));
        rig.inbound(l7, "SMS", at("08:00").minusSeconds(86_400));
        rig.audit(l7, AuditLog.Actor.BOT, "replied", Map.of("stage", "qualifying", "temperature", "COLD",
                "objection", "price_too_high"), at("08:00:02").minusSeconds(86_400));
        rig.botTurn(l7, "qualifying", "WARM", at("09:00"));
        assertThat(rig.aggregator.run().failures()).isEmpty();

        BiReport report = rig.reports.report(LOC, DAY, DAY);

        assertThat(report.objections()).containsExactly(
                new BiReport.ObjectionOutcome("not_now", 2, 2, 1, 1, 1, 0, 1, 0.5, 0.5, 0.5, 0.0, 0.5),
                new BiReport.ObjectionOutcome("has_agent", 2, 1, 1, 0, 0, 1, 0, 1.0, 0.0, 0.0, 1.0, 0.0));
        assertThat(rig.reports.report(LOC, DAY.minusDays(1), DAY.minusDays(1)).objections())
                .extracting(BiReport.ObjectionOutcome::objection, BiReport.ObjectionOutcome::qualified)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("price_too_high", 1)); // WARM on the 10th, after it
        BiReport.BotKpis k = report.botKpis();
        assertThat(k.llmInputTokens()).isEqualTo(40_000);
        assertThat(k.llmOutputTokens()).isEqualTo(2_000);
        assertThat(k.llmCost()).isEqualByComparingTo("0.15");
    }

    private void objection(LeadRef lead, String objection, String temperature, String time) {
        rig.audit(lead, AuditLog.Actor.BOT, "replied", Map.of("stage", "nurture", "temperature", temperature,
                "objection", objection, "llmInputTokens", 0, "llmOutputTokens", 0), at(time));
    }

    @Test
    void smsSegmentsFollowTheCarriersRules() {
        Map<String, Integer> cases = Map.ofEntries(
                Map.entry("", 0), Map.entry("hello", 1), Map.entry("a".repeat(160), 1), Map.entry("a".repeat(161), 2),
                Map.entry("a".repeat(306), 2), Map.entry("a".repeat(307), 3),
                Map.entry("[".repeat(80), 1), Map.entry("[".repeat(81), 2),     // extension characters take two septets
                Map.entry("\f".repeat(81), 2),                                   // so does form feed
                Map.entry("¿Cuándo?", 1), Map.entry("á".repeat(71), 2),          // á is not GSM-7: UCS-2, 70 per segment
                Map.entry("`".repeat(70), 1), Map.entry("`".repeat(71), 2));     // nor is `
        cases.forEach((text, segments) -> assertThat(rig.query("SELECT bi_sms_segments(?) AS n", text).getFirst())
                .as(text).containsEntry("n", String.valueOf(segments)));
        assertThat(rig.query("SELECT bi_sms_segments(?) AS n", "\uD83D\uDE00".repeat(35)).getFirst()).containsEntry("n", "1");
        assertThat(rig.query("SELECT bi_sms_segments(?) AS n", "\uD83D\uDE00".repeat(36)).getFirst()).containsEntry("n", "2");
        assertThat(rig.query("SELECT bi_sms_segments(?) AS n", "it's ok: {\\} ñ à ü €").getFirst()).containsEntry("n", "1");
    }

    @Test
    void aDayWithoutBotActivityHasNoCostAndNoRoi() {
        rig.aggregator.run();
        BiReport.BotKpis k = rig.reports.report(LOC, DAY, DAY).botKpis();
        assertThat(k.conversations()).isZero();
        assertThat(k.totalCost()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(k.costPerConversation()).isNull();
        assertThat(k.roi()).isNull();
    }
}
