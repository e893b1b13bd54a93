package com.jorge.platform.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.ghl.events.GhlEventParser;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.ghlfake.WebhookSigner;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.queue.LeadEventQueue;
import com.jorge.platform.queue.SqsLeadEventQueue;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.testkit.TestSqs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookIntakeHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestSqs sqs;
    private static RedisConnector redis;
    private static final WebhookSigner GHL = WebhookSigner.generate();

    private String queueUrl;
    private RecordedMetrics metrics;
    private WebhookIntakeHandler handler;
    private Instant now;

    @BeforeAll
    static void startInfrastructure() {
        sqs = TestSqs.start();
        redis = new RedisConnector(TestRedis.standaloneUrl(), false, Duration.ofMillis(500));
    }

    @AfterAll
    static void stopInfrastructure() {
        redis.close();
        sqs.close();
    }

    @BeforeEach
    void freshQueue() {
        queueUrl = sqs.createFifoQueue("lead-events-" + System.nanoTime() + ".fifo", null, 5);
        metrics = new RecordedMetrics();
        now = Instant.now();
        handler = handlerWith(new SqsLeadEventQueue(sqs.client(), queueUrl));
    }

    private WebhookIntakeHandler handlerWith(LeadEventQueue queue) {
        WebhookIntake intake = new WebhookIntake(new SignatureVerifier(GHL.rsaPublicKey(), GHL.ed25519PublicKey()),
                new GhlEventParser(PlatformJson.mapper()),
                new ReplayGuard(redis, new CacheKeys(TestRedis.namespace("intake")), Clock.systemUTC(), Duration.ofMinutes(5)),
                queue, metrics, Clock.systemUTC());
        return new WebhookIntakeHandler(intake, metrics);
    }

    @Test
    void aSignedInboundMessageIsQueuedInTheLeadsMessageGroup() throws Exception {
        String body = GhlWebhooks.inboundSms("loc1", "contact1", "Hi, thinking of selling my condo", now);
        APIGatewayV2HTTPResponse response = post(body, Map.of("X-WH-Signature", GHL.rsaSignature(body)));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.getBody()).path("status").asText()).isEqualTo("accepted");
        List<Message> queued = drain();
        assertThat(queued).hasSize(1);
        Message m = queued.get(0);
        assertThat(m.body()).isEqualTo(body);
        assertThat(m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)).isEqualTo("loc1:contact1");
        assertThat(m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                .isEqualTo(JSON.readTree(body).path("webhookId").asText());
        assertThat(m.messageAttributes().get("eventType").stringValue()).isEqualTo("InboundMessage");
        assertThat(metrics.counter(PlatformMetrics.WEBHOOKS_ENQUEUED, "InboundMessage")).isEqualTo(1);
    }

    @Test
    void ed25519SignedWebhooksAreAcceptedToo() {
        String body = GhlWebhooks.dndUpdate("loc1", "contact1", true, now);
        assertThat(post(body, Map.of("X-GHL-Signature", GHL.ed25519Signature(body))).getStatusCode()).isEqualTo(200);
        assertThat(drain()).hasSize(1);
    }

    @Test
    void aReplayedWebhookIdIsAcknowledgedButNotQueuedTwice() throws Exception {
        String body = GhlWebhooks.inboundSms("loc1", "contact2", "hello", now);
        Map<String, String> sig = Map.of("x-wh-signature", GHL.rsaSignature(body));
        assertThat(post(body, sig).getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse second = post(body, sig);
        assertThat(second.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(second.getBody()).path("status").asText()).isEqualTo("duplicate");
        assertThat(drain()).hasSize(1);
        assertThat(metrics.counter(PlatformMetrics.WEBHOOKS_DUPLICATE)).isEqualTo(1);
    }

    @Test
    void missingOrBadSignaturesAre401AndNothingIsQueued() throws Exception {
        String body = GhlWebhooks.inboundSms("loc1", "contact3", "hello", now);
        assertRejected(post(body, Map.of()), 401, "signature_missing", null);
        assertRejected(post(body, Map.of("X-WH-Signature", WebhookSigner.generate().rsaSignature(body))), 401,
                "signature_invalid", null);
        String tampered = body.replace("hello", "HELLO");
        assertRejected(post(tampered, Map.of("X-WH-Signature", GHL.rsaSignature(body))), 401, "signature_invalid", null);
        assertThat(drain()).isEmpty();
        assertThat(metrics.counter(PlatformMetrics.WEBHOOKS_REJECTED, "signature_invalid")).isEqualTo(2);
    }

    @Test
    void staleAndFutureTimestampsAreRejected() throws Exception {
        String old = GhlWebhooks.inboundSms("loc1", "contact4", "hello", now.minus(Duration.ofMinutes(6)));
        assertRejected(post(old, signed(old)), 401, "stale_timestamp", "timestamp");
        String future = GhlWebhooks.inboundSms("loc1", "contact4", "hello", now.plus(Duration.ofMinutes(6)));
        assertRejected(post(future, signed(future)), 401, "stale_timestamp", "timestamp");
        String fresh = GhlWebhooks.inboundSms("loc1", "contact4", "hello", now.minus(Duration.ofMinutes(4)));
        assertThat(post(fresh, signed(fresh)).getStatusCode()).isEqualTo(200);
        assertThat(drain()).hasSize(1);
    }

    @Test
    void malformedBodiesAre400NamingTheField() throws Exception {
        String notJson = "{\"type\": \"InboundMessage\", ";
        assertRejected(post(notJson, signed(notJson)), 400, "invalid_body", "$");

        ObjectNode missing = GhlWebhooks.envelope("InboundMessage", "loc1", now).put("body", "hi");
        assertRejected(post(missing.toString(), signed(missing.toString())), 400, "invalid_body", "contactId");

        ObjectNode wrongType = GhlWebhooks.envelope("ContactDndUpdate", "loc1", now).put("id", "c1").put("dnd", "true");
        assertRejected(post(wrongType.toString(), signed(wrongType.toString())), 400, "invalid_body", "dnd");

        ObjectNode hostile = GhlWebhooks.envelope("InboundMessage", "loc1'; DROP TABLE contacts;--", now).put("contactId", "c1");
        assertRejected(post(hostile.toString(), signed(hostile.toString())), 400, "invalid_body", "locationId");
        assertThat(drain()).isEmpty();
    }

    @Test
    void bodiesOver256KbAre413BeforeAnyOtherWork() {
        String huge = "{\"type\":\"InboundMessage\",\"pad\":\"" + "x".repeat(WebhookIntake.MAX_BODY_BYTES) + "\"}";
        APIGatewayV2HTTPResponse r = post(huge, signed(huge));
        assertThat(r.getStatusCode()).isEqualTo(413);
        assertThat(metrics.counter(PlatformMetrics.WEBHOOKS_REJECTED, "too_large")).isEqualTo(1);
        assertThat(drain()).isEmpty();
    }

    @Test
    void unknownEventTypesAre200CountedAndDropped() throws Exception {
        String body = GhlWebhooks.envelope("NoteCreate", "loc1", now).put("id", "n1").toString();
        APIGatewayV2HTTPResponse r = post(body, signed(body));
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.getBody()).path("status").asText()).isEqualTo("ignored");
        assertThat(metrics.counter(PlatformMetrics.WEBHOOKS_UNKNOWN_TYPE, "NoteCreate")).isEqualTo(1);
        assertThat(drain()).isEmpty();
    }

    @Test
    void aWebhookDressedAsAWorkflowMessageNeverReachesTheQueue() throws Exception {
        // the worker takes nurture.step and handoff.* from the state machines on the same queue: a signed
        // GHL delivery must not be able to forge one (say, to hand a lead to another agent)
        String body = GhlWebhooks.envelope("handoff.accepted", "loc1", now).put("contactId", "c1")
                .put("agentId", "intruder").put("execution", "arn:x").toString();
        APIGatewayV2HTTPResponse r = post(body, signed(body));
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.getBody()).path("status").asText()).isEqualTo("ignored");
        assertThat(drain()).isEmpty();
    }

    @Test
    void aBase64EncodedBodyIsVerifiedOnItsBytes() {
        String body = GhlWebhooks.inboundSms("loc1", "contact5", "¿Cuánto vale mi casa? 🏠", now);
        APIGatewayV2HTTPEvent event = event(Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)),
                signed(body));
        event.setIsBase64Encoded(true);
        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(200);
        assertThat(drain()).extracting(Message::body).containsExactly(body);
    }

    @Test
    void whenTheQueueIsDownGhlGets429AndItsRetryIsAccepted() {
        String body = GhlWebhooks.inboundSms("loc1", "contact6", "hello", now);
        WebhookIntakeHandler broken = handlerWith(e -> { throw new IllegalStateException("SQS unavailable"); });
        APIGatewayV2HTTPResponse refused = broken.handleRequest(event(body, signed(body)), null);
        assertThat(refused.getStatusCode()).isEqualTo(429); // GHL retries only 429 (issue 11, finding 5)
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "60");
        // the webhookId was not remembered: GHL's retry of the same delivery goes through
        assertThat(post(body, signed(body)).getStatusCode()).isEqualTo(200);
        assertThat(drain()).hasSize(1);
    }

    @Test
    void withRedisDownTheWebhookIsStillAcceptedAndTheGapIsCounted() {
        RedisConnector down = new RedisConnector("redis://127.0.0.1:" + TestRedis.freePort(), false, Duration.ofMillis(50));
        WebhookIntake intake = new WebhookIntake(new SignatureVerifier(GHL.rsaPublicKey(), null),
                new GhlEventParser(PlatformJson.mapper()), new ReplayGuard(down, new CacheKeys("x"), Clock.systemUTC(),
                Duration.ofMinutes(5)), new SqsLeadEventQueue(sqs.client(), queueUrl), metrics, Clock.systemUTC());
        String body = GhlWebhooks.inboundSms("loc1", "contact7", "hello", now);
        assertThat(new WebhookIntakeHandler(intake, metrics).handleRequest(event(body, signed(body)), null).getStatusCode())
                .isEqualTo(200);
        assertThat(metrics.counter(PlatformMetrics.CACHE_UNAVAILABLE, "replay_guard")).isEqualTo(1);
        assertThat(drain()).hasSize(1);
        down.close();
    }

    private Map<String, String> signed(String body) {
        return Map.of("X-WH-Signature", GHL.rsaSignature(body));
    }

    private APIGatewayV2HTTPResponse post(String body, Map<String, String> extraHeaders) {
        return handler.handleRequest(event(body, extraHeaders), null);
    }

    private static APIGatewayV2HTTPEvent event(String body, Map<String, String> extraHeaders) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/apigw-v2-webhook.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.putAll(extraHeaders);
        event.setHeaders(headers);
        event.setBody(body);
        return event;
    }

    private void assertRejected(APIGatewayV2HTTPResponse r, int status, String reason, String field) throws Exception {
        assertThat(r.getStatusCode()).isEqualTo(status);
        JsonNode body = JSON.readTree(r.getBody());
        assertThat(body.path("error").asText()).isEqualTo(reason);
        assertThat(body.path("message").asText()).isNotBlank();
        if (field == null) assertThat(body.has("field")).isFalse();
        else assertThat(body.path("field").asText()).isEqualTo(field);
    }

    private List<Message> drain() {
        return sqs.drain(queueUrl);
    }
}
