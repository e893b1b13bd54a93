package com.jorge.platform.inference.serving;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.inference.batching.BatchingPolicy;
import com.jorge.platform.inference.batching.DynamicBatcher;
import com.jorge.platform.inference.metrics.InferenceMetrics;
import com.jorge.platform.inference.model.OnnxSessionFactory;
import com.jorge.platform.inference.model.OnnxTensorModel;
import com.jorge.platform.inference.model.SentenceEmbeddingModel;
import com.jorge.platform.inference.model.ServableModel;
import com.jorge.platform.inference.model.TensorSpec;
import com.jorge.platform.inference.registry.ModelMetadata;
import com.jorge.platform.inference.registry.ModelRepository;
import com.jorge.platform.inference.tensor.Datatype;
import com.jorge.platform.inference.tensor.Tensor;
import com.jorge.platform.models.features.FeatureSet;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a registry version into a {@link LoadedVersion}: fetch, verify the checksum, open, warm up. */
public final class ModelLoader {

    private static final Logger log = LoggerFactory.getLogger(ModelLoader.class);

    /** The version cannot be served: its bytes are not the ones its metadata names, or it does not run. */
    public static final class LoadFailure extends Exception {
        public LoadFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final OnnxSessionFactory sessions;
    private final InferenceMetrics metrics;

    public ModelLoader(OnnxSessionFactory sessions, InferenceMetrics metrics) {
        this.sessions = sessions;
        this.metrics = metrics;
    }

    public OnnxSessionFactory sessions() {
        return sessions;
    }

    public LoadedVersion load(ModelRepository repository, String name, String version, BatchingPolicy policy) throws LoadFailure {
        ModelMetadata metadata;
        byte[] model;
        try {
            metadata = ModelMetadata.parse(repository.read(name, version, ModelRepository.METADATA_FILE));
            model = repository.read(name, version, ModelRepository.MODEL_FILE);
        } catch (IOException | IllegalArgumentException e) {
            metrics.load(name, version, "failed");
            throw new LoadFailure("model " + name + "/" + version + " in " + repository.describe() + ": " + e.getMessage(), e);
        }
        String actual = sha256(model);
        if (!actual.equals(metadata.sha256())) {
            metrics.load(name, version, "checksum_mismatch");
            throw new LoadFailure("model " + name + "/" + version + ": sha256 of model.onnx is " + actual
                    + ", metadata.json says " + metadata.sha256() + "; not serving it", null);
        }
        String mismatch = encoderMismatch(metadata);
        if (mismatch != null) {
            metrics.load(name, version, "encoder_mismatch");
            throw new LoadFailure("model " + name + "/" + version + ": " + mismatch + "; not serving it", null);
        }
        OnnxTensorModel servable;
        try {
            OrtSession session = sessions.open(model, policy.intraOpThreads());
            servable = new OnnxTensorModel(name, version, sessions.environment(), session, metadata.allowNan());
        } catch (OrtException | IllegalArgumentException e) {
            metrics.load(name, version, "failed");
            throw new LoadFailure("model " + name + "/" + version + " does not open in ONNX Runtime: " + e.getMessage(), e);
        }
        String graphMismatch = inputMismatch(metadata, servable.inputs());
        if (graphMismatch != null) {
            servable.close();
            metrics.load(name, version, "encoder_mismatch");
            throw new LoadFailure("model " + name + "/" + version + ": " + graphMismatch + "; not serving it", null);
        }
        try {
            warmUp(servable);
        } catch (Exception e) {
            servable.close();
            metrics.load(name, version, "failed");
            throw new LoadFailure("model " + name + "/" + version + " fails on a zero row: " + e.getMessage(), e);
        }
        metrics.load(name, version, "loaded");
        log.info("loaded model {}/{} from {} (sha256 {}, {} bytes) on {}; inputs {} outputs {}", name, version,
                repository.describe(), actual, model.length, sessions.provider(), servable.inputs(), servable.outputs());
        return new LoadedVersion(servable, new DynamicBatcher(servable, policy, metrics.observer(name, version)),
                actual, metadata);
    }

    /**
     * A model whose metadata names an {@code encoder} was trained on rows of that feature set: the version
     * must be one this build links ({@link FeatureSet#all()}), with the same feature names in the same
     * order, and the metadata's input, where given, must be {@code [-1, featureCount]}, or clients would send
     * it columns it was not trained on. Null when the model can be served; models without an encoder (the
     * embedding, plain tensor models) are not checked.
     */
    static String encoderMismatch(ModelMetadata metadata) {
        String encoder = metadata.encoder();
        if (encoder == null) {
            return null;
        }
        String mismatch = FeatureSet.mismatch(encoder, metadata.features());
        if (mismatch != null) {
            return "trained on encoder " + encoder + ": " + mismatch;
        }
        JsonNode shape = metadata.raw().path("input").path("shape");
        long[] expected = {-1, FeatureSet.forVersion(encoder).featureCount()};
        if (!shape.isMissingNode() && !(shape.isArray() && shape.size() == 2 && shape.get(0).asLong() == expected[0]
                && shape.get(1).asLong() == expected[1])) {
            return "metadata input shape " + shape + " is not " + Arrays.toString(expected) + " of encoder " + encoder;
        }
        return null;
    }

    /** The graph itself must take one FP32 {@code [-1, featureCount]} input when it names an encoder. */
    static String inputMismatch(ModelMetadata metadata, List<TensorSpec> inputs) {
        if (metadata.encoder() == null) {
            return null;
        }
        int columns = FeatureSet.forVersion(metadata.encoder()).featureCount();
        if (inputs.size() != 1 || inputs.getFirst().datatype() != Datatype.FP32
                || !Arrays.equals(inputs.getFirst().shape(), new long[]{-1, columns})) {
            return "encoder " + metadata.encoder() + " needs one FP32 input [-1, " + columns + "], the graph takes "
                    + inputs;
        }
        return null;
    }

    public LoadedVersion embedding(String version, BatchingPolicy policy) {
        SentenceEmbeddingModel model = SentenceEmbeddingModel.load(sessions, version, policy.intraOpThreads());
        try {
            model.embed(new String[]{"warm up"});
        } catch (OrtException e) {
            model.close();
            throw new IllegalStateException("the embedding model fails on a warm-up text", e);
        }
        metrics.load(model.name(), version, "loaded");
        return new LoadedVersion(model, new DynamicBatcher(model, policy, metrics.observer(model.name(), version)),
                model.sha256(), null);
    }

    /** The first run pays ONNX Runtime's lazy initialisation; do it before traffic arrives. */
    private static void warmUp(ServableModel model) throws Exception {
        List<Tensor> zeros = new ArrayList<>();
        for (TensorSpec spec : model.inputs()) {
            long[] shape = Arrays.stream(spec.shape()).map(d -> d < 0 ? 1 : d).toArray();
            int n = (int) Tensor.elementCount(shape);
            Object data = spec.datatype().newArray(n);
            if (data instanceof String[] s) {
                Arrays.fill(s, "");
            }
            zeros.add(new Tensor(spec.name(), spec.datatype(), shape, data));
        }
        model.infer(zeros);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
