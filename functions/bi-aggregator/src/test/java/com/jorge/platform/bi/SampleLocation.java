package com.jorge.platform.bi;

import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.storage.AuditLog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A month of a small office for the dashboards' SQL and the HTML report: twelve leads over March 2026
 * (seller and buyer bots, SMS and Facebook), qualified and hot leads, an opt-out, hand-offs two agents
 * accepted, appointments, three won deals, a lost one and an open pipeline in three stages, two objections; aggregated
 * by two runs (one mid-month, one on the 20th, 18:00 UTC).
 */
final class SampleLocation {

    static final String LOC = "loc-sample";
    static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 31);
    static final Instant START = Instant.parse("2026-03-02T14:00:00Z");
    static final Instant END = Instant.parse("2026-03-20T18:00:00Z");

    private SampleLocation() {}

    static BiTestRig rig(BiTestRig.Store store) {
        return new BiTestRig(store, Instant.parse("2026-03-10T12:00:00Z"), BiTestRig.env(
                "BI_COMMISSION_RATE", "0.03", "BI_AGENT_SPLIT", "0.7", "BI_REFERRAL_FEES", "zillow=0.25",
                "BI_STAGE_PROBABILITIES", "stage-offer=0.6", "BI_LOOKBACK_DAYS", "90", "BI_DEFAULT_ZONE", "UTC",
                "EXPERIMENTS", "[{\"name\":\"greeting\",\"kind\":\"template\",\"variants\":[{\"name\":\"control\",\"weight\":1},{\"name\":\"warm\",\"weight\":1}],"
                        + "\"metric\":\"qualified\",\"plannedSamplePerVariant\":100,\"startsOn\":\"2026-03-01\"}]"));
    }

    static void seed(BiTestRig rig) {
        rig.location(LOC, "UTC");
        for (int i = 0; i < 12; i++) {
            Instant t = START.plus(Duration.ofHours(31L * i));
            if (t.isAfter(Instant.parse("2026-03-10T11:00:00Z"))) break;
            lead(rig, i, t);
        }
        assertOk(rig);
        rig.clock.advance(Duration.between(rig.clock.instant(), Instant.parse("2026-03-15T12:00:00Z")));
        for (int i = 0; i < 12; i++) {
            Instant t = START.plus(Duration.ofHours(31L * i));
            if (!t.isAfter(Instant.parse("2026-03-10T11:00:00Z"))) continue;
            lead(rig, i, t);
        }
        LeadRef won1 = new LeadRef(LOC, "c-0");
        LeadRef won2 = new LeadRef(LOC, "c-3");
        rig.opportunity(won1, "op-0", "stage-won", "won", "412345.67", "agent-a", Instant.parse("2026-03-12T15:00:00Z"));
        rig.opportunity(won2, "op-3", "stage-won", "won", "250000.00", "agent-b", Instant.parse("2026-03-14T10:00:00Z"));
        rig.opportunity(new LeadRef(LOC, "c-6"), "op-6", "stage-offer", "lost", "180000.00", "agent-a", Instant.parse("2026-03-14T16:00:00Z"));
        rig.opportunity(new LeadRef(LOC, "c-9"), "op-9", "stage-won", "won", "99999.99", "agent-a", Instant.parse("2026-03-18T09:00:00Z"));
        rig.clock.advance(Duration.between(rig.clock.instant(), END));
        assertOk(rig);
    }

    /** Lead i: every lead gets a bot conversation; some qualify, some go hot and are handed off, one opts out. */
    private static void lead(BiTestRig rig, int i, Instant t) {
        BotType bot = i % 3 == 2 ? BotType.BUYER : BotType.SELLER;
        LeadRef lead = rig.lead(LOC, "c-" + i, bot, t);
        rig.contactCreated(lead, i % 2 == 0 ? "zillow" : "website", i % 2 == 0 ? "spring" : null, t);
        String channel = i % 4 == 1 ? "FB" : "SMS";
        String wh = rig.inbound(lead, channel, t);
        rig.botReply(lead, wh, t.plusMillis(400), t.plusMillis(700 + 90L * i), null);
        rig.botTurn(lead, "qualifying", "COLD", t.plusSeconds(1));
        if (i == 0 || i == 4) { // an objection the bot answered: "too expensive" from a lead who later wins, "not now" from one who does not
            rig.audit(lead, AuditLog.Actor.BOT, "replied", Map.of("stage", "qualifying", "temperature", "COLD",
                    "objection", i == 0 ? "price_too_high" : "not_now"), t.plusSeconds(2));
        }
        wh = rig.inbound(lead, channel, t.plusSeconds(300));
        rig.botReply(lead, wh, t.plusSeconds(301), t.plusSeconds(301).plusMillis(900 + 40L * i), null);
        if (i == 7) {
            rig.audit(lead, AuditLog.Actor.BOT, "opted_out", Map.of(), t.plusSeconds(400));
            return;
        }
        if (i % 3 != 1) rig.botTurn(lead, "qualified", i % 3 == 0 ? "HOT" : "WARM", t.plusSeconds(302));
        if (i % 3 == 0) {
            rig.handOff(lead, t.plusSeconds(310));
            String agent = i % 2 == 0 ? "agent-a" : "agent-b";
            rig.audit(lead, AuditLog.Actor.HUMAN, "handoff_accepted", Map.of("agentId", agent), t.plusSeconds(310 + 120L * (i + 1)));
            rig.humanMessage(lead, t.plusSeconds(900 + 60L * i));
            rig.appointment(lead, "ap-" + i, t.plusSeconds(3_600));
            rig.opportunity(lead, "op-" + i, "stage-offer", "open", (150_000 + 10_000 * i) + ".00", agent, t.plusSeconds(3_700));
        } else if (i % 3 == 2) {
            rig.opportunity(lead, "op-" + i, "stage-qualified", "open", (90_000 + 5_000 * i) + ".50", "agent-b", t.plusSeconds(600));
        }
    }

    private static void assertOk(BiTestRig rig) {
        var summary = rig.aggregator.run();
        if (!summary.failures().isEmpty()) throw new AssertionError("aggregator failed: " + summary.failures());
    }
}
