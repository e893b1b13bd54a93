package com.jorge.platform.leadscore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.inference.InferenceService;
import com.jorge.platform.inference.ServiceSettings;
import com.jorge.platform.models.features.ConversationFeatureSet;
import com.jorge.platform.models.features.InvalidLeadAttributeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** A function's cold start: settings in, the live conversation model out, scoring on the tier or in-process. */
class LeadScoreClientFromConfigTest {

    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false)
            .withInitialBuckets("registry").build();

    private static final Map<String, Object> CONVERSATION = Map.of(
            ConversationFeatureSet.SIDE, "buyer", ConversationFeatureSet.TIMELINE_MONTHS, 2,
            ConversationFeatureSet.PRE_APPROVAL, "yes", ConversationFeatureSet.BUDGET_MAX, 650000,
            ConversationFeatureSet.WANTS_SHOWING, true, ConversationFeatureSet.NAMED_AREA, "true");

    private static S3Client s3;

    @BeforeAll
    static void client() {
        s3 = S3_MOCK.createS3ClientV2();
    }

    private static void put(String key, byte[] bytes) {
        s3.putObject(PutObjectRequest.builder().bucket("registry").key(key).build(), RequestBody.fromBytes(bytes));
    }

    private static void publishLive(String prefix, String model, String version, TestModels.Files files) {
        put(prefix + model + "/" + version + "/model.onnx", files.model());
        put(prefix + model + "/" + version + "/metadata.json", files.metadata());
        put(prefix + model + "/live.json", ("{\"live\": \"" + version + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDefaultsFindTheLiveConversationModelAndWithoutATierScoreInProcess() {
        publishLive("models/", "conversation-lead-score", "2", TestModels.conversation("conversation-lead-score", 0.35, 250, 40));
        List<ScorePath> answered = new CopyOnWriteArrayList<>();

        Optional<LeadScoreClient> made = LeadScoreClient.fromConfig(PlatformConfig.of(Map.of("MODEL_BUCKET", "registry")), s3,
                (path, nanos) -> answered.add(path));

        assertThat(made).isPresent();
        try (LeadScoreClient client = made.get()) {
            assertThat(client.modelName()).isEqualTo("conversation-lead-score");
            assertThat(client.fallbackVersion()).isEqualTo("2");
            assertThat(client.featureSet()).isSameAs(ConversationFeatureSet.INSTANCE);
            assertThat(client.hotThreshold()).isEqualTo(0.35);
            assertThat(client.baseRate()).isEqualTo(40 / 250.0);
            LeadScore score = client.score(CONVERSATION);
            assertThat(score.path()).isEqualTo(ScorePath.IN_PROCESS);
            assertThat(score.modelVersion()).isEqualTo("2");
            assertThat(score.probability()).isCloseTo(TestModels.expectedConversation(CONVERSATION), within(1e-5));
            assertThat(answered).containsExactly(ScorePath.IN_PROCESS);
        }
    }

    @Test
    void noLiveModelMeansNoClient() {
        put("ml/other-model/1/metadata.json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(LeadScoreClient.fromConfig(PlatformConfig.of(Map.of("MODEL_BUCKET", "registry", "MODEL_PREFIX", "ml",
                "LEAD_SCORE_MODEL", "other-model")), s3)).isEmpty();
    }

    @Test
    void aBrokenLiveModelFailsTheColdStartNamingTheObject() {
        TestModels.Files files = TestModels.conversation("broken-model", 0.35, 250, 40);
        publishLive("models/", "broken-model", "1", new TestModels.Files(TestModels.logistic(new float[]{1}, 0),
                files.metadata()));
        assertThatThrownBy(() -> LeadScoreClient.fromConfig(PlatformConfig.of(Map.of("MODEL_BUCKET", "registry",
                "LEAD_SCORE_MODEL", "broken-model")), s3))
                .isInstanceOf(ModelRegistryException.class)
                .hasMessageStartingWith("s3://registry/models/broken-model/1/model.onnx");
    }

    @Test
    void withAnEndpointTheTierAnswersWithTheSameModelAsTheFallback(@TempDir Path folder) throws Exception {
        String model = "conversation-lead-score-tier";
        TestModels.Files files = TestModels.conversation(model, 0.4, 100, 20);
        publishLive("models/", model, "7", files);
        // the tier serves the same files from a folder registry
        Path version = Files.createDirectories(folder.resolve(model).resolve("7"));
        Files.write(version.resolve("model.onnx"), files.model());
        Files.write(version.resolve("metadata.json"), files.metadata());
        Files.writeString(folder.resolve(model).resolve("live.json"), "{\"live\": \"7\"}");
        try (InferenceService tier = InferenceService.start(ServiceSettings.fromEnv(Map.of("PORT", "0",
                "BIND_ADDRESS", "127.0.0.1", "MODEL_REGISTRY", folder.toString(), "MODELS", model,
                "EMBEDDING_MODEL", "false", "INFERENCE_DEVICE", "cpu", "REGISTRY_POLL_SECONDS", "3600")));
             // a generous deadline: this JVM is cold, and the assertion is about the answer, not the speed
             LeadScoreClient client = LeadScoreClient.fromConfig(PlatformConfig.of(Map.of("MODEL_BUCKET", "registry",
                     "LEAD_SCORE_MODEL", model, "LEAD_SCORE_ENDPOINT", "http://127.0.0.1:" + tier.port(),
                     "LEAD_SCORE_TIMEOUT_MS", "2000")), s3).orElseThrow()) {
            client.score(CONVERSATION); // the first call opens the connection
            LeadScore remote = client.score(CONVERSATION);
            assertThat(remote.path()).isEqualTo(ScorePath.REMOTE);
            assertThat(remote.modelVersion()).isEqualTo("7");
            assertThat(remote.probability()).isCloseTo(TestModels.expectedConversation(CONVERSATION), within(1e-5));

            long calls = client.metrics().count(ScorePath.REMOTE);
            assertThatThrownBy(() -> client.score(Map.of(ConversationFeatureSet.BEDROOMS, 400)))
                    .isInstanceOf(InvalidLeadAttributeException.class)
                    .extracting(e -> ((InvalidLeadAttributeException) e).field()).isEqualTo(ConversationFeatureSet.BEDROOMS);
            assertThat(client.metrics().count(ScorePath.REMOTE)).isEqualTo(calls);
        }
    }
}
