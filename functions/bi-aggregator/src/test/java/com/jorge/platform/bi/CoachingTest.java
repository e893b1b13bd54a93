package com.jorge.platform.bi;

import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.storage.AuditLog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coaching per agent on seeded hand-offs, every figure worked out by hand.
 *
 * <pre>
 * June 2026 (UTC), the report's range; now = 2026-06-30T12:00Z
 *   h1 c-1 handed off 06-02 10:00, agent-a accepts 10:02 (120 s), writes 10:05 (300 s), appointment 06-03, won 06-10
 *   h2 c-2 handed off 06-03 10:00, agent-a accepts 10:06 (360 s), writes 10:10 (600 s), appointment 06-05
 *   h3 c-3 handed off 06-09 09:00, agent-b accepts 09:01 (60 s), writes 09:30 (1,800 s)
 *   h4 c-4 handed off 06-10 09:00, nobody accepts; the deal is assigned to agent-b
 * March 2026: agent-a three hand-offs, one won; agent-b two, none won (all settled by June)
 * </pre>
 */
class CoachingTest extends BiStoreTest {

    static final String LOC = "loc-coach";

    static Instant t(String iso) {
        return Instant.parse("2026-" + iso + ":00Z");
    }

    @Test
    void eachAgentsTimesConversionTrendAndPredictedSuccess() {
        BiTestRig rig = new BiTestRig(store, t("06-30T12:00"), BiTestRig.env("BI_LOOKBACK_DAYS", "150"));
        rig.location(LOC, "UTC");
        handoff(rig, "c-1", "06-02T10:00", "agent-a", "06-02T10:02", "06-02T10:05", "06-03T09:00", "06-10T12:00");
        handoff(rig, "c-2", "06-03T10:00", "agent-a", "06-03T10:06", "06-03T10:10", "06-05T09:00", null);
        handoff(rig, "c-3", "06-09T09:00", "agent-b", "06-09T09:01", "06-09T09:30", null, null);
        LeadRef c4 = handoff(rig, "c-4", "06-10T09:00", null, null, null, null, null);
        rig.opportunity(c4, "op-c-4", "stage-1", "open", "100000.00", "agent-b", t("06-10T10:00"));
        for (int i = 0; i < 3; i++) {
            handoff(rig, "m-a" + i, "03-0" + (2 + i) + "T10:00", "agent-a", "03-0" + (2 + i) + "T10:05", null, null,
                    i == 0 ? "03-20T10:00" : null);
        }
        for (int i = 0; i < 2; i++) handoff(rig, "m-b" + i, "03-1" + i + "T10:00", "agent-b", "03-1" + i + "T10:05", null, null, null);
        assertThat(rig.aggregator.run().failures()).isEmpty();

        BiReport.Coaching coaching = rig.reports.report(LOC, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)).coaching();
        // settled at now: the March five and h1 (won); h2-h4 are inside their 60 days: overall 2 / 6
        // agent-a: (2 + 10 x 1/3) / (4 + 10) = 0.380952; agent-b: (0 + 10 x 1/3) / (2 + 10) = 0.277778
        assertThat(coaching.agents()).containsExactly(
                new BiReport.AgentCoaching("agent-a", 2, 2, 120_000, 360_000, 300_000, 600_000, 1.0, 0.5, 0.5, 0.381,
                        List.of(new BiReport.WeekPoint(LocalDate.of(2026, 6, 1), 2, 120_000, 0.5))),
                new BiReport.AgentCoaching("agent-b", 2, 1, 60_000, 60_000, 1_800_000, 1_800_000, 0.0, null, 0.0, 0.2778,
                        List.of(new BiReport.WeekPoint(LocalDate.of(2026, 6, 8), 2, 60_000, 0.0))));
        // held out: months whose outcomes are all known by now (end + 60 d): March and April; only March has
        // hand-offs, and nothing before March to learn from, so no month can be scored yet
        assertThat(coaching.validation().heldOutMonths()).isEmpty();
    }

    private static LeadRef handoff(BiTestRig rig, String contact, String at, String agent, String acceptedAt,
                                   String replyAt, String appointmentAt, String wonAt) {
        LeadRef lead = rig.lead(LOC, contact, BotType.SELLER, t(at).minusSeconds(600));
        rig.handOff(lead, t(at));
        if (acceptedAt != null) rig.audit(lead, AuditLog.Actor.HUMAN, "handoff_accepted", Map.of("agentId", agent), t(acceptedAt));
        if (replyAt != null) rig.humanMessage(lead, t(replyAt));
        if (appointmentAt != null) rig.appointment(lead, "ap-" + contact, t(appointmentAt));
        if (wonAt != null) rig.opportunity(lead, "op-" + contact, "stage-won", "won", "300000.00", agent, t(wonAt));
        return lead;
    }
}
