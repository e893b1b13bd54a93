package com.jorge.platform.inbox;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.queue.QueuedLeadEvent;
import com.jorge.platform.queue.SqsLeadEventQueue;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.testkit.TestSqs;
import com.jorge.platform.worker.ColdLeadSeeds;
import com.jorge.platform.worker.StepFunctionsStandIn;
import com.jorge.platform.worker.lambda.WorkerFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk re-engagement end to end: the inbox's route as Lambda runs it (real PostgreSQL and Redis, the local Cognito
 * pool), lead-events.fifo as a real FIFO queue (ElasticMQ, deduplication ids kept) through the real SQS client, and the
 * real bot worker on the same schema texting the fake GHL API, with the approval workflow played by hand between
 * them (its SNS request to the inbox, its approval.decided on the queue). A team lead previews, sends, retries; a batch
 * above the location's N waits for one approval; a rejection sends nothing; bad bodies are 400 naming the field.
 */
class ReEngagementRoutesTest {

    private static final String LOC = "loc-a";
    private static final String APPROVAL = "arn:aws:states:us-east-1:111122223333:stateMachine:jorge-approval";
    private static final String[] CREDENTIALS = {"aws.region", "us-east-1", "aws.accessKeyId", "AKIDTEST",
            "aws.secretAccessKey", "test-secret"};

    private static TestSqs sqs;
    private static BotSuite jorge;
    private InboxRig rig;
    private StepFunctionsStandIn workflows;
    private WorkerFunction worker;
    private String queueUrl;
    private String teamLead;

    @BeforeAll
    static void startQueue() {
        for (int i = 0; i < CREDENTIALS.length; i += 2) System.setProperty(CREDENTIALS[i], CREDENTIALS[i + 1]);
        sqs = TestSqs.start();
        jorge = WorkerFunction.jorgeBots(Map.of());
    }

    @AfterAll
    static void stopQueue() {
        sqs.close();
        for (int i = 0; i < CREDENTIALS.length; i += 2) System.clearProperty(CREDENTIALS[i]);
    }

    @BeforeEach
    void start() throws Exception {
        queueUrl = sqs.createFifoQueue("lead-events-" + UUID.randomUUID().toString().substring(0, 8) + ".fifo", null, 5);
        rig = new InboxRig("inbox-reengage", Map.of("LEAD_EVENTS_QUEUE_URL", queueUrl, "SQS_ENDPOINT", sqs.endpoint().toString(),
                "INBOX_LIMIT_PER_CLIENT_PER_MINUTE", "100000", "INBOX_LIMIT_PER_LOCATION_PER_MINUTE", "100000"));
        rig.clock.advance(Duration.ofHours(3)); // noon in Texas: inside every texting window
        workflows = new StepFunctionsStandIn();
        Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", rig.schema.jdbcUrl(), "DATABASE_USER", rig.schema.user(),
                "DATABASE_PASSWORD", rig.schema.password(), "DATABASE_MIGRATE", "false", "REDIS_URL", TestRedis.standaloneUrl(),
                "REDIS_NAMESPACE", rig.redisNamespace, "GHL_API_BASE_URL", rig.ghl.baseUrl().toString(), "GHL_API_TOKEN", "pit-test"));
        env.putAll(Map.of("APPROVAL_STATE_MACHINE_ARN", APPROVAL, "HANDOFF_TEAM_LEAD_ID", "lead-1",
                "STEP_FUNCTIONS_ENDPOINT", workflows.endpoint().toString(), "LEAD_EVENTS_QUEUE_URL", queueUrl,
                "SQS_ENDPOINT", sqs.endpoint().toString(), "GHL_RATE_BURST_PERMITS", "10000"));
        worker = WorkerFunction.fromConfig(PlatformConfig.of(env), jorge, new RecordedMetrics(), rig.clock);
        teamLead = rig.cognito.token(rig.person("team_lead", "lead-1", LOC));
    }

    @AfterEach
    void stop() {
        worker.close();
        workflows.close();
        rig.close();
    }

    @Test
    void aTeamLeadPreviewsThenSendsABatchAtOrBelowNAndOnlyEligibleLeadsGetOneTextEach() throws Exception {
        policy(5);
        Instant longAgo = rig.clock.instant().minus(Duration.ofDays(45));
        seed("c-seller", "seller", "en", "nurture", "COLD", longAgo);
        seed("c-comprador", "buyer", "es", "closed", "WARM", longAgo);
        seed("c-cold-qualifying", "seller", "en", "qualifying", "COLD", longAgo); // cold by temperature
        seed("c-recent", "seller", "en", "nurture", "COLD", rig.clock.instant().minus(Duration.ofDays(3)));
        seed("c-hot", "seller", "en", "qualifying", "HOT", longAgo);
        seed("c-opted-out", "seller", "en", "nurture", "COLD", longAgo);
        seed("c-paused", "seller", "en", "nurture", "COLD", longAgo);
        seed("c-dnd", "seller", "en", "nurture", "COLD", longAgo);
        seed("c-offered", "seller", "en", "nurture", "COLD", longAgo);
        sql("UPDATE conversations SET opted_out = true WHERE contact_id = 'c-opted-out'");
        sql("UPDATE conversations SET paused_until = 'infinity' WHERE contact_id = 'c-paused'");
        sql("UPDATE contacts SET dnd = true WHERE contact_id = 'c-dnd'");
        rig.offer(new LeadRef(LOC, "c-offered"), "agent-7"); // a hand-off offer is pending
        List<String> eligible = List.of("c-cold-qualifying", "c-comprador", "c-seller");

        APIGatewayV2HTTPResponse preview = post(teamLead, "{\"quietDays\": 30, \"dryRun\": true}");
        assertThat(preview.getStatusCode()).as(preview.getBody()).isEqualTo(200);
        JsonNode seen = rig.body(preview);
        assertThat(seen.path("leads").asInt()).isEqualTo(3);
        assertThat(ids(seen.path("contactIds"))).containsExactlyInAnyOrderElementsOf(eligible);
        assertThat(seen.path("needsApproval").asBoolean()).isFalse();
        assertThat(seen.path("policy").path("reengageMoreThan").asInt()).isEqualTo(5);
        assertThat(seen.path("bySideAndLanguage").path("buyer").path("es").asInt()).isEqualTo(1);
        assertThat(seen.path("texts").path("seller").path("en").get(0).asText()).contains("{name}").contains("sell");
        assertThat(seen.path("texts").path("buyer").path("es").get(0).asText()).contains("casa");
        assertThat(drain()).as("a preview queues nothing").isEmpty();
        assertThat(count("SELECT count(*) FROM reengagement_batches")).isZero();

        String requestId = UUID.randomUUID().toString();
        String body = "{\"quietDays\": 30, \"requestId\": \"" + requestId + "\"}";
        APIGatewayV2HTTPResponse sent = post(teamLead, body);
        assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(202);
        assertThat(rig.body(sent).path("status").asText()).isEqualTo("queued");
        assertThat(rig.body(sent).path("batchId").asText()).isEqualTo(requestId);
        APIGatewayV2HTTPResponse retried = post(teamLead, body); // the phone sent it again
        assertThat(retried.getStatusCode()).isEqualTo(200);
        assertThat(rig.body(retried).path("batchId").asText()).isEqualTo(requestId);

        List<Message> queued = drain();
        assertThat(queued).hasSize(3); // one per lead: the retry's messages had the same deduplication ids
        assertThat(queued).allSatisfy(m -> assertThat(m.attributes().get(
                software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName.MESSAGE_GROUP_ID))
                .isIn(eligible.stream().map(c -> QueuedLeadEvent.groupFor(LOC, c)).toList()));
        deliver(queued);
        deliver(queued);

        assertThat(rig.ghl.smsTo("c-seller")).singleElement().asString().contains("sell");
        assertThat(rig.ghl.smsTo("c-comprador")).singleElement().asString().contains("casa");
        assertThat(rig.ghl.smsTo("c-cold-qualifying")).hasSize(1);
        for (String excluded : List.of("c-recent", "c-hot", "c-opted-out", "c-paused", "c-dnd", "c-offered")) {
            assertThat(rig.ghl.smsTo(excluded)).as(excluded).isEmpty();
        }
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'reengagement_requested' AND contact_id IS NULL"
                + " AND actor = 'human' AND detail->>'batchId' = '" + requestId + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'reengaged'")).isEqualTo(3);

        // asked again: everyone eligible was just texted, so nothing is left to send
        APIGatewayV2HTTPResponse again = post(teamLead, "{\"quietDays\": 30}");
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(rig.body(again).path("status").asText()).isEqualTo("nothing_to_send");
    }

    @Test
    void aBatchAboveNWaitsForOneApprovalThenTextsEachLeadOnceEvenWhenTheDecisionComesTwice() throws Exception {
        policy(2);
        List<String> leads = List.of("c-1", "c-2", "c-3");
        for (String lead : leads) seed(lead, "seller", "en", "nurture", "COLD", rig.clock.instant().minus(Duration.ofDays(90)));

        APIGatewayV2HTTPResponse asked = post(teamLead, "{\"quietDays\": 60, \"stages\": [\"nurture\"], \"temperatures\": []}");
        assertThat(asked.getStatusCode()).as(asked.getBody()).isEqualTo(202);
        JsonNode answer = rig.body(asked);
        assertThat(answer.path("status").asText()).isEqualTo("awaiting_approval");
        assertThat(ids(answer.path("rules"))).containsExactly("reengage_more_than");
        String batch = answer.path("batchId").asText();

        deliver(drain()); // the worker starts the batch's one approval
        assertThat(workflows.calls("StartExecution")).hasSize(1);
        JsonNode input = PlatformJson.mapper().readTree(workflows.calls("StartExecution").get(0).body().path("input").asText());
        assertThat(input.path("kind").asText()).isEqualTo("reengagement");
        assertThat(input.path("actionId").asText()).isEqualTo(batch);
        for (String lead : leads) assertThat(rig.ghl.smsTo(lead)).isEmpty();

        // the approval workflow asks the location's people (SNS), and the team lead approves in the inbox
        String token = "tok-" + UUID.randomUUID();
        var request = PlatformJson.mapper().createObjectNode().put("type", "approval.request").put("locationId", LOC)
                .put("contactId", input.path("contactId").asText()).put("kind", input.path("kind").asText())
                .put("summary", input.path("summary").asText()).put("expiresInSeconds", 900).put("taskToken", token);
        request.set("rules", input.path("rules"));
        assertThat(rig.function.approvalRequests().handle(request.toString())).isTrue();
        JsonNode pending = rig.body(rig.call("GET", "/inbox/api/approvals", teamLead, null)).path("approvals").get(0);
        assertThat(pending.path("actionKind").asText()).isEqualTo("reengagement");
        assertThat(pending.path("contactId").isNull() || pending.path("contactId").isMissingNode()).as("a batch links no lead").isTrue();
        assertThat(pending.path("summary").asText()).contains("3 cold leads");
        assertThat(rig.call("POST", "/inbox/api/approvals/" + pending.path("approvalId").asText() + "/approve", teamLead, null)
                .getStatusCode()).isEqualTo(200);
        assertThat(rig.sfn.calls()).anySatisfy(c -> assertThat(c.action()).isEqualTo("SendTaskSuccess"));
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'approval_approved' AND contact_id IS NULL"
                + " AND actor_id IS NOT NULL AND location_id = '" + LOC + "'")).as("about no one lead, by a person").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'approval_approved' AND contact_id = ''")).isZero();

        // the workflow's RunApprovedAction puts approval.decided on the queue; Step Functions retried the put
        decided(batch, "approved");
        decided(batch, "approved");
        List<Message> decision = drain();
        assertThat(decision).hasSize(1);
        deliver(decision);
        deliver(decision); // and SQS delivered it twice all the same
        List<Message> sends = drain();
        assertThat(sends).hasSize(3);
        deliver(sends);

        for (String lead : leads) assertThat(rig.ghl.smsTo(lead)).as(lead).hasSize(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'reengagement_decided' AND detail->>'decision' = 'approved'"))
                .isEqualTo(1);
    }

    @Test
    void aRejectedBatchSendsNothingAndLeavesItsLeadsAsTheyWere() throws Exception {
        policy(1);
        seed("c-r1", "seller", "en", "nurture", "COLD", rig.clock.instant().minus(Duration.ofDays(90)));
        seed("c-r2", "buyer", "en", "closed", "COLD", rig.clock.instant().minus(Duration.ofDays(90)));
        String before = text("SELECT string_agg(contact_id || version || last_reply_at, ',' ORDER BY contact_id) FROM conversations");

        APIGatewayV2HTTPResponse asked = post(teamLead, "{\"quietDays\": 30}");
        assertThat(rig.body(asked).path("status").asText()).isEqualTo("awaiting_approval");
        String batch = rig.body(asked).path("batchId").asText();
        deliver(drain());
        decided(batch, "rejected");
        deliver(drain());
        deliver(drain());

        assertThat(rig.ghl.smsTo("c-r1")).isEmpty();
        assertThat(rig.ghl.smsTo("c-r2")).isEmpty();
        assertThat(text("SELECT status FROM reengagement_batches WHERE batch_id = '" + batch + "'")).isEqualTo("rejected");
        assertThat(count("SELECT count(*) FROM reengagement_leads WHERE status = 'cancelled'")).isEqualTo(2);
        assertThat(text("SELECT string_agg(contact_id || version || last_reply_at, ',' ORDER BY contact_id) FROM conversations"))
                .isEqualTo(before);
    }

    @Test
    void badBodiesAreRefusedNamingTheFieldAndOnlyTeamLeadsAndAdminsOfTheLocationMayAsk() throws Exception {
        seed("c-b", "seller", "en", "nurture", "COLD", rig.clock.instant().minus(Duration.ofDays(90)));
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("{}", "quietDays");
        bad.put("{\"quietDays\": 0}", "quietDays");
        bad.put("{\"quietDays\": 30.5}", "quietDays");
        bad.put("{\"quietDays\": \"30\"}", "quietDays");
        bad.put("{\"quietDays\": 30, \"stages\": [\"handed_off\"]}", "stages");
        bad.put("{\"quietDays\": 30, \"stages\": [], \"temperatures\": []}", "stages");
        bad.put("{\"quietDays\": 30, \"temperatures\": \"cold\"}", "temperatures");
        bad.put("{\"quietDays\": 30, \"limit\": 5000}", "limit");
        bad.put("{\"quietDays\": 30, \"dryRun\": \"yes\"}", "dryRun");
        bad.put("{\"quietDays\": 30, \"requestId\": \"not-a-uuid\"}", "requestId");
        bad.put("{\"quietDays\": 30, \"everyone\": true}", "$");
        bad.put("[30]", "$");
        bad.put("quietDays=30", "$");
        for (var e : bad.entrySet()) {
            APIGatewayV2HTTPResponse r = post(teamLead, e.getKey());
            assertThat(r.getStatusCode()).as(e.getKey()).isEqualTo(400);
            assertThat(rig.body(r).path("field").asText()).as(e.getKey()).isEqualTo(e.getValue());
        }
        String agent = rig.cognito.token(rig.person("agent", "agent-7", LOC));
        assertThat(post(agent, "{\"quietDays\": 30}").getStatusCode()).isEqualTo(403);
        assertThat(post(agent, "not even json").getStatusCode()).as("the role is checked before the body").isEqualTo(403);
        String elsewhere = rig.cognito.token(rig.person("team_lead", "lead-b", "loc-b"));
        assertThat(post(elsewhere, "{\"quietDays\": 30}").getStatusCode()).isEqualTo(404);
        assertThat(count("SELECT count(*) FROM reengagement_batches")).isZero();
        assertThat(drain()).isEmpty();
    }

    private APIGatewayV2HTTPResponse post(String token, String body) {
        return rig.call("POST", "/inbox/api/locations/" + LOC + "/reengagements", token, body);
    }

    private void policy(int reengageMoreThan) throws Exception {
        sql("INSERT INTO approval_policies (location_id, reengage_more_than) VALUES ('" + LOC + "', " + reengageMoreThan + ")");
    }

    private void seed(String contact, String side, String language, String stage, String temperature, Instant lastTouch)
            throws Exception {
        try (Connection c = rig.schema.connect()) {
            ColdLeadSeeds.lead(c, LOC, contact, side, language, stage, temperature, lastTouch);
        }
    }

    /** What the approval workflow's RunApprovedAction / SendFallback puts on the queue (its deduplication id included). */
    private void decided(String batch, String decision) {
        String body = PlatformJson.mapper().createObjectNode().put("type", "approval.decided").put("contactId", "reengagement")
                .put("locationId", LOC).put("actionId", batch).put("kind", "reengagement").put("decision", decision)
                .put("decidedBy", "location").put("execution", APPROVAL.replace(":stateMachine:", ":execution:") + ":ap-" + batch)
                .toString();
        new SqsLeadEventQueue(sqs.client(), queueUrl).send(new QueuedLeadEvent(QueuedLeadEvent.groupFor(LOC, "reengagement"),
                "ap-" + batch + "-decided", "approval.decided", body, 0));
    }

    private List<Message> drain() {
        return sqs.drain(queueUrl);
    }

    private void deliver(List<Message> messages) {
        for (Message m : messages) {
            MessageAttributeValue type = m.messageAttributes().get(SqsLeadEventQueue.EVENT_TYPE_ATTRIBUTE);
            worker.messages().process(m.body(), type == null ? null : type.stringValue(), 0);
        }
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private void sql(String statement) throws Exception {
        try (Connection c = rig.schema.connect(); var st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    private long count(String query) throws Exception {
        try (Connection c = rig.schema.connect(); var st = c.createStatement(); var rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String text(String query) throws Exception {
        try (Connection c = rig.schema.connect(); var st = c.createStatement(); var rs = st.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
