package com.jorge.platform.inference.model;

import com.jorge.platform.inference.protocol.InferenceException.BadRequest;
import com.jorge.platform.inference.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The checks every model applies to a request's inputs: names, datatypes, shapes, rows, NaN. */
final class InputValidator {

    private InputValidator() {
    }

    static List<Tensor> validate(String model, List<TensorSpec> specs, List<Tensor> given, int maxRows, boolean nanAllowed) {
        Map<String, Tensor> byName = new HashMap<>();
        for (Tensor t : given) {
            byName.put(t.name(), t);
        }
        for (Tensor t : given) {
            if (specs.stream().noneMatch(s -> s.name().equals(t.name()))) {
                throw new BadRequest("unexpected input '" + t.name() + "'; model " + model + " takes "
                        + specs.stream().map(TensorSpec::name).toList());
            }
        }
        List<Tensor> ordered = new ArrayList<>(specs.size());
        int rows = -1;
        for (TensorSpec spec : specs) {
            Tensor t = byName.get(spec.name());
            if (t == null) {
                throw new BadRequest("missing input '" + spec.name() + "' (" + spec.datatype() + " " + Arrays.toString(spec.shape()) + ")");
            }
            if (t.datatype() != spec.datatype()) {
                throw new BadRequest("input '" + t.name() + "': datatype " + t.datatype() + ", model expects " + spec.datatype());
            }
            long[] want = spec.shape();
            long[] got = t.shape();
            if (got.length != want.length) {
                throw new BadRequest("input '" + t.name() + "': shape " + Arrays.toString(got) + " has rank " + got.length
                        + ", model expects " + Arrays.toString(want));
            }
            for (int d = 0; d < want.length; d++) {
                if (want[d] >= 0 && want[d] != got[d]) {
                    throw new BadRequest("input '" + t.name() + "': shape " + Arrays.toString(got) + ", model expects "
                            + Arrays.toString(want) + " (-1 = any)");
                }
            }
            if (want.length > 0) {
                if (got[0] < 1) {
                    throw new BadRequest("input '" + t.name() + "': the batch dimension must be at least 1");
                }
                if (spec.batchable() && got[0] > maxRows) {
                    throw new BadRequest("input '" + t.name() + "': batch of " + got[0] + " rows exceeds max_batch_size " + maxRows);
                }
                if (rows >= 0 && got[0] != rows) {
                    throw new BadRequest("inputs disagree on the batch dimension: " + rows + " and " + got[0]);
                }
                rows = (int) got[0];
            }
            checkFinite(t, nanAllowed);
            ordered.add(t);
        }
        return ordered;
    }

    private static void checkFinite(Tensor t, boolean nanAllowed) {
        switch (t.data()) {
            case float[] a -> {
                for (int i = 0; i < a.length; i++) {
                    if (Float.isInfinite(a[i]) || (!nanAllowed && Float.isNaN(a[i]))) {
                        throw new BadRequest(notFinite(t, i, a[i]));
                    }
                }
            }
            case double[] a -> {
                for (int i = 0; i < a.length; i++) {
                    if (Double.isInfinite(a[i]) || (!nanAllowed && Double.isNaN(a[i]))) {
                        throw new BadRequest(notFinite(t, i, a[i]));
                    }
                }
            }
            default -> {
            }
        }
    }

    private static String notFinite(Tensor t, int i, double v) {
        return "input '" + t.name() + "': element " + i + " is " + v
                + (Double.isNaN(v) ? "; this model does not take NaN" : "; infinite values are never accepted");
    }
}
