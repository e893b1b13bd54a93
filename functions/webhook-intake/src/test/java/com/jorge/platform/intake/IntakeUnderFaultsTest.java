package com.jorge.platform.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, finding 5: an authentic event that cannot be queued right now is a 429 with Retry-After (the
 * only answer GHL retries), nothing of it is kept, and GHL's retry is accepted and queued once. SQS is
 * reached through the real SDK client, built as intake builds it, against ElasticMQ and broken endpoints.
 */
class IntakeUnderFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WebhookSigner GHL = WebhookSigner.generate();
    private static TestSqs sqs;
    private static RedisConnector redis;

    private final CacheKeys keys = new CacheKeys(TestRedis.namespace("intake-faults"));
    private RecordedMetrics metrics;
    private String queueUrl;
    private Instant now;

    @BeforeAll
    static void start() {
        sqs = TestSqs.start();
        redis = new RedisConnector(TestRedis.standaloneUrl(), false, Duration.ofMillis(500));
    }

    @AfterAll
    static void stop() {
        redis.close();
        sqs.close();
    }

    @BeforeEach
    void freshQueue() {
        queueUrl = sqs.createFifoQueue("lead-events-" + System.nanoTime() + ".fifo", null, 5);
        metrics = new RecordedMetrics();
        now = Instant.now();
    }

    @Test
    void aStoppedSqsIs429AndGhlsRetryIsQueuedExactlyOnce() throws Exception {
        TestSqs doomed = TestSqs.start();
        String doomedQueue = doomed.createFifoQueue("doomed.fifo", null, 5);
        SqsClient client = intakeClient(doomed.endpoint());
        doomed.close(); // the queue's server is gone

        String body = GhlWebhooks.inboundSms("loc1", "contact1", "hello", now);
        APIGatewayV2HTTPResponse refused = post(new SqsLeadEventQueue(client, doomedQueue), body);
        assertRetryLater(refused, "queue_unavailable");
        assertThat(seen(body)).as("the webhookId is not burned in the replay guard").isFalse();
        assertThat(drain()).isEmpty();

        // GHL retries the same delivery; SQS is back
        APIGatewayV2HTTPResponse retried = post(new SqsLeadEventQueue(intakeClient(sqs.endpoint()), queueUrl), body);
        assertThat(retried.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(retried.getBody()).path("status").asText()).isEqualTo("accepted");
        // and retries it once more, as it would after a lost answer
        assertThat(JSON.readTree(post(new SqsLeadEventQueue(sqs.client(), queueUrl), body).getBody())
                .path("status").asText()).isEqualTo("duplicate");
        assertThat(drain()).extracting(Message::body).containsExactly(body);
        client.close();
    }

    @Test
    void copiesArrivingAtOnceAreAllAnsweredAndQueuedOnce() throws Exception {
        // the guard remembers an id only after its event is queued; SQS FIFO deduplicates the racing copies
        String body = GhlWebhooks.inboundSms("loc1", "contact8", "hello", now);
        SqsLeadEventQueue queue = new SqsLeadEventQueue(sqs.client(), queueUrl);
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) answers.add(threads.submit(() -> post(queue, body)));
            for (var answer : answers) assertThat(answer.get().getStatusCode()).isEqualTo(200);
        }
        assertThat(drain()).hasSize(1);
        assertThat(seen(body)).isTrue();
    }

    @Test
    void aHungSqsIs429WithinTheSendDeadline() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) held.add(silent.accept()); // accepts and never answers
                } catch (Exception closed) { /* test over */ }
            });
            SqsClient client = intakeClient(URI.create("http://127.0.0.1:" + silent.getLocalPort()));
            String body = GhlWebhooks.inboundSms("loc1", "contact2", "hello", now);
            long started = System.nanoTime();
            APIGatewayV2HTTPResponse refused = post(new SqsLeadEventQueue(client, queueUrl), body);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertRetryLater(refused, "queue_unavailable");
            // under the function's 10 s timeout, past which API Gateway would answer 5xx
            assertThat(took).isLessThan(IntakeFunction.SEND_DEADLINE.plusSeconds(2));
            assertThat(seen(body)).isFalse();
            client.close();
        } finally {
            for (Socket s : held) s.close();
        }
    }

    @Test
    void aThrottlingSqsIs429() throws Exception {
        HttpServer throttling = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        throttling.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                byte[] error = "{\"__type\":\"com.amazonaws.sqs#RequestThrottled\",\"message\":\"Rate exceeded\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
                exchange.getResponseHeaders().add("x-amzn-query-error", "RequestThrottled;Sender");
                exchange.sendResponseHeaders(400, error.length);
                exchange.getResponseBody().write(error);
            }
        });
        throttling.start();
        try (SqsClient client = intakeClient(URI.create("http://127.0.0.1:" + throttling.getAddress().getPort()))) {
            String body = GhlWebhooks.inboundSms("loc1", "contact3", "hello", now);
            assertRetryLater(post(new SqsLeadEventQueue(client, queueUrl), body), "queue_unavailable");
            assertThat(seen(body)).isFalse();
        } finally {
            throttling.stop(0);
        }
    }

    @Test
    void anErrorWhileQueueingIs429AndLeavesTheWebhookIdUnseen() throws Exception {
        String body = GhlWebhooks.inboundSms("loc1", "contact4", "hello", now);
        assertRetryLater(post(e -> { throw new StackOverflowError(); }, body), "queue_unavailable");
        assertThat(seen(body)).isFalse();
        assertThat(post(new SqsLeadEventQueue(sqs.client(), queueUrl), body).getStatusCode()).isEqualTo(200);
        assertThat(drain()).hasSize(1);
    }

    @Test
    void aFailureAfterTheEventWasQueuedIs429AndTheRetryIsADuplicateNotASecondMessage() throws Exception {
        RecordedMetrics recorded = new RecordedMetrics();
        PlatformMetrics failingAfterQueueing = new PlatformMetrics() {
            @Override
            public void count(String metric, String dimension, long value) {
                if (metric.equals(PlatformMetrics.WEBHOOKS_ENQUEUED)) throw new IllegalStateException("metrics down");
                recorded.count(metric, dimension, value);
            }

            @Override
            public void latency(String metric, Duration duration) {}
        };
        String body = GhlWebhooks.inboundSms("loc1", "contact5", "hello", now);
        WebhookIntake intake = intake(new SqsLeadEventQueue(sqs.client(), queueUrl), failingAfterQueueing);
        APIGatewayV2HTTPResponse first = new WebhookIntakeHandler(intake, failingAfterQueueing).handleRequest(event(body), null);
        assertThat(first.getStatusCode()).isEqualTo(429);
        assertThat(recorded.counter(PlatformMetrics.WEBHOOKS_THROTTLED, "internal_error")).isEqualTo(1);
        APIGatewayV2HTTPResponse retry = new WebhookIntakeHandler(intake, failingAfterQueueing).handleRequest(event(body), null);
        assertThat(retry.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(retry.getBody()).path("status").asText()).isEqualTo("duplicate");
        assertThat(drain()).hasSize(1);
    }

    @Test
    void aBrokenReplayGuardIs429NotAnEscape() {
        ReplayGuard broken = new ReplayGuard(redis, null, Clock.systemUTC(), Duration.ofMinutes(5)); // NPE on use
        WebhookIntake intake = new WebhookIntake(new SignatureVerifier(GHL.rsaPublicKey(), null),
                new GhlEventParser(PlatformJson.mapper()), broken, new SqsLeadEventQueue(sqs.client(), queueUrl),
                metrics, Clock.systemUTC());
        String body = GhlWebhooks.inboundSms("loc1", "contact6", "hello", now);
        APIGatewayV2HTTPResponse r = new WebhookIntakeHandler(intake, metrics).handleRequest(event(body), null);
        assertThat(r.getStatusCode()).isEqualTo(429);
        assertThat(r.getHeaders()).containsEntry("Retry-After", "60");
        assertThat(metrics.counter(PlatformMetrics.WEBHOOKS_THROTTLED, "internal_error")).isEqualTo(1);
        assertThat(drain()).isEmpty();
    }

    @Test
    void charactersSqsCannotCarryAreSentEscapedAsTheSameJson() throws Exception {
        String body = GhlWebhooks.inboundSms("loc1", "contact7", "odd \uFFFF and \uFFFE text", now);
        APIGatewayV2HTTPResponse r = post(new SqsLeadEventQueue(sqs.client(), queueUrl), body);
        assertThat(r.getStatusCode()).isEqualTo(200);
        List<Message> queued = drain();
        assertThat(queued).hasSize(1);
        assertThat(JSON.readTree(queued.get(0).body())).isEqualTo(JSON.readTree(body));
    }

    private void assertRetryLater(APIGatewayV2HTTPResponse r, String reason) throws Exception {
        assertThat(r.getStatusCode()).isEqualTo(429);
        assertThat(r.getHeaders()).containsEntry("Retry-After", Long.toString(WebhookIntake.RETRY_AFTER.toSeconds()));
        assertThat(JSON.readTree(r.getBody()).path("error").asText()).isEqualTo("retry_later");
        assertThat(metrics.counter(PlatformMetrics.WEBHOOKS_THROTTLED, reason)).isEqualTo(1);
        assertThat(metrics.counter(PlatformMetrics.WEBHOOKS_ENQUEUED, "InboundMessage")).isZero();
    }

    private boolean seen(String body) throws Exception {
        var json = JSON.readTree(body);
        return redis.commands().exists(keys.webhookSeen(json.path("locationId").asText(), json.path("webhookId").asText())) > 0;
    }

    private static SqsClient intakeClient(URI endpoint) {
        return IntakeFunction.queueClient().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    private WebhookIntake intake(LeadEventQueue queue, PlatformMetrics metrics) {
        return new WebhookIntake(new SignatureVerifier(GHL.rsaPublicKey(), null), new GhlEventParser(PlatformJson.mapper()),
                new ReplayGuard(redis, keys, Clock.systemUTC(), Duration.ofMinutes(5)), queue, metrics, Clock.systemUTC());
    }

    private APIGatewayV2HTTPResponse post(LeadEventQueue queue, String body) {
        return new WebhookIntakeHandler(intake(queue, metrics), metrics).handleRequest(event(body), null);
    }

    private static APIGatewayV2HTTPEvent event(String body) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        headers.put("x-wh-signature", GHL.rsaSignature(body));
        event.setHeaders(headers);
        event.setBody(body);
        return event;
    }

    private List<Message> drain() {
        return sqs.drain(queueUrl);
    }
}
