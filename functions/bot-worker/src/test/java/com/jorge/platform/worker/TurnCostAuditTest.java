package com.jorge.platform.worker;

import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.ConversationPolicy;
import com.jorge.platform.conversation.LlmUsage;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The turn's LLM tokens and the objection it answered reach the {@code replied} audit entry, where the BI
 * aggregator sums the cost per conversation and follows each objection's outcome; the experiment variants the
 * replies were worded in go with them.
 */
class TurnCostAuditTest {

    private static final ConversationPolicy WORDED_BY_LLM = (context, message) -> {
        var next = context.state().withTurns(context.state().turns() + 1);
        BotTurn turn = new BotTurn(List.of("No rush at all. Mind if I check back in the spring?"), List.of(), next)
                .withLlmUsage(new LlmUsage(412, 37, false));
        BotTurn worded = message.body().contains("hello") ? turn.withExperiments(Map.of("greeting", "warm")) : turn;
        return message.body().contains("not now") ? worded.withObjection("not_now") : worded;
    };

    private WorkerTestRig rig;
    private MutableClock clock;

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.parse("2026-11-23T17:00:00Z"));
        rig = new WorkerTestRig(BotSuite.of(WORDED_BY_LLM), clock, TestRedis.standaloneUrl(), Map.of());
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void theRepliedEntryCarriesTheTokensAndTheObjection() throws Exception {
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-a", "c-1", "not now, maybe next year", clock.instant()), 0);
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-a", "c-2", "hello", clock.instant()), 0);

        String replied = "SELECT detail->>'%s' FROM audit_log WHERE contact_id = '%s' AND action = 'replied'";
        assertThat(rig.text(replied.formatted("llmInputTokens", "c-1"))).isEqualTo("412");
        assertThat(rig.text(replied.formatted("llmOutputTokens", "c-1"))).isEqualTo("37");
        assertThat(rig.text(replied.formatted("objection", "c-1"))).isEqualTo("not_now");
        assertThat(rig.text(replied.formatted("objection", "c-2"))).isEmpty();
        assertThat(rig.text(replied.formatted("experiments", "c-2"))).isEqualTo("{\"greeting\": \"warm\"}");
        assertThat(rig.text(replied.formatted("experiments", "c-1"))).isEqualTo("{}");
    }
}
