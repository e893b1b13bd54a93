package com.jorge.platform.worker;

import com.jorge.platform.bots.compliance.PossibleOptOutHold;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.LeadCache;
import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.delivery.OutboxDelivery;
import com.jorge.platform.worker.lambda.WorkerFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A probable opt-out the rules did not confirm, through the real worker (PostgreSQL, Redis, the fake GHL API): no text
 * goes out, the lead is paused until given back, the agent's task and the tag reach GHL through the outbox, the pause
 * is audited with its reason, the hold is counted; once the lead is given back (as the inbox does it), the next text is
 * answered.
 */
class PossibleOptOutThroughTheWorkerTest {

    private static BotSuite jorge;
    private WorkerTestRig rig;

    @BeforeAll
    static void loadBots() {
        jorge = WorkerFunction.jorgeBots(Map.of());
    }

    @AfterEach
    void close() {
        if (rig != null) rig.close();
    }

    @Test
    void aProbableOptOutIsHeldForAPersonAndTheLeadIsAnsweredAgainOnceGivenBack() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T17:00:00Z")); // 11:00 in Austin
        String namespace = TestRedis.namespace("possible-opt-out");
        rig = new WorkerTestRig(jorge, clock, TestRedis.standaloneUrl(), Map.of("REDIS_NAMESPACE", namespace));
        rig.worker.messages().process(GhlWebhooks.contactCreate("loc-tx", "maybe", "Ana", "Ruiz", "+15125550177",
                "ana@example.com", clock.instant()), 0);
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-tx", "maybe",
                "hi, thinking about selling our house in Pflugerville", clock.instant()), 0);
        assertThat(rig.ghl.smsTo("maybe")).hasSize(1);
        String stageBefore = rig.text("SELECT stage FROM conversations WHERE contact_id = 'maybe'");
        String temperatureBefore = rig.text("SELECT temperature FROM conversations WHERE contact_id = 'maybe'");

        clock.advance(Duration.ofMinutes(3));
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-tx", "maybe",
                "I'm reporting this number to the FCC", clock.instant()), 0);

        assertThat(rig.ghl.smsTo("maybe")).hasSize(1); // nothing more
        assertThat(rig.text("SELECT opted_out::text FROM conversations WHERE contact_id = 'maybe'")).isEqualTo("false");
        assertThat(rig.text("SELECT to_char(paused_until AT TIME ZONE 'UTC', 'YYYY') FROM conversations WHERE contact_id = 'maybe'"))
                .isEqualTo("9999");
        assertThat(rig.text("SELECT stage FROM conversations WHERE contact_id = 'maybe'")).isEqualTo(stageBefore);
        assertThat(rig.text("SELECT temperature FROM conversations WHERE contact_id = 'maybe'")).isEqualTo(temperatureBefore);
        List<FakeGhlServer.Call> tasks = rig.ghl.callsFor("maybe").stream().filter(c -> c.path().contains("/tasks")).toList();
        assertThat(tasks).singleElement().satisfies(t -> {
            assertThat(t.body().path("title").asText()).isEqualTo(PossibleOptOutHold.TASK_TITLE);
            assertThat(t.body().toString()).doesNotContain("FCC"); // the lead's words stay out of the task
        });
        assertThat(rig.ghl.callsFor("maybe").stream().map(c -> c.body() == null ? "" : c.body().toString()))
                .anyMatch(b -> b.contains(PossibleOptOutHold.TAG));
        assertThat(rig.count("SELECT count(*) FROM audit_log WHERE contact_id = 'maybe' AND action = 'bot_paused'"
                + " AND upper(actor) = 'BOT' AND detail->>'reason' = '" + PossibleOptOutHold.REASON + "'")).isEqualTo(1);
        assertThat(rig.count("SELECT count(*) FROM audit_log WHERE contact_id = 'maybe' AND action = 'crm_action'"
                + " AND detail->>'kind' = 'HandOff'")).isEqualTo(1);
        assertThat(rig.metrics.counter(com.jorge.platform.observability.PlatformMetrics.POSSIBLE_OPT_OUT_HOLDS)).isEqualTo(1);

        // while paused, nothing is answered
        clock.advance(Duration.ofMinutes(3));
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-tx", "maybe", "hello?", clock.instant()), 0);
        assertThat(rig.ghl.smsTo("maybe")).hasSize(1);

        // an agent gives the lead back in the inbox as LeadDesk.giveBack does: the pause cleared in Aurora (the version moves
        // on), then the worker's Redis copy evicted
        rig.execute("UPDATE conversations SET paused_until = NULL, version = version + 1 WHERE contact_id = 'maybe'");
        new LeadCache(rig.worker.redis(), new CacheKeys(namespace), new ObjectMapper(), Duration.ofDays(7), Duration.ofDays(1))
                .evict(new LeadRef("loc-tx", "maybe"));
        clock.advance(Duration.ofMinutes(3));
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-tx", "maybe",
                "sorry, rough day. we owe about 200k and want to move in 3 months", clock.instant()), 0);
        assertThat(rig.ghl.smsTo("maybe")).hasSize(2);
    }
}
