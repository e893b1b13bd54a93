package com.jorge.platform.leadscore;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.jorge.platform.models.features.BankMarketingFeatureSet;
import com.jorge.platform.models.features.FeatureSet;
import com.jorge.platform.models.features.InvalidLeadAttributeException;
import com.jorge.platform.models.features.LeadAttributes;
import com.jorge.platform.models.features.LeadFeatureEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Set;

/**
 * Scores leads in this process with a lead-score ONNX model on the CPU provider: the client's
 * fallback (or its only path without a tier), and the in-process path the benchmarks measure. Loads
 * only a model whose bytes match its metadata's {@code sha256} and {@code size_bytes}, whose
 * {@code encoder} is a {@link FeatureSet} this build links with the same feature names, and which runs
 * on a row of that set. Thread-safe.
 */
public final class InProcessLeadScorer implements AutoCloseable {

    /** The model bundled into this jar from models/artifacts (bank-marketing schema). */
    public static final String BUNDLED_MODEL = "lead-score";
    /** The version bundled into this jar from models/artifacts; bump it with a new committed model. */
    public static final String BUNDLED_VERSION = "1";
    static final String INPUT = "features";
    static final String OUTPUT = "probability";

    private final String version;
    private final LeadModelMetadata metadata;
    private final OrtSession session;
    private final OrtEnvironment env;
    private final Set<String> outputs = Set.of(OUTPUT);

    private InProcessLeadScorer(String version, LeadModelMetadata metadata, OrtEnvironment env, OrtSession session) {
        this.version = version;
        this.metadata = metadata;
        this.env = env;
        this.session = session;
    }

    /** The model bundled in this jar ({@code models/lead-score/{version}/} on the class path). */
    public static InProcessLeadScorer bundled(String version) {
        String base = "/models/" + BUNDLED_MODEL + "/" + version + "/";
        try (InputStream model = resource(base + "model.onnx"); InputStream metadata = resource(base + "metadata.json")) {
            return load(version, model.readAllBytes(), metadata.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param version the registry version the files came from (what the tier reports as {@code model_version})
     * @throws IllegalArgumentException when the metadata is incomplete, the bytes do not match it, or its
     *                                  feature set is not one this build links
     * @throws IllegalStateException    when ONNX Runtime cannot open or run the model
     */
    public static InProcessLeadScorer load(String version, byte[] model, byte[] metadataJson) {
        LeadModelMetadata metadata;
        try {
            metadata = LeadModelMetadata.parse(metadataJson);
            metadata.verify(model);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model version " + version + ": " + e.getMessage(), e);
        }
        return open(version, metadata, model);
    }

    /** Opens bytes already {@linkplain LeadModelMetadata#verify verified} against their metadata. */
    static InProcessLeadScorer open(String version, LeadModelMetadata metadata, byte[] verifiedModel) {
        String which = metadata.name() + " " + version;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1); // one row at a time: threads would only add hand-offs
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(verifiedModel, options);
        } catch (OrtException e) {
            throw new IllegalStateException(which + " does not open in ONNX Runtime", e);
        }
        InProcessLeadScorer scorer = new InProcessLeadScorer(version, metadata, env, session);
        try {
            // a model whose input is not this feature set's row fails here rather than on a lead; the
            // run also pays ONNX Runtime's lazy initialisation before the first real score
            scorer.scoreRows(new float[metadata.featureSet().featureCount()], 1);
        } catch (RuntimeException e) {
            scorer.close();
            throw new IllegalStateException(which + " does not score a row of " + metadata.featureSet().version()
                    + " (" + metadata.featureSet().featureCount() + " features): " + e.getMessage(), e);
        }
        return scorer;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = InProcessLeadScorer.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path");
        }
        return in;
    }

    /** The schema the model was trained on (metadata {@code encoder}); {@link #score(Map)} encodes with it. */
    public FeatureSet featureSet() {
        return metadata.featureSet();
    }

    /** The registry version these bytes came from. */
    public String version() {
        return version;
    }

    /** The model's name (metadata {@code name}), e.g. {@code lead-score}. */
    public String modelName() {
        return metadata.name();
    }

    /** A lead is hot when its probability is at least this (metadata {@code hot_threshold}, chosen by models/). */
    public double hotThreshold() {
        return metadata.hotThreshold();
    }

    /** Share of converting leads in the model's test split (metrics.positives / metrics.rows); NaN when not recorded. */
    public double baseRate() {
        return metadata.baseRate();
    }

    /**
     * Encodes raw attributes with {@link #featureSet()} and scores them.
     *
     * @throws InvalidLeadAttributeException naming the attribute, before anything is scored
     */
    public double score(Map<String, ?> attributes) {
        return scoreRows(featureSet().encode(attributes), 1)[0];
    }

    /** Bank-marketing models only: the typed attributes, encoded without a map (the benchmarks' path). */
    public double score(LeadAttributes lead) {
        return scoreRows(encode(lead), 1)[0];
    }

    /** The row for typed bank-marketing attributes; refuses a model trained on another feature set. */
    float[] encode(LeadAttributes lead) {
        if (featureSet() != BankMarketingFeatureSet.INSTANCE) {
            throw new IllegalStateException(modelName() + " " + version + " is trained on " + featureSet().version()
                    + "; LeadAttributes are " + BankMarketingFeatureSet.INSTANCE.version() + ": score a map instead");
        }
        return LeadFeatureEncoder.encode(lead);
    }

    /** Scores {@code rows} encoded rows laid end to end ({@link FeatureSet#encodeInto}). */
    public float[] scoreRows(float[] encodedRows, int rows) {
        int width = featureSet().featureCount();
        if (rows < 1 || encodedRows.length != (long) rows * width) {
            throw new IllegalArgumentException(rows + " rows of " + width + " features need " + (long) rows * width
                    + " floats, got " + encodedRows.length);
        }
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(encodedRows), new long[]{rows, width});
             OrtSession.Result result = session.run(Map.of(INPUT, input), outputs)) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] p = new float[rows];
            out.get(p);
            return p;
        } catch (OrtException e) {
            throw new IllegalStateException("in-process lead score failed", e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing at shutdown: nothing left to do
        }
    }
}
