package com.jorge.platform.inference.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.inference.InferenceService;
import com.jorge.platform.inference.ServiceSettings;
import com.jorge.platform.inference.TinyOnnxModels;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The KServe v2 API over real HTTP, models from a local-folder registry, the embedding model from its jar. */
class HttpApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final float[] W = {0.5f, -1.25f, 2f};
    private static final float B = 0.1f;

    @TempDir
    static Path registry;
    private static InferenceService service;
    private static HttpClient http;
    private static String base;
    private static final int SLOW_WIDTH = 2048;

    @BeforeAll
    static void start() throws Exception {
        TinyOnnxModels.publish(registry, "lead-score", "1", TinyOnnxModels.logistic(W, B), "\"features\":[\"a\",\"b\",\"c\"]");
        TinyOnnxModels.publish(registry, "strict", "1", TinyOnnxModels.logistic(W, B), "\"allow_nan\": false");
        // one-row requests parse in microseconds while a 2048-wide model runs for milliseconds: 24 requests
        // arrive while the first still runs, so a queue of one must overflow
        TinyOnnxModels.publish(registry, "slow", "1", TinyOnnxModels.slow(SLOW_WIDTH), "");
        service = InferenceService.start(ServiceSettings.fromEnv(Map.ofEntries(
                Map.entry("PORT", "0"), Map.entry("BIND_ADDRESS", "127.0.0.1"),
                Map.entry("MODEL_REGISTRY", registry.toString()), Map.entry("MODELS", "lead-score,strict,slow"),
                Map.entry("OPTIONAL_MODELS", "conversation-lead-score"),
                Map.entry("REGISTRY_POLL_SECONDS", "3600"), Map.entry("INFERENCE_DEVICE", "auto"),
                Map.entry("STRICT_MAX_BATCH_SIZE", "4"), Map.entry("SLOW_MAX_QUEUE_SIZE", "1"),
                Map.entry("SLOW_DYNAMIC_BATCHING", "false"), Map.entry("SLOW_MAX_BATCH_SIZE", "64"),
                Map.entry("MAX_REQUEST_BYTES", String.valueOf(1 << 20)))));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        base = "http://127.0.0.1:" + service.port();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String features(String shape, String datatype, String data) {
        return "{\"inputs\":[{\"name\":\"features\",\"shape\":" + shape + ",\"datatype\":\"" + datatype + "\",\"data\":" + data + "}]}";
    }

    private static void assertError(HttpResponse<String> r, int status, String mentions) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("error").asText()).contains(mentions);
    }

    @Test
    void healthAndServerMetadata() throws Exception {
        assertThat(get("/v2/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/v2/health/ready").statusCode())
                .as("ready although the optional conversation-lead-score was never published").isEqualTo(200);
        assertThat(get("/v2/models/conversation-lead-score/ready").statusCode()).isEqualTo(503);
        JsonNode server = JSON.readTree(get("/v2").body());
        assertThat(server.path("models").toString()).contains("lead-score", "all-minilm-l6-v2");
    }

    @Test
    void modelMetadataReportsShapesAndTheExecutionProviderDecidedAtStartUp() throws Exception {
        HttpResponse<String> r = get("/v2/models/lead-score");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode m = JSON.readTree(r.body());
        assertThat(m.path("name").asText()).isEqualTo("lead-score");
        assertThat(m.path("versions").toString()).isEqualTo("[\"1\"]");
        assertThat(m.path("platform").asText()).isEqualTo("onnxruntime_onnx");
        assertThat(m.path("inputs").get(0).toString()).isEqualTo("{\"name\":\"features\",\"datatype\":\"FP32\",\"shape\":[-1,3]}");
        assertThat(m.path("outputs").get(0).path("name").asText()).isEqualTo("probability");
        // the CPU jar: addCUDA throws, so auto falls back to CPU and says why
        assertThat(m.path("execution_provider").asText()).isEqualTo("CPU");
        assertThat(m.path("execution_provider_detail").asText()).contains("CUDA not usable");
        assertThat(m.path("features").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
        assertThat(get("/v2/models/lead-score/versions/1").statusCode()).isEqualTo(200);
        assertThat(get("/v2/models/lead-score/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void inferReturnsTheModelsProbabilitiesForNestedData() throws Exception {
        float[][] rows = {{1f, 2f, 3f}, {-0.5f, 0.25f, 0f}};
        String body = "{\"id\":\"req-7\",\"inputs\":[{\"name\":\"features\",\"shape\":[2,3],\"datatype\":\"FP32\","
                + "\"data\":[[1,2,3],[-0.5,0.25,0]]}],\"outputs\":[{\"name\":\"probability\"}]}";
        HttpResponse<String> r = post("/v2/models/lead-score/infer", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode res = JSON.readTree(r.body());
        assertThat(res.path("model_name").asText()).isEqualTo("lead-score");
        assertThat(res.path("model_version").asText()).isEqualTo("1");
        assertThat(res.path("id").asText()).isEqualTo("req-7");
        JsonNode out = res.path("outputs").get(0);
        assertThat(out.path("shape").toString()).isEqualTo("[2,1]");
        assertThat(out.path("datatype").asText()).isEqualTo("FP32");
        for (int i = 0; i < 2; i++) {
            assertThat(out.path("data").get(i).asDouble()).isCloseTo(TinyOnnxModels.expected(W, B, rows[i]), within(1e-6));
        }
        HttpResponse<String> versioned = post("/v2/models/lead-score/versions/1/infer", features("[1,3]", "FP32", "[1,2,3]"));
        assertThat(versioned.statusCode()).isEqualTo(200);
    }

    @Test
    void badRequestsAre400WithTheKserveErrorBodyNamingWhatIsWrong() throws Exception {
        assertError(post("/v2/models/lead-score/infer", features("[1,4]", "FP32", "[1,2,3,4]")), 400, "shape [1, 4]");
        assertError(post("/v2/models/lead-score/infer", features("[1,3]", "FP64", "[1,2,3]")), 400, "datatype FP64");
        assertError(post("/v2/models/lead-score/infer", features("[1,3]", "FP32", "[1,2]")), 400, "needs 3 values");
        assertError(post("/v2/models/lead-score/infer", features("[1,3]", "FP32", "[1,\"x\",3]")), 400, "element 1 is not a number");
        assertError(post("/v2/models/lead-score/infer", features("[1,3]", "FP16", "[1,2,3]")), 400, "unsupported datatype");
        assertError(post("/v2/models/lead-score/infer", "{\"inputs\":[{\"name\":\"x\",\"shape\":[1,3],\"datatype\":\"FP32\",\"data\":[1,2,3]}]}"),
                400, "unexpected input 'x'");
        assertError(post("/v2/models/lead-score/infer", "{\"inputs\": [}"), 400, "malformed JSON");
        assertError(post("/v2/models/lead-score/infer", ""), 400, "");
        assertError(post("/v2/models/lead-score/infer", "{\"inputs\":[]}"), 400, "'inputs'");
        assertError(post("/v2/models/lead-score/infer", features("[1,3]", "FP32", "[1,Infinity,3]")), 400, "infinite");
        assertError(post("/v2/models/lead-score/infer", features("[0,3]", "FP32", "[]")), 400, "at least 1");
        assertError(post("/v2/models/lead-score/infer", features("[1,3]", "FP32", "[1,2,3]").replace("}]}", "}],\"outputs\":[{\"name\":\"nope\"}]}")),
                400, "unknown output 'nope'");
        // NaN means "unknown" to the lead-score trees, but the strict model's metadata forbids it
        assertThat(post("/v2/models/lead-score/infer", features("[1,3]", "FP32", "[1,NaN,3]")).statusCode()).isEqualTo(200);
        assertError(post("/v2/models/strict/infer", features("[1,3]", "FP32", "[1,NaN,3]")), 400, "does not take NaN");
        assertError(post("/v2/models/strict/infer", features("[5,3]", "FP32", "[1,2,3,1,2,3,1,2,3,1,2,3,1,2,3]")), 400,
                "exceeds max_batch_size 4");
        assertThat(get("/v2/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownModelsVersionsAndPathsAre404() throws Exception {
        assertError(post("/v2/models/nope/infer", features("[1,3]", "FP32", "[1,2,3]")), 404, "unknown model 'nope'");
        assertError(post("/v2/models/lead-score/versions/9/infer", features("[1,3]", "FP32", "[1,2,3]")), 404, "no version 9");
        assertError(get("/v2/models/nope"), 404, "unknown model");
        assertError(get("/v2/models/..%2F..%2Fetc"), 404, "unknown model");
        assertError(get("/v3/anything"), 404, "no route");
        assertThat(get("/v2/models/lead-score/infer").statusCode()).isEqualTo(405);
    }

    @Test
    void anOversizedBodyIsRefusedAndTheServiceKeepsServing() throws Exception {
        StringBuilder big = new StringBuilder("[");
        for (int i = 0; i < 300_000; i++) {
            big.append(i == 0 ? "" : ",").append("1.0");
        }
        HttpResponse<String> r = post("/v2/models/lead-score/infer", features("[100000,3]", "FP32", big + "]"));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(post("/v2/models/lead-score/infer", features("[1,3]", "FP32", "[1,2,3]")).statusCode()).isEqualTo(200);
    }

    @Test
    void aFullQueueAnswers429WithRetryAfter() throws Exception {
        int rows = 1;
        StringBuilder data = new StringBuilder("[");
        for (int i = 0; i < rows * SLOW_WIDTH; i++) {
            data.append(i == 0 ? "" : ",").append("0.5");
        }
        String body = features("[" + rows + "," + SLOW_WIDTH + "]", "FP32", data + "]");
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            inFlight.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/v2/models/slow/infer"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        int ok = 0;
        int refused = 0;
        for (var f : inFlight) {
            HttpResponse<String> r = f.get();
            if (r.statusCode() == 200) {
                ok++;
            } else {
                assertThat(r.statusCode()).isEqualTo(429);
                assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(r.body()).contains("\"error\"");
                refused++;
            }
        }
        assertThat(ok).isPositive();
        assertThat(refused).isPositive();
    }

    @Test
    void metricsCountRequestsLatencyQueueTimeAndBatchSizePerModelAndVersion() throws Exception {
        assertThat(post("/v2/models/lead-score/infer", features("[1,3]", "FP32", "[1,2,3]")).statusCode()).isEqualTo(200);
        HttpResponse<String> r = get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(r.body())
                .containsPattern("inference_requests_total\\{model=\"lead-score\",outcome=\"success\",version=\"1\"} [1-9]")
                .contains("inference_request_duration_seconds_bucket{model=\"lead-score\",version=\"1\",le=\"0.005\"}")
                .contains("inference_queue_duration_seconds_count{model=\"lead-score\",version=\"1\"}")
                .contains("inference_batch_size_bucket{model=\"lead-score\",version=\"1\",le=\"1.0\"}")
                .contains("inference_execution_provider_info{provider=\"CPU\"} 1");
    }

    @Test
    void embeddingsOverHttpAreNormalisedAndCloserForParaphrases() throws Exception {
        String body = "{\"inputs\":[{\"name\":\"text\",\"shape\":[3],\"datatype\":\"BYTES\",\"data\":["
                + "\"three bedroom house with a pool\",\"3-bed home that has a swimming pool\",\"what time is the open house tomorrow?\"]}]}";
        HttpResponse<String> r = post("/v2/models/all-minilm-l6-v2/infer", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode out = JSON.readTree(r.body()).path("outputs").get(0);
        assertThat(out.path("name").asText()).isEqualTo("embedding");
        assertThat(out.path("shape").toString()).isEqualTo("[3,384]");
        double[][] e = new double[3][384];
        for (int i = 0; i < 3 * 384; i++) {
            e[i / 384][i % 384] = out.path("data").get(i).asDouble();
        }
        for (double[] v : e) {
            assertThat(dot(v, v)).isCloseTo(1.0, within(1e-4));
        }
        assertThat(dot(e[0], e[1])).isGreaterThan(dot(e[0], e[2]) + 0.2);
        assertError(post("/v2/models/all-minilm-l6-v2/infer",
                "{\"inputs\":[{\"name\":\"text\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\"  \"]}]}"), 400, "empty");
        assertError(post("/v2/models/all-minilm-l6-v2/infer",
                "{\"inputs\":[{\"name\":\"text\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1]}]}"), 400, "datatype FP32");
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
