package com.jorge.platform.models.training;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.jorge.platform.models.features.LeadFeatureEncoder;
import java.nio.FloatBuffer;
import java.util.Map;

/** Runs an exported lead-score graph on ONNX Runtime's CPU provider, as the serving side will. */
public final class OnnxLeadScorer implements AutoCloseable {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    public OnnxLeadScorer(byte[] onnxModel) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            this.session = environment.createSession(onnxModel, options);
        } catch (OrtException e) {
            throw new IllegalArgumentException("ONNX Runtime rejected the model: " + e.getMessage(), e);
        }
    }

    /** Probabilities for row-major encoded rows. */
    public float[] probabilities(float[] rows, int rowCount) {
        long[] shape = {rowCount, LeadFeatureEncoder.FEATURE_COUNT};
        try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(rows, 0,
                rowCount * LeadFeatureEncoder.FEATURE_COUNT), shape);
             OrtSession.Result result = session.run(Map.of(TreeEnsembleOnnxExporter.INPUT, input))) {
            float[][] probability = (float[][]) result.get(TreeEnsembleOnnxExporter.OUTPUT_PROBABILITY)
                    .orElseThrow().getValue();
            float[] flat = new float[rowCount];
            for (int i = 0; i < rowCount; i++) {
                flat[i] = probability[i][0];
            }
            return flat;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to score: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
