package com.jorge.platform.inference.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.inference.TinyOnnxModels;
import com.jorge.platform.inference.batching.BatchingPolicy;
import com.jorge.platform.inference.metrics.InferenceMetrics;
import com.jorge.platform.inference.model.OnnxSessionFactory;
import com.jorge.platform.inference.protocol.InferRequest;
import com.jorge.platform.inference.registry.LocalFolderModelRepository;
import com.jorge.platform.inference.tensor.Datatype;
import com.jorge.platform.inference.tensor.Tensor;
import com.jorge.platform.models.features.ConversationFeatureSet;
import com.jorge.platform.models.features.LeadAttributes;
import com.jorge.platform.models.features.LeadFeatureEncoder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lead-score model models/ commits, served through the folder registry, beside a model on the
 * conversation feature set (conversation-lead-score); each is refused when its metadata or graph does
 * not match a feature set this build links.
 */
class LeadScoreArtifactTest {

    static final Path ARTIFACTS = Path.of("../models/artifacts");

    private final InferenceMetrics metrics = new InferenceMetrics();
    private final ModelLoader loader = new ModelLoader(OnnxSessionFactory.cpu(), metrics);

    @Test
    void theCommittedModelLoadsAndAnswersAsOnnxRuntimeDoesDirectly() throws Exception {
        LeadAttributes lead = LeadAttributes.fromMap(Map.of("age", 41, "job", "management", "marital", "married",
                "education", "university.degree", "campaign", 2, "pdays", 999, "previous", 0,
                "emp.var.rate", -1.8, "euribor3m", 1.3));
        float[] row = LeadFeatureEncoder.encode(lead);
        assertThat(row).contains(Float.NaN); // never contacted before: the trees read NaN as unknown
        try (ModelCatalog catalog = new ModelCatalog(metrics);
             RegistrySync sync = new RegistrySync(new LocalFolderModelRepository(ARTIFACTS), List.of("lead-score"),
                     m -> BatchingPolicy.defaults(), catalog, loader)) {
            assertThat(sync.syncOnce()).isTrue();
            var routed = catalog.endpoint("lead-score").orElseThrow().infer(null, new InferRequest(null,
                    List.of(new Tensor("features", Datatype.FP32, new long[]{1, row.length}, row)), List.of("probability")));
            float served = ((float[]) routed.outputs().get(5, TimeUnit.SECONDS).getFirst().data())[0];

            var env = OrtEnvironment.getEnvironment();
            try (OrtSession direct = env.createSession(Files.readAllBytes(ARTIFACTS.resolve("lead-score/1/model.onnx")));
                 OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(row), new long[]{1, row.length});
                 OrtSession.Result r = direct.run(Map.of("features", in))) {
                float expected = ((float[][]) r.get("probability").orElseThrow().getValue())[0][0];
                assertThat(served).isEqualTo(expected).isBetween(0f, 1f);
            }
        }
    }

    @Test
    void aModelTrainedOnAnotherEncoderIsRefused(@TempDir Path registry) throws Exception {
        Path version = Files.createDirectories(registry.resolve("lead-score/2"));
        Files.copy(ARTIFACTS.resolve("lead-score/1/model.onnx"), version.resolve("model.onnx"));
        Files.writeString(version.resolve("metadata.json"), Files.readString(ARTIFACTS.resolve("lead-score/1/metadata.json"))
                .replace("\"lead-features/1\"", "\"lead-features/0\""));
        var repository = new LocalFolderModelRepository(registry);
        assertThatThrownBy(() -> loader.load(repository, "lead-score", "2", BatchingPolicy.defaults()))
                .isInstanceOf(ModelLoader.LoadFailure.class).hasMessageContaining("encoder lead-features/0");
    }

    private static final ConversationFeatureSet CONVERSATION = ConversationFeatureSet.INSTANCE;

    /** Known weights over the conversation features, so the test computes the served answer itself. */
    private static float[] conversationWeights() {
        float[] w = new float[CONVERSATION.featureCount()];
        w[CONVERSATION.featureNames().indexOf("wants_call")] = 1.5f;
        w[CONVERSATION.featureNames().indexOf("pre_approval=yes")] = 1.0f;
        w[CONVERSATION.featureNames().indexOf("has_agent")] = -3f;
        return w;
    }

    /** metadata.json as models/ writes it for a conversation model, with the given encoder fields. */
    private static String conversationMetadataFields(String encoder, List<String> features, int columns)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        return "\"encoder\":" + json.writeValueAsString(encoder) + ",\"features\":" + json.writeValueAsString(features)
                + ",\"input\":{\"name\":\"features\",\"datatype\":\"FP32\",\"shape\":[-1," + columns + "]}";
    }

    @Test
    void aConversationModelServesBesideTheBankModel(@TempDir Path registry) throws Exception {
        Path bank = Files.createDirectories(registry.resolve("lead-score/1"));
        for (String file : List.of("model.onnx", "metadata.json")) {
            Files.copy(ARTIFACTS.resolve("lead-score/1").resolve(file), bank.resolve(file));
        }
        float[] weights = conversationWeights();
        TinyOnnxModels.publish(registry, "conversation-lead-score", "1", TinyOnnxModels.logistic(weights, -2f),
                conversationMetadataFields(ConversationFeatureSet.VERSION, CONVERSATION.featureNames(),
                        CONVERSATION.featureCount()));
        float[] conversationRow = CONVERSATION.encode(Map.of("side", "buyer", "pre_approval", "yes",
                "wants_call", true, "timeline_months", 2));
        float[] bankRow = LeadFeatureEncoder.encode(LeadAttributes.fromMap(Map.of("age", 41, "pdays", 999)));

        try (ModelCatalog catalog = new ModelCatalog(metrics);
             RegistrySync sync = new RegistrySync(new LocalFolderModelRepository(registry),
                     List.of("lead-score", "conversation-lead-score"), m -> BatchingPolicy.defaults(), catalog, loader)) {
            assertThat(sync.syncOnce()).isTrue();
            float conversation = probability(catalog, "conversation-lead-score", conversationRow);
            assertThat((double) conversation).isCloseTo(TinyOnnxModels.expected(weights, -2f, conversationRow),
                    org.assertj.core.api.Assertions.within(1e-6));
            assertThat(probability(catalog, "lead-score", bankRow)).isBetween(0f, 1f);
            assertThatThrownBy(() -> probability(catalog, "conversation-lead-score", bankRow))
                    .as("a bank-marketing row is the wrong width for the conversation model")
                    .hasMessageContaining("shape [1, 43], model expects [-1, " + CONVERSATION.featureCount() + "]");
        }
    }

    @Test
    void anOptionalModelNeverHoldsReadinessBackAndIsServedOncePublished(@TempDir Path registry) throws Exception {
        Path bank = Files.createDirectories(registry.resolve("lead-score/1"));
        for (String file : List.of("model.onnx", "metadata.json")) {
            Files.copy(ARTIFACTS.resolve("lead-score/1").resolve(file), bank.resolve(file));
        }
        float[] row = CONVERSATION.encode(Map.of("side", "seller", "wants_call", true));
        try (ModelCatalog catalog = new ModelCatalog(metrics);
             RegistrySync sync = new RegistrySync(new LocalFolderModelRepository(registry), List.of("lead-score"),
                     List.of("conversation-lead-score"), m -> BatchingPolicy.defaults(), catalog, loader)) {
            // day one: the team has no conversation model yet, and the tier is ready all the same
            assertThat(sync.syncOnce()).isTrue();
            assertThat(catalog.ready()).isTrue();
            assertThatThrownBy(() -> probability(catalog, "conversation-lead-score", row))
                    .hasMessageContaining("has no version loaded yet");

            TinyOnnxModels.publish(registry, "conversation-lead-score", "1",
                    TinyOnnxModels.logistic(conversationWeights(), -2f),
                    conversationMetadataFields(ConversationFeatureSet.VERSION, CONVERSATION.featureNames(),
                            CONVERSATION.featureCount()));
            assertThat(sync.syncOnce()).isTrue();
            assertThat((double) probability(catalog, "conversation-lead-score", row))
                    .isCloseTo(TinyOnnxModels.expected(conversationWeights(), -2f, row), org.assertj.core.api.Assertions.within(1e-6));
        }
        try (ModelCatalog catalog = new ModelCatalog(metrics);
             RegistrySync sync = new RegistrySync(new LocalFolderModelRepository(registry), List.of("conversation-lead-score"),
                     m -> BatchingPolicy.defaults(), catalog, loader)) {
            Files.walk(registry.resolve("conversation-lead-score")).sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
            assertThat(sync.syncOnce()).as("a required model that is missing still fails the sync").isFalse();
            assertThat(catalog.ready()).isFalse();
        }
    }

    private static float probability(ModelCatalog catalog, String model, float[] row) throws Exception {
        var routed = catalog.endpoint(model).orElseThrow().infer(null, new InferRequest(null,
                List.of(new Tensor("features", Datatype.FP32, new long[]{1, row.length}, row)), List.of("probability")));
        return ((float[]) routed.outputs().get(5, TimeUnit.SECONDS).getFirst().data())[0];
    }

    @Test
    void aConversationModelWhoseShapeOrFeaturesDisagreeIsRefused(@TempDir Path registry) throws Exception {
        var repository = new LocalFolderModelRepository(registry);
        int columns = CONVERSATION.featureCount();
        // the graph reads bank-marketing rows while its metadata claims the conversation set
        TinyOnnxModels.publish(registry, "conversation-lead-score", "1", TinyOnnxModels.logistic(new float[43], 0f),
                conversationMetadataFields(ConversationFeatureSet.VERSION, CONVERSATION.featureNames(), columns));
        assertThatThrownBy(() -> loader.load(repository, "conversation-lead-score", "1", BatchingPolicy.defaults()))
                .isInstanceOf(ModelLoader.LoadFailure.class)
                .hasMessageContaining("encoder conversation-features/1 needs one FP32 input [-1, " + columns + "]");

        TinyOnnxModels.publish(registry, "conversation-lead-score", "2", TinyOnnxModels.logistic(new float[columns], 0f),
                conversationMetadataFields(ConversationFeatureSet.VERSION, CONVERSATION.featureNames(), 43));
        assertThatThrownBy(() -> loader.load(repository, "conversation-lead-score", "2", BatchingPolicy.defaults()))
                .hasMessageContaining("metadata input shape [-1,43] is not [-1, " + columns + "]");

        TinyOnnxModels.publish(registry, "conversation-lead-score", "3", TinyOnnxModels.logistic(new float[columns], 0f),
                conversationMetadataFields(ConversationFeatureSet.VERSION, LeadFeatureEncoder.FEATURE_NAMES, columns));
        assertThatThrownBy(() -> loader.load(repository, "conversation-lead-score", "3", BatchingPolicy.defaults()))
                .hasMessageContaining("feature names differ from conversation-features/1");

        TinyOnnxModels.publish(registry, "conversation-lead-score", "4", TinyOnnxModels.logistic(new float[columns], 0f),
                conversationMetadataFields("conversation-features/2", CONVERSATION.featureNames(), columns));
        assertThatThrownBy(() -> loader.load(repository, "conversation-lead-score", "4", BatchingPolicy.defaults()))
                .hasMessageContaining("encoder conversation-features/2")
                .hasMessageContaining("this build links [lead-features/1, conversation-features/1]");
        var scrape = new java.io.ByteArrayOutputStream();
        metrics.write(scrape);
        assertThat(scrape.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("model_loads_total{model=\"conversation-lead-score\",outcome=\"encoder_mismatch\",version=\"1\"} 1")
                .doesNotContain("outcome=\"loaded\"");
    }
}
