package com.jorge.platform.inference.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.jorge.platform.inference.batching.BatchingPolicy;
import com.jorge.platform.inference.metrics.InferenceMetrics;
import com.jorge.platform.inference.model.OnnxSessionFactory;
import com.jorge.platform.inference.protocol.InferRequest;
import com.jorge.platform.inference.registry.LocalFolderModelRepository;
import com.jorge.platform.inference.tensor.Datatype;
import com.jorge.platform.inference.tensor.Tensor;
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

/** The lead-score model models/ commits, served through the folder registry. */
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
}
