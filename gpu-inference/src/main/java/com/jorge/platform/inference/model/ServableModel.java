package com.jorge.platform.inference.model;

import com.jorge.platform.inference.protocol.InferenceException.BadRequest;
import com.jorge.platform.inference.tensor.Tensor;
import java.util.List;

/**
 * One loaded model version that the batcher can run. Inputs given to {@link #infer} are already
 * validated by {@link #validate} and stacked along dimension 0; outputs come back in
 * {@link #outputs()} order with the same number of rows.
 */
public sealed interface ServableModel extends AutoCloseable permits OnnxTensorModel, SentenceEmbeddingModel {

    String name();

    String version();

    /** "onnxruntime_onnx", as KServe and Triton name the platform. */
    default String platform() {
        return "onnxruntime_onnx";
    }

    List<TensorSpec> inputs();

    List<TensorSpec> outputs();

    /** True when every input and output has a free dimension 0, so requests can share a batch. */
    default boolean batchable() {
        return inputs().stream().allMatch(TensorSpec::batchable) && outputs().stream().allMatch(TensorSpec::batchable);
    }

    /**
     * Checks a request's inputs against this model and returns them in {@link #inputs()} order.
     *
     * @throws BadRequest naming the input and what is wrong
     */
    List<Tensor> validate(List<Tensor> requestInputs, int maxRows);

    List<Tensor> infer(List<Tensor> batchedInputs) throws Exception;

    @Override
    void close();
}
