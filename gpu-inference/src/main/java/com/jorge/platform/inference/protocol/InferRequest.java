package com.jorge.platform.inference.protocol;

import com.jorge.platform.inference.tensor.Tensor;
import java.util.List;

/**
 * A decoded KServe v2 inference request.
 *
 * @param id               the caller's request id, echoed back; null when absent
 * @param inputs           the input tensors, in request order
 * @param requestedOutputs output names to return; empty means all
 */
public record InferRequest(String id, List<Tensor> inputs, List<String> requestedOutputs) {
    public InferRequest {
        inputs = List.copyOf(inputs);
        requestedOutputs = List.copyOf(requestedOutputs);
    }
}
