package com.jorge.platform.leadscore;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.models.features.LeadAttributes;
import com.jorge.platform.models.features.LeadFeatureEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Scores leads in this process with the committed lead-score ONNX model on the CPU provider: the
 * client's fallback, and the in-process path the benchmarks measure. Loads only a model whose bytes
 * match its metadata's sha256 and whose encoder is the one linked here.
 */
public final class InProcessLeadScorer implements AutoCloseable {

    public static final String MODEL_NAME = "lead-score";
    /** The version bundled into this jar from models/artifacts; bump it with a new committed model. */
    public static final String BUNDLED_VERSION = "1";
    static final String INPUT = "features";
    static final String OUTPUT = "probability";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String version;
    private final double hotThreshold;
    private final OrtSession session;
    private final OrtEnvironment env;
    private final Set<String> outputs = Set.of(OUTPUT);

    private InProcessLeadScorer(String version, double hotThreshold, OrtEnvironment env, OrtSession session) {
        this.version = version;
        this.hotThreshold = hotThreshold;
        this.env = env;
        this.session = session;
    }

    /** The model bundled in this jar ({@code models/lead-score/{version}/} on the class path). */
    public static InProcessLeadScorer bundled(String version) {
        String base = "/models/" + MODEL_NAME + "/" + version + "/";
        try (InputStream model = resource(base + "model.onnx"); InputStream metadata = resource(base + "metadata.json")) {
            return load(version, model.readAllBytes(), metadata.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InProcessLeadScorer load(String version, byte[] model, byte[] metadataJson) {
        JsonNode metadata;
        try {
            metadata = JSON.readTree(metadataJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("lead-score " + version + ": metadata.json is not JSON", e);
        }
        String sha = sha256(model);
        if (!sha.equals(metadata.path("sha256").asText())) {
            throw new IllegalArgumentException("lead-score " + version + ": model.onnx sha256 " + sha
                    + " differs from metadata.json's " + metadata.path("sha256").asText());
        }
        if (!LeadFeatureEncoder.VERSION.equals(metadata.path("encoder").asText())) {
            throw new IllegalArgumentException("lead-score " + version + " was trained on encoder "
                    + metadata.path("encoder").asText() + ", this client links " + LeadFeatureEncoder.VERSION);
        }
        List<String> features = StreamSupport.stream(metadata.path("features").spliterator(), false).map(JsonNode::asText).toList();
        if (!features.equals(LeadFeatureEncoder.FEATURE_NAMES)) {
            throw new IllegalArgumentException("lead-score " + version + ": feature names differ from " + LeadFeatureEncoder.VERSION);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1); // one row at a time: threads would only add hand-offs
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return new InProcessLeadScorer(version, metadata.path("hot_threshold").asDouble(Double.NaN), env,
                    env.createSession(model, options));
        } catch (OrtException e) {
            throw new IllegalStateException("lead-score " + version + " does not open in ONNX Runtime", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = InProcessLeadScorer.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path");
        }
        return in;
    }

    public String version() {
        return version;
    }

    /** The threshold models/ chose for "hot" with this version (metadata {@code hot_threshold}). */
    public double hotThreshold() {
        return hotThreshold;
    }

    public double score(LeadAttributes lead) {
        return scoreRows(LeadFeatureEncoder.encode(lead), 1)[0];
    }

    /** Scores {@code rows} encoded rows laid end to end ({@link LeadFeatureEncoder#encodeAll}). */
    public float[] scoreRows(float[] encodedRows, int rows) {
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(encodedRows),
                new long[]{rows, LeadFeatureEncoder.FEATURE_COUNT});
             OrtSession.Result result = session.run(Map.of(INPUT, input), outputs)) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] p = new float[rows];
            out.get(p);
            return p;
        } catch (OrtException e) {
            throw new IllegalStateException("in-process lead score failed", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
