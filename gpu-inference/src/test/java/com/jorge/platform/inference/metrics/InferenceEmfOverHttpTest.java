package com.jorge.platform.inference.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.inference.InferenceService;
import com.jorge.platform.inference.ServiceSettings;
import com.jorge.platform.inference.TinyOnnxModels;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real requests through the service (local-folder registry: lead-score live 1, canary 2 at 40 %,
 * shadow 3; a slow model with a queue of one), then its EMF lines parsed and checked against the
 * specification and against the traffic that was sent.
 */
class InferenceEmfOverHttpTest {

    private static final float[] W = {0.5f, -1.25f, 2f};
    private static final int SLOW_WIDTH = 2048;

    @TempDir
    static Path registry;
    private static final List<String> emf = Collections.synchronizedList(new ArrayList<>());
    private static InferenceService service;
    private static HttpClient http;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        for (String v : List.of("1", "2", "3")) {
            TinyOnnxModels.publish(registry, "lead-score", v, TinyOnnxModels.logistic(W, 0.1f * Integer.parseInt(v)),
                    "\"features\":[\"a\",\"b\",\"c\"]");
        }
        Files.writeString(registry.resolve("lead-score").resolve("live.json"),
                "{\"live\": \"1\", \"canary\": {\"version\": \"2\", \"percent\": 40}, \"shadow\": \"3\"}");
        TinyOnnxModels.publish(registry, "slow", "1", TinyOnnxModels.slow(SLOW_WIDTH), "");
        service = InferenceService.start(ServiceSettings.fromEnv(Map.ofEntries(
                Map.entry("PORT", "0"), Map.entry("BIND_ADDRESS", "127.0.0.1"), Map.entry("EMBEDDING_MODEL", "false"),
                Map.entry("MODEL_REGISTRY", registry.toString()), Map.entry("MODELS", "lead-score,slow"),
                Map.entry("REGISTRY_POLL_SECONDS", "3600"), Map.entry("INFERENCE_DEVICE", "cpu"),
                Map.entry("SLOW_MAX_QUEUE_SIZE", "1"), Map.entry("SLOW_DYNAMIC_BATCHING", "false"),
                Map.entry("EMF_FLUSH_SECONDS", "3600"))), emf::add);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        base = "http://127.0.0.1:" + service.port();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(request(path, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String features(String shape, String data) {
        return "{\"inputs\":[{\"name\":\"features\",\"shape\":" + shape + ",\"datatype\":\"FP32\",\"data\":" + data + "}]}";
    }

    /** Sums of what the EMF lines said, per model/version/role. */
    private record Seen(long requests, long errors, long latencySamples, List<List<String>> dimensions) {
    }

    private static Map<String, Seen> totals(List<JsonNode> docs) {
        Map<String, Seen> out = new HashMap<>();
        for (JsonNode d : docs) {
            if (!d.has("Model")) {
                continue;
            }
            String key = d.path("Model").asText() + "/" + d.path("ModelVersion").asText() + "/" + d.path("Role").asText();
            long samples = 0;
            JsonNode counts = d.path("InferenceLatency").path("Counts");
            for (JsonNode c : counts) {
                samples += c.asLong();
            }
            List<List<String>> dims = new ArrayList<>();
            for (JsonNode set : d.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions")) {
                List<String> names = new ArrayList<>();
                set.forEach(n -> names.add(n.asText()));
                dims.add(names);
            }
            Seen before = out.get(key);
            out.put(key, new Seen((before == null ? 0 : before.requests()) + d.path("InferenceRequests").asLong(),
                    (before == null ? 0 : before.errors()) + d.path("InferenceErrors").asLong(),
                    (before == null ? 0 : before.latencySamples()) + samples, dims));
        }
        return out;
    }

    @Test
    void requestsErrorsAndLatencyPerVersionMatchTheTrafficSent() throws Exception {
        Instant startedAt = Instant.now();
        service.flushMetrics();
        emf.clear();

        int routed = 40;
        Map<String, Integer> answeredBy = new HashMap<>();
        for (int i = 0; i < routed; i++) {
            var r = post("/v2/models/lead-score/infer", features("[1,3]", "[1," + i + ",3]"));
            assertThat(r.statusCode()).isEqualTo(200);
            String version = EmfSpec.JSON.readTree(r.body()).path("model_version").asText();
            answeredBy.merge(version, 1, Integer::sum);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(post("/v2/models/lead-score/versions/1/infer", features("[1,3]", "[1,2,3]")).statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(post("/v2/models/lead-score/versions/2/infer", features("[1,3]", "[1,2,3]")).statusCode()).isEqualTo(200);
        }
        // the client's mistakes: counted as requests to the version that refused them, never as its errors
        assertThat(post("/v2/models/lead-score/versions/1/infer", features("[1,2]", "[1,2]")).statusCode()).isEqualTo(400);
        assertThat(post("/v2/models/lead-score/versions/1/infer", features("[1,3]", "[1,Infinity,3]")).statusCode()).isEqualTo(400);
        // malformed JSON and an unknown model reach no version: no line counts them
        assertThat(post("/v2/models/lead-score/infer", "{\"inputs\": [").statusCode()).isEqualTo(400);
        assertThat(post("/v2/models/nope/infer", features("[1,3]", "[1,2,3]")).statusCode()).isEqualTo(404);

        // a queue of one under a burst: the refused ones are errors of that version (the service could not serve them)
        StringBuilder row = new StringBuilder("[");
        for (int i = 0; i < SLOW_WIDTH; i++) {
            row.append(i == 0 ? "" : ",").append("0.5");
        }
        String slowBody = features("[1," + SLOW_WIDTH + "]", row + "]");
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            burst.add(http.sendAsync(request("/v2/models/slow/infer", slowBody), HttpResponse.BodyHandlers.ofString()));
        }
        int slowOk = 0;
        int slowRefused = 0;
        for (var f : burst) {
            int status = f.join().statusCode();
            slowOk += status == 200 ? 1 : 0;
            slowRefused += status == 429 ? 1 : 0;
        }
        assertThat(slowOk + slowRefused).isEqualTo(24);
        assertThat(slowRefused).as("the burst overflowed the queue").isPositive();

        // shadow copies finish after the callers got their answers: flush until all 40 are in
        List<JsonNode> docs = new ArrayList<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        do {
            service.flushMetrics();
            docs.addAll(EmfSpec.parseValid(List.copyOf(emf)));
            emf.clear();
            Seen shadow = totals(docs).get("lead-score/3/shadow");
            if (shadow != null && shadow.requests() == routed) {
                break;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        Instant flushedBy = Instant.now();

        for (JsonNode d : docs) {
            assertThat(d.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText()).isEqualTo("JorgePlatform");
            assertThat(d.path("_aws").path("Timestamp").asLong()).isBetween(startedAt.toEpochMilli(), flushedBy.toEpochMilli());
            assertThat(d.path("Service").asText()).isEqualTo("gpu-inference");
            for (JsonNode m : d.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics")) {
                assertThat(m.path("Unit").asText()).isEqualTo(switch (m.path("Name").asText()) {
                    case "InferenceLatency" -> "Milliseconds";
                    default -> "Count";
                });
            }
        }
        Map<String, Seen> seen = totals(docs);
        int live = answeredBy.getOrDefault("1", 0);
        int canary = answeredBy.getOrDefault("2", 0);
        assertThat(live + canary).isEqualTo(routed);
        assertThat(live).as("40 %% canary leaves some to live").isPositive();
        assertThat(canary).as("and some to the canary").isPositive();

        List<List<String>> versionDims = List.of(List.of("Model", "ModelVersion"), List.of("Model"));
        assertThat(seen.get("lead-score/1/live")).isEqualTo(new Seen(live, 0, live, versionDims));
        assertThat(seen.get("lead-score/2/canary")).isEqualTo(new Seen(canary, 0, canary, versionDims));
        assertThat(seen.get("lead-score/1/named")).isEqualTo(new Seen(5 + 2, 0, 5, versionDims));
        assertThat(seen.get("lead-score/2/named")).isEqualTo(new Seen(3, 0, 3, versionDims));
        assertThat(seen.get("lead-score/3/shadow")).as("every routed request mirrored, under its own dimension set")
                .isEqualTo(new Seen(routed, 0, routed, List.of(List.of("Model", "ModelVersion", "Role"))));
        assertThat(seen.get("slow/1/live")).isEqualTo(new Seen(24, slowRefused, slowOk, versionDims));
        assertThat(seen).containsOnlyKeys("lead-score/1/live", "lead-score/2/canary", "lead-score/1/named",
                "lead-score/2/named", "lead-score/3/shadow", "slow/1/live");

        // latency values are milliseconds: the tiny model answers in well under a second, and not in zero time
        for (JsonNode d : docs) {
            for (JsonNode v : d.path("InferenceLatency").path("Values")) {
                assertThat(v.asDouble()).isBetween(0.0005, 5_000.0);
            }
        }
        List<JsonNode> queue = docs.stream().filter(d -> d.has("InferenceQueueDepth")).toList();
        assertThat(queue).isNotEmpty().allSatisfy(q -> {
            assertThat(q.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString()).isEqualTo("[[\"Service\"]]");
            assertThat(q.path("InferenceQueueDepthMax").asDouble()).isGreaterThanOrEqualTo(q.path("InferenceQueueDepth").asDouble());
            assertThat(q.path("InferenceQueueDepth").asDouble()).isGreaterThanOrEqualTo(0);
        });
    }
}
