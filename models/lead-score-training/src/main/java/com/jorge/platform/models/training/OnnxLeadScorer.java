package com.jorge.platform.models.training;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.Map;

/** Runs an exported lead-score graph on ONNX Runtime's CPU provider, as the serving side will. */
public final class OnnxLeadScorer implements AutoCloseable {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final int columns;

    public OnnxLeadScorer(byte[] onnxModel) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            this.session = environment.createSession(onnxModel, options);
        } catch (OrtException e) {
            throw new IllegalArgumentException("ONNX Runtime rejected the model: " + e.getMessage(), e);
        }
        // the graph's own input width: the scorer runs whichever feature set the model was trained on
        this.columns = inputColumns(session);
    }

    private static int inputColumns(OrtSession session) {
        try {
            NodeInfo input = session.getInputInfo().get(TreeEnsembleOnnxExporter.INPUT);
            if (input != null && input.getInfo() instanceof TensorInfo tensor
                    && tensor.getShape().length == 2 && tensor.getShape()[1] > 0) {
                return Math.toIntExact(tensor.getShape()[1]);
            }
        } catch (OrtException e) {
            // reported below, like any other input that is not [N, F]
        }
        try {
            session.close();
        } catch (OrtException ignored) {
            // the model is refused either way
        }
        throw new IllegalArgumentException("the model's input '" + TreeEnsembleOnnxExporter.INPUT
                + "' is not a [N, F] tensor of a fixed F");
    }

    /** Probabilities for row-major encoded rows. */
    public float[] probabilities(float[] rows, int rowCount) {
        long[] shape = {rowCount, columns};
        try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(rows, 0, rowCount * columns), shape);
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
