package com.jorge.platform.leadscore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.jorge.platform.inference.InferenceService;
import com.jorge.platform.inference.ServiceSettings;
import com.jorge.platform.models.features.BankMarketingFeatureSet;
import com.jorge.platform.models.features.InvalidLeadAttributeException;
import com.jorge.platform.models.features.LeadAttributes;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LeadScoreClientTest {

    /** A lead with unknowns: NaN must cross the wire and be accepted by the tier. */
    private static final LeadAttributes LEAD = LeadAttributes.fromMap(Map.of("age", 35, "job", "technician",
            "marital", "single", "campaign", 1, "pdays", 999, "previous", 0, "euribor3m", 4.9));

    private static InferenceService tier;
    private static InProcessLeadScorer reference;
    private HttpServer sick;
    private final AtomicInteger hits = new AtomicInteger();

    @BeforeAll
    static void startTier() throws Exception {
        tier = InferenceService.start(ServiceSettings.fromEnv(Map.of("PORT", "0", "BIND_ADDRESS", "127.0.0.1",
                "MODEL_REGISTRY", "../../models/artifacts", "MODELS", "lead-score", "EMBEDDING_MODEL", "false",
                "INFERENCE_DEVICE", "cpu", "REGISTRY_POLL_SECONDS", "3600")));
        reference = InProcessLeadScorer.bundled(InProcessLeadScorer.BUNDLED_VERSION);
    }

    @AfterAll
    static void stopTier() {
        tier.close();
        reference.close();
    }

    @AfterEach
    void stopSick() {
        if (sick != null) {
            sick.stop(0);
        }
    }

    /** A real HTTP server that answers the n-th call (1-based) with the status and body given. */
    private URI sickTier(IntFunction<Object[]> reply) throws IOException {
        sick = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sick.createContext("/", exchange -> {
            int n = hits.incrementAndGet();
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            Object[] r = reply.apply(n);
            if (r[0] instanceof Long sleep) {
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                r = new Object[]{200, "{}"};
            }
            byte[] body = ((String) r[1]).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders((Integer) r[0], body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        sick.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        sick.start();
        return URI.create("http://127.0.0.1:" + sick.getAddress().getPort());
    }

    private static LeadScoreClient client(URI endpoint) {
        return new LeadScoreClient(LeadScoreClientSettings.defaults(endpoint),
                InProcessLeadScorer.bundled(InProcessLeadScorer.BUNDLED_VERSION), new ScoreMetrics((p, n) -> { }));
    }

    @Test
    void aHealthyTierAnswersWithTheSameProbabilityAsTheInProcessModel() {
        // a generous deadline: this JVM is cold, and the assertion is about the answer, not the speed
        try (LeadScoreClient client = new LeadScoreClient(LeadScoreClientSettings.defaults(
                URI.create("http://127.0.0.1:" + tier.port())).withAttemptTimeout(Duration.ofSeconds(2)),
                InProcessLeadScorer.bundled("1"), new ScoreMetrics((p, n) -> { }))) {
            client.score(LEAD); // first call opens the connection
            LeadScore score = client.score(LEAD);
            assertThat(score.path()).isEqualTo(ScorePath.REMOTE);
            assertThat(score.modelVersion()).isEqualTo("1");
            assertThat(score.probability()).isCloseTo(reference.score(LEAD), within(1e-6));
            assertThat(client.metrics().count(ScorePath.REMOTE)).isEqualTo(2);
        }
    }

    @Test
    void aMapOfAttributesIsScoredOnTheTierWithTheFallbacksFeatureSet() {
        Map<String, Object> lead = Map.of("age", 61, "job", "retired", "pdays", 3, "previous", 2, "euribor3m", 0.9);
        try (LeadScoreClient client = new LeadScoreClient(LeadScoreClientSettings.defaults(
                URI.create("http://127.0.0.1:" + tier.port())).withAttemptTimeout(Duration.ofSeconds(2)),
                InProcessLeadScorer.bundled("1"), new ScoreMetrics((p, n) -> { }))) {
            client.score(lead);
            LeadScore score = client.score(lead);
            assertThat(score.path()).isEqualTo(ScorePath.REMOTE);
            assertThat(score.probability()).isCloseTo(reference.score(lead), within(1e-6));
            assertThat(score.probability()).isCloseTo(client.score(LeadAttributes.fromMap(lead)).probability(), within(1e-6));
        }
    }

    @Test
    void invalidAttributesAreRefusedBeforeTheTierIsCalled() throws Exception {
        URI counting = sickTier(n -> new Object[]{500, "{}"});
        try (LeadScoreClient client = client(counting)) {
            assertThatThrownBy(() -> client.score(Map.of("age", 35, "colour", "red")))
                    .isInstanceOf(InvalidLeadAttributeException.class)
                    .extracting(e -> ((InvalidLeadAttributeException) e).field()).isEqualTo("colour");
            assertThatThrownBy(() -> client.score(Map.of("age", -4)))
                    .isInstanceOf(InvalidLeadAttributeException.class)
                    .extracting(e -> ((InvalidLeadAttributeException) e).field()).isEqualTo("age");
            assertThat(hits.get()).isZero();
            assertThat(client.metrics().snapshot().values()).containsOnly(0L);
        }
    }

    @Test
    void withoutATierEveryScoreIsInProcessAndCountedSo() {
        try (LeadScoreClient client = new LeadScoreClient(LeadScoreClientSettings.inProcessOnly(InProcessLeadScorer.BUNDLED_MODEL),
                InProcessLeadScorer.bundled("1"), new ScoreMetrics((p, n) -> { }))) {
            LeadScore score = client.score(LEAD.toMap());
            assertThat(score).isEqualTo(new LeadScore(reference.score(LEAD), "1", ScorePath.IN_PROCESS));
            assertThat(client.score(LEAD).path()).isEqualTo(ScorePath.IN_PROCESS);
            assertThat(client.metrics().count(ScorePath.IN_PROCESS)).isEqualTo(2);
            assertThat(client.metrics().count(ScorePath.FALLBACK_AFTER_ERROR)).isZero();
            assertThat(ScorePath.IN_PROCESS.remote()).isFalse();
            assertThat(ScorePath.IN_PROCESS.fallback()).isFalse();
        }
    }

    @Test
    void theClientExposesTheModelFactsABotReadsAProbabilityWith() throws Exception {
        var metadata = TestModels.bundledBank().metadataTree();
        try (LeadScoreClient client = client(URI.create("http://127.0.0.1:1"))) {
            assertThat(client.featureSet()).isSameAs(BankMarketingFeatureSet.INSTANCE);
            assertThat(client.modelName()).isEqualTo(metadata.get("name").asText());
            assertThat(client.fallbackVersion()).isEqualTo(metadata.get("version").asText());
            assertThat(client.hotThreshold()).isEqualTo(metadata.get("hot_threshold").asDouble());
            assertThat(client.baseRate()).isEqualTo(metadata.at("/metrics/positives").asDouble()
                    / metadata.at("/metrics/rows").asDouble());
        }
    }

    @Test
    void aFallbackThatIsAnotherModelThanTheTiersIsRefused() {
        try (InProcessLeadScorer bank = InProcessLeadScorer.bundled("1")) {
            assertThatThrownBy(() -> new LeadScoreClient(LeadScoreClientSettings.defaults(URI.create("http://127.0.0.1:1"),
                    "conversation-lead-score"), bank, new ScoreMetrics((p, n) -> { })))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conversation-lead-score")
                    .hasMessageContaining("'lead-score'");
        }
    }

    @Test
    void aSlowTierTimesOutTwiceThenTheFallbackAnswersWithinTheBudget() throws Exception {
        URI slow = sickTier(n -> new Object[]{300L});
        try (LeadScoreClient client = client(slow)) {
            long start = System.nanoTime();
            LeadScore score = client.score(LEAD);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(score.path()).isEqualTo(ScorePath.FALLBACK_AFTER_ERROR);
            assertThat(score.probability()).isEqualTo((double) reference.scoreRows(
                    com.jorge.platform.models.features.LeadFeatureEncoder.encode(LEAD), 1)[0]);
            assertThat(millis).isLessThan(250); // two 50 ms attempts plus the local score, with slack for a busy CI
            assertThat(hits.get()).isEqualTo(2);
        }
    }

    @Test
    void a5xxIsRetriedOnceAndTheRetryCanAnswer() throws Exception {
        String ok = "{\"model_name\":\"lead-score\",\"model_version\":\"9\",\"outputs\":[{\"name\":\"probability\","
                + "\"shape\":[1,1],\"datatype\":\"FP32\",\"data\":[0.25]}]}";
        URI flaky = sickTier(n -> n == 1 ? new Object[]{503, "{\"error\":\"busy\"}"} : new Object[]{200, ok});
        try (LeadScoreClient client = client(flaky)) {
            LeadScore score = client.score(LEAD);
            assertThat(score).isEqualTo(new LeadScore(0.25, "9", ScorePath.REMOTE_AFTER_RETRY));
            assertThat(hits.get()).isEqualTo(2);
        }
    }

    @Test
    void a4xxOr429IsNotRetriedAndAGarbledOrUnversionedReplyFallsBack() throws Exception {
        URI refusing = sickTier(n -> switch (n) {
            case 1 -> new Object[]{400, "{\"error\":\"shape\"}"};
            case 2 -> new Object[]{429, "{\"error\":\"queue full\"}"};
            case 3 -> new Object[]{200, "{\"outputs\":[{\"name\":\"probability\",\"data\":[0.5]}]}"}; // no model_version
            default -> new Object[]{200, "{\"model_version\":\"1\",\"outputs\":[{\"name\":\"probability\",\"data\":[7.5]}]}"};
        });
        // a generous deadline: a cold JVM's first call may pass 50 ms, and a timeout is retried by design
        try (LeadScoreClient client = new LeadScoreClient(LeadScoreClientSettings.defaults(refusing)
                .withAttemptTimeout(Duration.ofSeconds(2)), InProcessLeadScorer.bundled(InProcessLeadScorer.BUNDLED_VERSION),
                new ScoreMetrics((p, n) -> { }))) {
            for (int i = 0; i < 4; i++) {
                assertThat(client.score(LEAD).path()).isEqualTo(ScorePath.FALLBACK_AFTER_ERROR);
            }
            assertThat(hits.get()).isEqualTo(4);
        }
    }

    @Test
    void theBreakerOpensOnAFailingTierAndStopsCallingIt() throws Exception {
        URI down = sickTier(n -> new Object[]{500, "{\"error\":\"down\"}"});
        try (LeadScoreClient client = client(down)) {
            for (int i = 0; i < 5; i++) {
                client.score(LEAD); // 2 attempts each: 10 failures open the breaker
            }
            assertThat(client.breakerState()).isEqualTo("OPEN");
            int before = hits.get();
            for (int i = 0; i < 20; i++) {
                assertThat(client.score(LEAD).path()).isEqualTo(ScorePath.FALLBACK_CIRCUIT_OPEN);
            }
            assertThat(hits.get()).isEqualTo(before);
            assertThat(client.metrics().count(ScorePath.FALLBACK_CIRCUIT_OPEN)).isEqualTo(20);
        }
    }

    @Test
    void nothingListeningFallsBackAtOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (LeadScoreClient client = new LeadScoreClient(
                LeadScoreClientSettings.defaults(URI.create("http://127.0.0.1:" + port)).withAttemptTimeout(Duration.ofMillis(50)),
                InProcessLeadScorer.bundled("1"), new ScoreMetrics((p, n) -> { }))) {
            assertThat(client.score(LEAD).path()).isEqualTo(ScorePath.FALLBACK_AFTER_ERROR);
        }
    }

    @Test
    void aTamperedModelIsNotLoaded() throws Exception {
        byte[] model;
        byte[] metadata;
        try (InputStream m = getClass().getResourceAsStream("/models/lead-score/1/model.onnx");
             InputStream j = getClass().getResourceAsStream("/models/lead-score/1/metadata.json")) {
            model = m.readAllBytes();
            metadata = j.readAllBytes();
        }
        model[model.length / 2] ^= 1;
        assertThatThrownBy(() -> InProcessLeadScorer.load("1", model, metadata))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sha256");
    }
}
