package com.jorge.platform.worker;

import com.jorge.platform.worker.lambda.WorkerFunction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.models.features.ConversationFeatureSet;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Won and lost deals become lead_outcomes rows in the conversation feature set, holding what the bots
 * learned: the training data `models/train.sh --source aurora` retrains the lead score on.
 */
class LeadOutcomesThroughTheWorkerTest {

    private static final String LOC = "loc-outcomes";
    private static BotSuite jorge;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T17:00:00Z"));
    private WorkerTestRig rig;

    @BeforeAll
    static void loadBots() {
        jorge = WorkerFunction.jorgeBots(Map.of());
    }

    @BeforeEach
    void start() {
        rig = new WorkerTestRig(jorge, clock, TestRedis.standaloneUrl());
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void aWonDealRecordsWhatTheBotsLearned() throws Exception {
        converse("maya", "Hi, we need to sell our house, relocating for work in 2 months",
                "It's at 14 Oak Street, in good condition");

        deal("maya", "opp-1", "won");

        assertThat(rig.text("SELECT feature_set FROM lead_outcomes WHERE contact_id = 'maya'"))
                .isEqualTo(ConversationFeatureSet.VERSION);
        assertThat(rig.text("SELECT converted::text FROM lead_outcomes WHERE contact_id = 'maya'")).isEqualTo("true");
        assertThat(rig.text("SELECT opportunity_id FROM lead_outcomes WHERE contact_id = 'maya'")).isEqualTo("opp-1");
        JsonNode attributes = new ObjectMapper().readTree(
                rig.text("SELECT attributes::text FROM lead_outcomes WHERE contact_id = 'maya'"));
        assertThat(attributes.path("side").asText()).isEqualTo("seller");
        assertThat(attributes.path("motivation").asText()).isEqualTo("relocating");
        assertThat(attributes.path("timeline_months").asInt()).isEqualTo(2);
        assertThat(attributes.path("gave_address").asBoolean()).isTrue();
        assertThat(attributes.path("has_agent").asBoolean()).isFalse();
        // what the trainer will do with it: every key encodes
        var map = new ObjectMapper().convertValue(attributes, Map.class);
        assertThat(ConversationFeatureSet.INSTANCE.encode(map)).hasSize(ConversationFeatureSet.INSTANCE.featureCount());
        assertThat(rig.count("SELECT count(*) FROM audit_log WHERE contact_id = 'maya' AND action = 'lead_outcome_recorded'"))
                .isEqualTo(1);
    }

    @Test
    void aLostSecondDealDoesNotUndoAWinButTheSameDealMayChangeItsMind() throws Exception {
        converse("ben", "We're pre-approved for 400k and want to buy in Round Rock within 3 months");

        deal("ben", "opp-a", "won");
        deal("ben", "opp-b", "lost");
        assertThat(rig.text("SELECT converted::text || ' ' || opportunity_id FROM lead_outcomes WHERE contact_id = 'ben'"))
                .isEqualTo("true opp-a");

        deal("ben", "opp-a", "lost");
        assertThat(rig.text("SELECT converted::text || ' ' || opportunity_id FROM lead_outcomes WHERE contact_id = 'ben'"))
                .isEqualTo("false opp-a");
    }

    @Test
    void aReopenedDealIsUndecidedAgain() throws Exception {
        converse("cy", "thinking about selling my condo next year");
        deal("cy", "opp-c", "abandoned");
        assertThat(rig.count("SELECT count(*) FROM lead_outcomes WHERE contact_id = 'cy'")).isEqualTo(1);

        deal("cy", "opp-other", "open");
        assertThat(rig.count("SELECT count(*) FROM lead_outcomes WHERE contact_id = 'cy'"))
                .as("another deal opening leaves this one's outcome").isEqualTo(1);

        deal("cy", "opp-c", "open");
        assertThat(rig.count("SELECT count(*) FROM lead_outcomes WHERE contact_id = 'cy'")).isZero();
    }

    @Test
    void aDealForALeadNoBotTalkedWithTeachesNothing() throws Exception {
        deal("walk-in", "opp-w", "won");
        assertThat(rig.count("SELECT count(*) FROM lead_outcomes WHERE contact_id = 'walk-in'")).isZero();
        assertThat(rig.count("SELECT count(*) FROM opportunities WHERE contact_id = 'walk-in'")).isEqualTo(1);
    }

    @Test
    void aRedeliveredDecisionIsRecordedOnce() throws Exception {
        converse("dee", "Hi, I want to sell, we're divorcing and need to move in a month");
        String won = decision("dee", "opp-d", "won");
        rig.worker.messages().process(won, 0);
        rig.worker.messages().process(won, 0);
        assertThat(rig.count("SELECT count(*) FROM lead_outcomes WHERE contact_id = 'dee'")).isEqualTo(1);
        assertThat(rig.count("SELECT count(*) FROM audit_log WHERE contact_id = 'dee' AND action = 'lead_outcome_recorded'"))
                .isEqualTo(1);
    }

    private void converse(String contact, String... texts) {
        for (String text : texts) {
            clock.advance(Duration.ofMinutes(3));
            rig.worker.messages().process(GhlWebhooks.inboundSms(LOC, contact, text, clock.instant()), 0);
        }
    }

    private void deal(String contact, String opportunityId, String status) {
        rig.worker.messages().process(decision(contact, opportunityId, status), 0);
    }

    private String decision(String contact, String opportunityId, String status) {
        clock.advance(Duration.ofDays(1));
        return GhlWebhooks.envelope("OpportunityStatusUpdate", LOC, clock.instant()).put("id", opportunityId)
                .put("contactId", contact).put("pipelineId", "pipe-1").put("status", status).toString();
    }
}
