package com.jorge.platform.worker;

import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.ConversationPolicy;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.policy.StarterQualificationPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeadEventProcessorTest {

    private static final String LOC = "locA";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T17:00:00Z"));
    private WorkerTestRig rig;

    private WorkerTestRig rig(ConversationPolicy policy, String redisUrl) {
        rig = new WorkerTestRig(policy, clock, redisUrl);
        return rig;
    }

    @AfterEach
    void close() {
        if (rig != null) rig.close();
    }

    private void inbound(WorkerTestRig r, String contact, String text) {
        r.worker.messages().process(GhlWebhooks.inboundSms(LOC, contact, text, clock.instant()), clock.millis());
    }

    @Test
    void aSellerIsQualifiedAndHandedToAnAgentThroughTheGhlApi() throws Exception {
        WorkerTestRig r = rig(new StarterQualificationPolicy(), TestRedis.standaloneUrl());
        r.worker.messages().process(GhlWebhooks.contactCreate(LOC, "ana", "Ana", "Ruiz", "+15125550101",
                "ana@example.com", clock.instant()), 0);
        inbound(r, "ana", "Hi, I'm thinking about selling my house");
        inbound(r, "ana", "We're relocating to Denver for work");
        inbound(r, "ana", "ideally in 2 months");
        inbound(r, "ana", "around 450k");

        List<String> sms = r.ghl.smsTo("ana");
        assertThat(sms).hasSize(4);
        assertThat(sms.get(0)).startsWith("Hi Ana").contains("selling").endsWith("What has you thinking about selling?");
        assertThat(sms.get(1)).contains("moved out");
        assertThat(sms.get(2)).contains("price");
        assertThat(sms.get(3)).contains("Jorge");

        List<String> paths = r.ghl.callsFor("ana").stream().map(c -> c.method() + " " + c.path()).toList();
        assertThat(paths).contains("POST /contacts/ana/tags", "PUT /contacts/ana", "POST /contacts/ana/tasks",
                "POST /opportunities/");
        FakeGhlServer.Call opp = r.ghl.calls().stream().filter(c -> c.path().equals("/opportunities/")).findFirst().orElseThrow();
        assertThat(opp.body().path("pipelineStageId").asText()).isEqualTo("stage-hot");
        assertThat(r.text("SELECT pipeline_stage_id FROM opportunities WHERE contact_id = 'ana'")).isEqualTo("stage-hot");

        assertThat(r.text("SELECT temperature FROM conversations WHERE contact_id = 'ana'")).isEqualTo("HOT");
        assertThat(r.text("SELECT facts->>'seller.motivation' FROM conversations WHERE contact_id = 'ana'"))
                .isEqualTo("We're relocating to Denver for work");
        assertThat(r.count("SELECT count(*) FROM messages WHERE contact_id = 'ana' AND status = 'sent' AND author = 'bot'")).isEqualTo(4);
        assertThat(r.count("SELECT count(*) FROM messages WHERE contact_id = 'ana' AND author = 'lead'")).isEqualTo(4);
        assertThat(r.count("SELECT count(*) FROM crm_actions WHERE status = 'pending'")).isZero();
        assertThat(r.count("SELECT count(*) FROM webhook_events WHERE status = 'done'")).isEqualTo(5);
        // every text and every CRM action GHL took is in the audit trail, once, by ids only
        assertThat(r.count("""
                SELECT count(*) FROM audit_log a JOIN messages m ON m.id = (a.detail->>'messageId')::bigint
                 AND m.ghl_message_id = a.detail->>'ghlMessageId'
                 WHERE a.contact_id = 'ana' AND a.action = 'message_sent'""")).isEqualTo(4);
        assertThat(r.count("SELECT count(*) FROM audit_log WHERE contact_id = 'ana' AND action = 'message_sent'")).isEqualTo(4);
        assertThat(r.count("SELECT count(*) FROM audit_log WHERE contact_id = 'ana' AND action = 'crm_action'"))
                .isEqualTo(r.count("SELECT count(*) FROM crm_actions WHERE contact_id = 'ana' AND status = 'done'"))
                .isPositive();
        assertThat(r.text("SELECT string_agg(DISTINCT reason, ',' ORDER BY reason) FROM audit_log WHERE contact_id = 'ana' AND action = 'crm_action'"))
                .contains("AddTags", "HandOff");
        assertThat(r.metrics.counter(PlatformMetrics.CACHE_HITS)).isGreaterThan(0);
        assertThat(r.metrics.latencySamples(PlatformMetrics.REPLY_LATENCY)).isEqualTo(4);

        // after the hand-off the bot stops leading
        inbound(r, "ana", "ok thanks");
        assertThat(r.ghl.smsTo("ana")).hasSize(4);
    }

    @Test
    void aLocationThatRemovedTheAppGetsNoReplyNorFollowUpButKeepsWhatHappened() throws Exception {
        WorkerTestRig r = rig(new StarterQualificationPolicy(), TestRedis.standaloneUrl());
        inbound(r, "ida", "Hi, I'm thinking about selling my house");
        assertThat(r.ghl.smsTo("ida")).hasSize(1);

        try (var c = r.schema.connect(); var st = c.createStatement()) {
            st.execute("INSERT INTO ghl_installations (resource_id, user_type, status, uninstalled_at) "
                    + "VALUES ('" + LOC + "', 'Location', 'uninstalled', now())");
        }
        inbound(r, "ida", "We're relocating to Denver for work");
        var followUps = r.worker.followUps();
        var quiet = followUps.db().inTransaction(c -> followUps.composer().read(c, new LeadRef(LOC, "ida")));
        assertThat(quiet.appRemoved()).isTrue();
        assertThat(quiet.state()).isNotNull();
        assertThat(followUps.composer().next(quiet, clock.instant().plus(Duration.ofDays(3)))).isEmpty();

        assertThat(r.ghl.smsTo("ida")).hasSize(1);
        assertThat(r.text("SELECT detail->>'reason' FROM audit_log WHERE contact_id = 'ida' AND action = 'not_replied'"))
                .isEqualTo("app uninstalled");
        assertThat(r.count("SELECT count(*) FROM webhook_events WHERE contact_id = 'ida' AND status = 'done'")).isEqualTo(2);
        assertThat(r.count("SELECT count(*) FROM messages WHERE contact_id = 'ida' AND status = 'pending'")).isZero();
    }

    @Test
    void aRedeliveredWebhookDoesNotTextTheLeadTwice() throws Exception {
        WorkerTestRig r = rig(new StarterQualificationPolicy(), TestRedis.standaloneUrl());
        String body = GhlWebhooks.inboundSms(LOC, "bob", "I want to buy a house", clock.instant());
        r.worker.messages().process(body, 0);
        r.worker.messages().process(body, 0);
        assertThat(r.ghl.smsTo("bob")).hasSize(1);
        assertThat(r.count("SELECT count(*) FROM messages WHERE contact_id = 'bob' AND author = 'lead'")).isEqualTo(1);
        assertThat(r.metrics.counter(PlatformMetrics.EVENTS_ALREADY_DONE)).isEqualTo(1);
    }

    @Test
    void whenGhlIsDownTheReplyWaitsInTheOutboxAndGoesOutExactlyOnceOnRetry() throws Exception {
        WorkerTestRig r = rig(new StarterQualificationPolicy(), TestRedis.standaloneUrl());
        String body = GhlWebhooks.inboundSms(LOC, "cara", "selling my townhouse", clock.instant());
        // the send and the client's four tries to look it up (a 503 may have sent it) all fail
        r.ghl.failNext(5, 503, null);
        r.worker.messages().process(body, 0); // acknowledged: the decision is stored, the outbox retries on its own
        assertThat(r.ghl.smsTo("cara")).isEmpty();
        assertThat(r.count("SELECT count(*) FROM messages WHERE contact_id = 'cara' AND status = 'pending'")).isEqualTo(1);
        assertThat(r.text("SELECT status FROM webhook_events")).isEqualTo("decided");
        assertThat(r.text("SELECT last_delivery_error FROM webhook_events")).isEqualTo("503");
        assertThat(r.metrics.counter(PlatformMetrics.OUTBOX_DEFERRED, "503")).isEqualTo(1);

        r.worker.messages().process(body, 0); // SQS delivers it again before the retry is due: it waits its turn
        assertThat(r.ghl.smsTo("cara")).isEmpty();
        assertThat(r.worker.redelivery().run(10)).as("not due before the backoff").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(r.worker.redelivery().run(10)).isEqualTo(1);
        assertThat(r.ghl.smsTo("cara")).hasSize(1);
        assertThat(r.text("SELECT turns FROM conversations WHERE contact_id = 'cara'")).as("the bot decided once").isEqualTo("1");
        assertThat(r.text("SELECT status FROM webhook_events")).isEqualTo("done");
        assertThat(r.worker.redelivery().run(10)).isZero();
        r.worker.messages().process(body, 0);
        assertThat(r.ghl.smsTo("cara")).as("exactly once").hasSize(1);
    }

    @Test
    void aHumanReplyPausesTheBotUntilTheQuietPeriodPasses() {
        WorkerTestRig r = rig(new StarterQualificationPolicy(), TestRedis.standaloneUrl());
        inbound(r, "dan", "Looking to sell");
        r.worker.messages().process(GhlWebhooks.humanReply(LOC, "dan", "Hey Dan, Jorge here, calling you now", clock.instant()), 0);
        inbound(r, "dan", "sure, call me");
        assertThat(r.ghl.smsTo("dan")).hasSize(1);
        clock.advance(Duration.ofMinutes(31));
        inbound(r, "dan", "hello? still there?");
        assertThat(r.ghl.smsTo("dan")).hasSize(2);
    }

    @Test
    void aHumanReplyDoesNotShortenAnAgentsExplicitTakeOver() throws Exception {
        WorkerTestRig r = rig(new StarterQualificationPolicy(), null); // no cache: the take-over is written as the inbox writes it
        inbound(r, "fin", "Looking to sell");
        // an agent took the lead over in the inbox until they give it back
        r.execute("UPDATE conversations SET paused_until = '2027-01-01T00:00:00Z' WHERE contact_id = 'fin'");
        r.worker.messages().process(GhlWebhooks.humanReply(LOC, "fin", "Hi Fin, Jorge here", clock.instant()), 0);
        clock.advance(Duration.ofMinutes(31)); // past the 30-minute pause a human reply alone would set
        inbound(r, "fin", "ok thanks");
        assertThat(r.ghl.smsTo("fin")).as("the bot stays quiet").hasSize(1);
        assertThat(r.text("SELECT to_char(paused_until AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM conversations WHERE contact_id = 'fin'"))
                .isEqualTo("2027-01-01");
    }

    @Test
    void theBotsOwnEchoDoesNotPauseIt() {
        WorkerTestRig r = rig(new StarterQualificationPolicy(), TestRedis.standaloneUrl());
        inbound(r, "eve", "selling");
        String sentText = r.ghl.calls().stream().filter(c -> c.path().equals("/conversations/messages")).findFirst()
                .orElseThrow().body().path("message").asText();
        assertThat(sentText).isNotBlank();
        String echo = GhlWebhooks.envelope("OutboundMessage", LOC, clock.instant()).put("contactId", "eve")
                .put("messageId", "fake-msg-1").put("body", sentText).put("source", "api").put("userId", "api-user").toString();
        r.worker.messages().process(echo, 0);
        inbound(r, "eve", "relocating");
        assertThat(r.ghl.smsTo("eve")).hasSize(2);
    }

    @Test
    void dndAndOptOutSilenceTheBotForGood() throws Exception {
        WorkerTestRig r = rig(new StarterQualificationPolicy(), TestRedis.standaloneUrl());
        inbound(r, "fay", "hi, selling my place");
        r.worker.messages().process(GhlWebhooks.dndUpdate(LOC, "fay", true, clock.instant()), 0);
        inbound(r, "fay", "are you there?");
        assertThat(r.ghl.smsTo("fay")).hasSize(1);
        assertThat(r.text("SELECT detail->>'reason' FROM audit_log WHERE contact_id = 'fay' AND action = 'not_replied'"))
                .isEqualTo("lead opted out");

        inbound(r, "gus", "selling");
        inbound(r, "gus", "STOP");
        inbound(r, "gus", "wait, what?");
        List<String> sms = r.ghl.smsTo("gus");
        assertThat(sms).hasSize(2);
        assertThat(sms.get(1)).contains("unsubscribed");
        assertThat(r.ghl.callsFor("gus")).anySatisfy(c -> assertThat(c.body().path("dnd").asBoolean()).isTrue());
    }

    @Test
    void anOptOutByTextMarksTheContactDndInAuroraToo() throws Exception {
        WorkerTestRig r = rig(new StarterQualificationPolicy(), TestRedis.standaloneUrl());
        inbound(r, "uma", "selling");
        assertThat(r.text("SELECT dnd FROM contacts WHERE contact_id = 'uma'")).isEqualTo("f");
        inbound(r, "uma", "STOP");
        assertThat(r.text("SELECT dnd FROM contacts WHERE contact_id = 'uma'")).isEqualTo("t");
        inbound(r, "uma", "hello?");
        assertThat(r.ghl.smsTo("uma")).hasSize(2);
    }

    @Test
    void withRedisDownTheWorkerCarriesOnFromAurora() throws Exception {
        WorkerTestRig r = rig(new StarterQualificationPolicy(), "redis://127.0.0.1:" + TestRedis.freePort());
        inbound(r, "hal", "I want to sell");
        inbound(r, "hal", "downsizing");
        assertThat(r.ghl.smsTo("hal")).hasSize(2);
        assertThat(r.ghl.smsTo("hal").get(1)).contains("moved out");
        assertThat(r.metrics.counter(PlatformMetrics.CACHE_UNAVAILABLE, "lead_cache")).isGreaterThan(0);
    }

    @Test
    void repliesDueInQuietHoursWaitForTheMorning() throws Exception {
        Instant morning = clock.instant().plus(Duration.ofHours(10));
        ConversationPolicy nightOwl = (ctx, msg) -> new BotTurn(List.of("Good morning! Saw your message."),
                List.of(), ctx.state(), morning);
        WorkerTestRig r = rig(nightOwl, TestRedis.standaloneUrl());
        inbound(r, "ivy", "hi at 11pm");
        assertThat(r.ghl.smsTo("ivy")).isEmpty();
        assertThat(r.worker.delivery().deliverDueDeferred(10)).isZero();
        clock.advance(Duration.ofHours(10));
        assertThat(r.worker.delivery().deliverDueDeferred(10)).isEqualTo(1);
        assertThat(r.ghl.smsTo("ivy")).containsExactly("Good morning! Saw your message.");
        assertThat(r.worker.delivery().deliverDueDeferred(10)).isZero();
    }

    @Test
    void opportunityAndAppointmentEventsAreStored() throws Exception {
        WorkerTestRig r = rig(new StarterQualificationPolicy(), TestRedis.standaloneUrl());
        var opp = GhlWebhooks.envelope("OpportunityStatusUpdate", LOC, clock.instant()).put("id", "opp-9")
                .put("contactId", "jo").put("pipelineId", "pipe-1").put("pipelineStageId", "stage-q")
                .put("status", "open").put("monetaryValue", 12500);
        r.worker.messages().process(opp.toString(), 0);
        var appt = GhlWebhooks.envelope("AppointmentCreate", LOC, clock.instant());
        appt.putObject("appointment").put("id", "ap-1").put("contactId", "jo").put("appointmentStatus", "confirmed")
                .put("startTime", "2026-11-25T16:00:00Z");
        r.worker.messages().process(appt.toString(), 0);
        assertThat(r.text("SELECT monetary_value FROM opportunities WHERE opportunity_id = 'opp-9'")).isEqualTo("12500.00");
        assertThat(r.count("SELECT count(*) FROM appointments WHERE contact_id = 'jo'")).isEqualTo(1);
    }
}
