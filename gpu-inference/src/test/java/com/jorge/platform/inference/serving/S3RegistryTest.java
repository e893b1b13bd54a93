package com.jorge.platform.inference.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.jorge.platform.inference.InferenceService;
import com.jorge.platform.inference.ServiceSettings;
import com.jorge.platform.inference.TinyOnnxModels;
import com.jorge.platform.inference.batching.BatchingPolicy;
import com.jorge.platform.inference.metrics.InferenceMetrics;
import com.jorge.platform.inference.model.OnnxSessionFactory;
import com.jorge.platform.inference.protocol.InferRequest;
import com.jorge.platform.inference.protocol.InferenceException.NotFound;
import com.jorge.platform.inference.registry.S3ModelRepository;
import com.jorge.platform.inference.tensor.Datatype;
import com.jorge.platform.inference.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** The registry through the real AWS SDK v2 S3 client against S3Mock, in-process (one per class). */
class S3RegistryTest {

    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false)
            .withInitialBuckets("registry").build();

    private static final float[] W1 = {1f, 0f, 0f};
    private static final float[] W2 = {0f, 1f, 0f};
    private static final float[] ROW = {0.5f, -0.5f, 2f};
    private static final double P1 = TinyOnnxModels.expected(W1, 0, ROW);
    private static final double P2 = TinyOnnxModels.expected(W2, 0, ROW);

    private static S3Client s3;
    private String model;
    private InferenceMetrics metrics;
    private ModelCatalog catalog;
    private RegistrySync sync;

    @BeforeAll
    static void client() {
        s3 = S3_MOCK.createS3ClientV2();
    }

    @BeforeEach
    void fresh(org.junit.jupiter.api.TestInfo info) {
        model = "m-" + info.getTestMethod().orElseThrow().getName().toLowerCase().replaceAll("[^a-z0-9]", "").substring(0, 12)
                + System.nanoTime() % 10_000;
        metrics = new InferenceMetrics();
        catalog = new ModelCatalog(metrics);
        sync = new RegistrySync(new S3ModelRepository(s3, "registry", "models/"), List.of(model),
                m -> BatchingPolicy.defaults(), catalog, new ModelLoader(OnnxSessionFactory.cpu(), metrics));
    }

    @AfterEach
    void close() {
        sync.close();
        catalog.close();
    }

    private void publish(String version, float[] weights) {
        byte[] onnx = TinyOnnxModels.logistic(weights, 0);
        put(model + "/" + version + "/model.onnx", onnx);
        put(model + "/" + version + "/metadata.json", TinyOnnxModels.utf8(
                TinyOnnxModels.metadata(model, version, TinyOnnxModels.sha256(onnx), "\"features\":[\"a\",\"b\",\"c\"]")));
    }

    private void route(String json) {
        put(model + "/live.json", TinyOnnxModels.utf8(json));
    }

    private static void put(String key, byte[] bytes) {
        s3.putObject(PutObjectRequest.builder().bucket("registry").key("models/" + key).build(), RequestBody.fromBytes(bytes));
    }

    private static InferRequest row() {
        return new InferRequest("r", List.of(new Tensor("features", Datatype.FP32, new long[]{1, 3}, ROW.clone())), List.of());
    }

    private record Answer(String version, float probability) {
    }

    private Answer ask(String version) throws Exception {
        var routed = catalog.endpoint(model).orElseThrow().infer(version, row());
        float p = ((float[]) routed.outputs().get(5, TimeUnit.SECONDS).getFirst().data())[0];
        return new Answer(routed.version().version(), p);
    }

    private String scrape() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        return out.toString();
    }

    @Test
    void servesTheLiveVersionAndRefusesOneWhoseChecksumDoesNotMatch() throws Exception {
        publish("1", W1);
        publish("2", W2);
        route("{\"live\": \"1\"}");
        assertThat(sync.syncOnce()).isTrue();
        Answer a = ask(null);
        assertThat(a.version()).isEqualTo("1");
        assertThat((double) a.probability()).isCloseTo(P1, within(1e-6));

        // version 3's bytes are not the ones its metadata names: it must not serve
        byte[] onnx = TinyOnnxModels.logistic(W2, 5);
        put(model + "/3/model.onnx", onnx);
        put(model + "/3/metadata.json", TinyOnnxModels.utf8(TinyOnnxModels.metadata(model, "3",
                TinyOnnxModels.sha256(TinyOnnxModels.logistic(W2, 0)), "")));
        route("{\"live\": \"3\"}");
        assertThat(sync.syncOnce()).isFalse();
        assertThat(ask(null).version()).isEqualTo("1");
        assertThat(scrape()).contains("model_loads_total{model=\"" + model + "\",outcome=\"checksum_mismatch\",version=\"3\"} 1.0");
    }

    @Test
    void withoutALiveMarkerTheNewestVersionServes() throws Exception {
        publish("2", W1);
        publish("10", W2);
        assertThat(sync.syncOnce()).isTrue();
        assertThat(ask(null).version()).isEqualTo("10");
    }

    @Test
    void hotSwapUnderLoadDropsNoRequest() throws Exception {
        publish("1", W1);
        publish("2", W2);
        route("{\"live\": \"1\"}");
        assertThat(sync.syncOnce()).isTrue();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger failures = new AtomicInteger();
        Map<String, AtomicInteger> byVersion = new ConcurrentHashMap<>();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clients.add(Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    try {
                        Answer a = ask(null);
                        double want = a.version().equals("1") ? P1 : P2;
                        if (Math.abs(a.probability() - want) > 1e-6) {
                            failures.incrementAndGet();
                        }
                        byVersion.computeIfAbsent(a.version(), v -> new AtomicInteger()).incrementAndGet();
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        Thread.sleep(300);
        route("{\"live\": \"2\"}");
        assertThat(sync.syncOnce()).isTrue();
        Thread.sleep(300);
        running.set(false);
        for (Thread t : clients) {
            t.join();
        }
        assertThat(failures.get()).isZero();
        assertThat(byVersion.get("1").get()).isPositive();
        assertThat(byVersion.get("2").get()).isPositive();
        assertThat(ask(null).version()).isEqualTo("2");
        assertThatThrownBy(() -> ask("1")).isInstanceOf(NotFound.class); // retired
    }

    @Test
    void canaryTakesItsShareAndShadowIsComparedButNeverReturned() throws Exception {
        publish("1", W1);
        publish("2", W2);
        publish("3", W2);
        route("{\"live\": \"1\", \"canary\": {\"version\": \"2\", \"percent\": 30}, \"shadow\": \"3\"}");
        assertThat(sync.syncOnce()).isTrue();
        int n = 2000;
        int canary = 0;
        for (int i = 0; i < n; i++) {
            Answer a = ask(null);
            assertThat(a.version()).isIn("1", "2");
            canary += a.version().equals("2") ? 1 : 0;
        }
        assertThat(canary / (double) n).isBetween(0.25, 0.35);
        assertThat(ask("3").version()).isEqualTo("3"); // named explicitly, the shadow answers
        Thread.sleep(200);
        String text = scrape();
        assertThat(text).containsPattern("inference_shadow_requests_total\\{model=\"" + model
                + "\",outcome=\"compared\",version=\"3\"} (\\d+)");
        double compared = Double.parseDouble(text.replaceAll("(?s).*inference_shadow_requests_total\\{model=\"" + model
                + "\",outcome=\"compared\",version=\"3\"} ([0-9.E]+).*", "$1"));
        assertThat(compared).isGreaterThan(n * 0.9);
    }

    @Test
    void theServiceStartsFromAnS3RegistryGivenByEnvironment() throws Exception {
        publish("7", W2);
        route("{\"live\": \"7\"}");
        s3.deleteObject(DeleteObjectRequest.builder().bucket("registry").key("models/" + model + "/none").build());
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        ServiceSettings config = ServiceSettings.fromEnv(Map.of(
                "PORT", "0", "BIND_ADDRESS", "127.0.0.1", "MODEL_REGISTRY", "s3://registry/models",
                "S3_ENDPOINT", S3_MOCK.getServiceEndpoint(), "AWS_REGION", "us-east-1", "MODELS", model,
                "EMBEDDING_MODEL", "false", "INFERENCE_DEVICE", "cpu"));
        try (InferenceService service = InferenceService.start(config)) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + service.port();
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            HttpResponse<String> meta = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/models/" + model)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(meta.body()).contains("\"live_version\":\"7\"").contains("\"registry\":\"s3://registry/models/\"");
        }
    }
}
