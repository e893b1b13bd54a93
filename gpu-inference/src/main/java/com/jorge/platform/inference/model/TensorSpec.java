package com.jorge.platform.inference.model;

import com.jorge.platform.inference.tensor.Datatype;
import java.util.Arrays;

/** What a model declares for one input or output: name, datatype, shape with -1 for a free dimension. */
public record TensorSpec(String name, Datatype datatype, long[] shape) {

    public TensorSpec {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** True when dimension 0 is free, so requests of several rows can be stacked into one batch. */
    public boolean batchable() {
        return shape.length > 0 && shape[0] < 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec s && name.equals(s.name) && datatype == s.datatype && Arrays.equals(shape, s.shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + datatype + " " + Arrays.toString(shape);
    }
}
