package com.jorge.platform.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.queue.SqsLeadEventQueue;
import com.jorge.platform.reengagement.ReEngagementQueue;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.testkit.TestSqs;
import com.jorge.platform.worker.inbound.WorkflowMessage;
import com.jorge.platform.worker.lambda.WorkerFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk re-engagement through the real worker: real PostgreSQL and Redis, the fake GHL API, the real Step Functions
 * client against its stand-in, and the real SQS client against a FIFO queue (ElasticMQ) that keeps deduplication ids,
 * from which every test takes the messages as Lambda would and hands them to the worker. A batch at or below the
 * location's N texts each eligible lead once and no excluded one; above N nothing goes out until the approval, then
 * each lead once however often the answer comes; a rejection sends nothing and touches no lead; quiet hours hold.
 */
class ReEngagementThroughTheWorkerTest {

    private static final String LOC = "loc-re";
    private static final String APPROVAL = "arn:aws:states:us-east-1:111122223333:stateMachine:jorge-approval";
    /** A Thursday, 2 pm in Texas. */
    private static final Instant AFTERNOON = LocalDateTime.of(2026, 12, 10, 14, 0).atZone(java.time.ZoneId.of("America/Chicago")).toInstant();

    private static BotSuite jorge;
    private static TestSqs sqs;
    private final ObjectMapper json = new ObjectMapper();
    @RegisterExtension
    final StepFunctionsService aws = new StepFunctionsService();
    private StepFunctionsStandIn sfn;
    private MutableClock clock;
    private WorkerTestRig rig;
    private String queueUrl;
    private ReEngagementQueue inbox;

    @BeforeAll
    static void loadBots() {
        jorge = WorkerFunction.jorgeBots(Map.of());
        sqs = TestSqs.start();
    }

    @AfterAll
    static void stopSqs() {
        sqs.close();
    }

    @BeforeEach
    void start() {
        sfn = aws.standIn();
        clock = new MutableClock(AFTERNOON);
        queueUrl = sqs.createFifoQueue("lead-events-" + UUID.randomUUID().toString().substring(0, 8) + ".fifo", null, 5);
        rig = new WorkerTestRig(jorge, clock, TestRedis.standaloneUrl(), Map.of(
                "APPROVAL_STATE_MACHINE_ARN", APPROVAL, "HANDOFF_TEAM_LEAD_ID", "lead-1",
                "STEP_FUNCTIONS_ENDPOINT", sfn.endpoint().toString(),
                "LEAD_EVENTS_QUEUE_URL", queueUrl, "SQS_ENDPOINT", sqs.endpoint().toString()));
        // what the inbox queues with: the same messages through the same real client
        inbox = new ReEngagementQueue(new SqsLeadEventQueue(sqs.client(), queueUrl), json, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void aBatchAtOrBelowNTextsEachEligibleLeadOnceInItsLanguageAndNoExcludedOne() throws Exception {
        Instant longAgo = clock.instant().minus(Duration.ofDays(45));
        List<String> leads = List.of("c-seller-en", "c-buyer-es", "c-opted-out", "c-paused", "c-texted-since", "c-dnd");
        seed("c-seller-en", "seller", "en", longAgo);
        seed("c-buyer-es", "buyer", "es", longAgo);
        seed("c-opted-out", "seller", "en", longAgo);
        seed("c-paused", "seller", "en", longAgo);
        seed("c-texted-since", "seller", "en", longAgo);
        seed("c-dnd", "seller", "en", longAgo);
        rig.execute("UPDATE conversations SET opted_out = true WHERE contact_id = 'c-opted-out'");
        rig.execute("UPDATE conversations SET paused_until = 'infinity' WHERE contact_id = 'c-paused'");
        rig.execute("UPDATE contacts SET dnd = true WHERE contact_id = 'c-dnd'");
        String batch = batch("queued", leads);
        clock.advance(Duration.ofMinutes(1));
        rig.execute("UPDATE conversations SET last_inbound_at = '" + clock.instant() + "' WHERE contact_id = 'c-texted-since'");

        for (String lead : leads) inbox.send(batch, new LeadRef(LOC, lead));
        for (String lead : leads) inbox.send(batch, new LeadRef(LOC, lead)); // the inbox's request retried
        List<Message> queued = drain();
        assertThat(queued).hasSize(leads.size()); // the queue dropped the doubles by deduplication id
        deliver(queued);
        deliver(queued); // and SQS delivers each once more after the window

        assertThat(rig.ghl.smsTo("c-seller-en")).as(rig.text("SELECT string_agg(contact_id || ': ' || status || ' ' || coalesce(reason, ''), '; ') FROM reengagement_leads")).singleElement().asString().contains("Rosa").contains("sell");
        assertThat(rig.ghl.smsTo("c-buyer-es")).singleElement().asString().contains("Rosa").contains("casa");
        for (String excluded : List.of("c-opted-out", "c-paused", "c-texted-since", "c-dnd")) {
            assertThat(rig.ghl.smsTo(excluded)).as(excluded).isEmpty();
        }
        assertThat(status(batch, "c-seller-en")).isEqualTo("sent");
        assertThat(rig.text("SELECT reason FROM reengagement_leads WHERE contact_id = 'c-opted-out'")).isEqualTo("lead opted out");
        assertThat(rig.text("SELECT reason FROM reengagement_leads WHERE contact_id = 'c-paused'"))
                .isEqualTo("a human is handling the conversation");
        assertThat(rig.text("SELECT reason FROM reengagement_leads WHERE contact_id = 'c-texted-since'")).isEqualTo("lead texted since");
        assertThat(rig.text("SELECT reason FROM reengagement_leads WHERE contact_id = 'c-dnd'")).isEqualTo("contact is DND");
        assertThat(rig.count("SELECT count(*) FROM audit_log WHERE action = 'reengaged'")).isEqualTo(2);
        assertThat(rig.count("SELECT count(*) FROM audit_log WHERE action = 'reengagement_skipped'")).isEqualTo(4);
        assertThat(rig.count("SELECT count(*) FROM audit_log WHERE action = 'message_sent'")).isEqualTo(2);
        assertThat(rig.text("SELECT detail->>'batchId' FROM audit_log WHERE action = 'reengaged' AND contact_id = 'c-buyer-es'"))
                .isEqualTo(batch);
        // the stage stays; the lead's answer decides whether the conversation opens again
        assertThat(rig.text("SELECT stage FROM conversations WHERE contact_id = 'c-seller-en'")).isEqualTo("nurture");
    }

    @Test
    void aBatchAboveNWaitsForItsOneApprovalThenTextsEachLeadOnceEvenWhenTheAnswerComesTwice() throws Exception {
        Instant longAgo = clock.instant().minus(Duration.ofDays(60));
        List<String> leads = List.of("c-1", "c-2", "c-3");
        for (String lead : leads) seed(lead, "seller", "en", longAgo);
        String batch = batch("awaiting_approval", leads);

        inbox.startApproval(batch, LOC);
        inbox.startApproval(batch, LOC);
        deliver(drain());

        List<StepFunctionsStandIn.Call> starts = sfn.calls("StartExecution");
        assertThat(starts).hasSize(1);
        assertThat(starts.get(0).body().path("name").asText()).isEqualTo("ap-" + batch);
        JsonNode input = json.readTree(starts.get(0).body().path("input").asText());
        assertThat(input.path("kind").asText()).isEqualTo("reengagement");
        assertThat(input.path("contactId").asText()).isEqualTo("reengagement");
        assertThat(input.path("actionId").asText()).isEqualTo(batch);
        assertThat(input.path("summary").asText()).contains("3 cold leads");
        assertThat(input.path("rules")).extracting(JsonNode::asText).containsExactly("reengage_more_than");
        for (String lead : leads) assertThat(rig.ghl.smsTo(lead)).isEmpty();

        String decided = decided(batch, "approved");
        rig.worker.messages().process(decided, WorkflowMessage.APPROVAL_DECIDED, 0);
        rig.worker.messages().process(decided, WorkflowMessage.APPROVAL_DECIDED, 0); // the answer delivered twice
        List<Message> sends = drain();
        assertThat(sends).hasSize(3); // one per lead: the second answer's messages had the same deduplication ids
        deliver(sends);
        deliver(sends);

        for (String lead : leads) assertThat(rig.ghl.smsTo(lead)).as(lead).hasSize(1);
        assertThat(rig.text("SELECT status FROM reengagement_batches WHERE batch_id = '" + batch + "'")).isEqualTo("approved");
        assertThat(rig.count("SELECT count(*) FROM audit_log WHERE action = 'reengagement_decided' AND contact_id IS NULL"
                + " AND detail->>'decision' = 'approved'")).isEqualTo(1);
    }

    @Test
    void aRejectedOrExpiredBatchSendsNothingAndLeavesItsLeadsUntouched() throws Exception {
        Instant longAgo = clock.instant().minus(Duration.ofDays(60));
        seed("c-r1", "seller", "en", longAgo);
        seed("c-r2", "buyer", "en", longAgo);
        String rejected = batch("awaiting_approval", List.of("c-r1"));
        String expired = batch("awaiting_approval", List.of("c-r2"));
        String before = rig.text("SELECT last_reply_at::text || version FROM conversations WHERE contact_id = 'c-r1'");

        for (int i = 0; i < 2; i++) {
            rig.worker.messages().process(decided(rejected, "rejected"), WorkflowMessage.APPROVAL_DECIDED, 0);
            rig.worker.messages().process(decided(expired, "expired"), WorkflowMessage.APPROVAL_DECIDED, 0);
        }
        // a send forged or left over for a cancelled lead does nothing either
        inbox.send(rejected, new LeadRef(LOC, "c-r1"));
        List<Message> queued = drain();
        assertThat(queued).hasSize(1);
        deliver(queued);

        assertThat(rig.ghl.smsTo("c-r1")).isEmpty();
        assertThat(rig.ghl.smsTo("c-r2")).isEmpty();
        assertThat(rig.text("SELECT status FROM reengagement_batches WHERE batch_id = '" + rejected + "'")).isEqualTo("rejected");
        assertThat(rig.text("SELECT status FROM reengagement_batches WHERE batch_id = '" + expired + "'")).isEqualTo("expired");
        assertThat(status(rejected, "c-r1")).isEqualTo("cancelled");
        assertThat(rig.text("SELECT last_reply_at::text || version FROM conversations WHERE contact_id = 'c-r1'")).isEqualTo(before);
        assertThat(rig.count("SELECT count(*) FROM audit_log WHERE action = 'reengagement_decided'")).isEqualTo(2);
        assertThat(rig.count("SELECT count(*) FROM audit_log WHERE action IN ('reengaged', 'message_sent')")).isZero();
    }

    @Test
    void aLeadWhoseFollowUpsReachedTheCapGetsOneReEngagementAndNoSecondUnanswered() throws Exception {
        Instant longAgo = clock.instant().minus(Duration.ofDays(45));
        seed("c-capped", "seller", "en", longAgo);
        seed("c-past", "seller", "en", longAgo);
        // three follow-ups went unanswered (JORGE_BOTS_MAX_UNANSWERED_FOLLOW_UPS, 3); the other lead also left a
        // re-engagement unanswered after them
        rig.execute("UPDATE conversations SET facts = '{\"bot.followups_unanswered\": \"3\"}'::jsonb WHERE contact_id = 'c-capped'");
        rig.execute("UPDATE conversations SET facts = '{\"bot.followups_unanswered\": \"4\"}'::jsonb WHERE contact_id = 'c-past'");
        String batch = batch("queued", List.of("c-capped", "c-past"));
        inbox.send(batch, new LeadRef(LOC, "c-capped"));
        inbox.send(batch, new LeadRef(LOC, "c-past"));
        deliver(drain());

        assertThat(rig.ghl.smsTo("c-capped")).as("re-engaging is for leads who went quiet").hasSize(1);
        assertThat(rig.text("SELECT facts->>'bot.followups_unanswered' FROM conversations WHERE contact_id = 'c-capped'")).isEqualTo("4");
        assertThat(rig.ghl.smsTo("c-past")).isEmpty();
        assertThat(status(batch, "c-past")).isEqualTo("skipped");
        assertThat(rig.text("SELECT reason FROM reengagement_leads WHERE contact_id = 'c-past'"))
                .isEqualTo("unanswered limit reached (4 texts in a row unanswered: the follow-ups' 3 and a re-engagement)");

        // the re-engagement went unanswered: a later batch leaves the lead alone
        clock.advance(Duration.ofDays(10));
        String later = batch("queued", List.of("c-capped"));
        inbox.send(later, new LeadRef(LOC, "c-capped"));
        deliver(drain());
        assertThat(rig.ghl.smsTo("c-capped")).hasSize(1);
        assertThat(status(later, "c-capped")).isEqualTo("skipped");
        assertThat(rig.count("SELECT count(*) FROM audit_log WHERE action = 'reengagement_skipped'")).isEqualTo(2);
    }

    @Test
    void quietHoursHoldTheTextUntilMorningAndTheAuditSaysWhy() throws Exception {
        clock.advance(Duration.ofMinutes(9 * 60 + 30)); // 11:30 pm in Texas
        seed("c-night", "seller", "en", clock.instant().minus(Duration.ofDays(40)));
        String batch = batch("queued", List.of("c-night"));
        inbox.send(batch, new LeadRef(LOC, "c-night"));
        deliver(drain());

        assertThat(rig.ghl.smsTo("c-night")).isEmpty();
        assertThat(status(batch, "c-night")).isEqualTo("held");
        assertThat(rig.text("SELECT detail->>'heldBecause' FROM audit_log WHERE action = 'reengaged'")).startsWith("quiet_hours");
        assertThat(rig.text("SELECT detail->>'deferredUntil' FROM audit_log WHERE action = 'reengaged'")).isNotBlank();

        clock.advance(Duration.ofHours(10)); // 9:30 the next morning
        rig.worker.delivery().deliverDueDeferred(50);
        assertThat(rig.ghl.smsTo("c-night")).hasSize(1);
    }

    private void seed(String contact, String side, String language, Instant lastTouch) throws Exception {
        try (Connection c = rig.schema.connect()) {
            ColdLeadSeeds.lead(c, LOC, contact, side, language, "nurture", "COLD", lastTouch);
        }
    }

    private String batch(String status, List<String> contacts) throws Exception {
        String id = UUID.randomUUID().toString();
        try (Connection c = rig.schema.connect()) {
            ColdLeadSeeds.batch(c, id, LOC, status, contacts,
                    status.equals("queued") ? List.of() : List.of("reengage_more_than"), clock.instant());
        }
        return id;
    }

    private String status(String batch, String contact) throws Exception {
        return rig.text("SELECT status FROM reengagement_leads WHERE batch_id = '" + batch + "' AND contact_id = '" + contact + "'");
    }

    private String decided(String batch, String decision) {
        return json.createObjectNode().put("type", WorkflowMessage.APPROVAL_DECIDED).put("contactId", "reengagement")
                .put("locationId", LOC).put("actionId", batch).put("kind", "reengagement").put("decision", decision)
                .put("decidedBy", "location")
                .put("execution", APPROVAL.replace(":stateMachine:", ":execution:") + ":ap-" + batch).toString();
    }

    /** Every message now on the queue, each taken and deleted as the worker's event source mapping would. */
    private List<Message> drain() {
        return sqs.drain(queueUrl);
    }

    private void deliver(List<Message> messages) {
        for (Message m : messages) {
            MessageAttributeValue type = m.messageAttributes().get(SqsLeadEventQueue.EVENT_TYPE_ATTRIBUTE);
            rig.worker.messages().process(m.body(), type == null ? null : type.stringValue(), 0);
        }
    }
}
