package com.jorge.platform.inference.tensor;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A named tensor in row-major order: {@code data} is a flat array of the datatype's Java type
 * ({@code float[]} for FP32, {@code String[]} for BYTES...). Dimension 0 is the batch (rows).
 */
public record Tensor(String name, Datatype datatype, long[] shape, Object data) {

    public Tensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datatype, "datatype");
        shape = shape.clone();
        if (!datatype.arrayType().isInstance(data)) {
            throw new IllegalArgumentException("tensor " + name + ": data is not " + datatype.arrayType().getSimpleName());
        }
        if (elementCount(shape) != Array.getLength(data)) {
            throw new IllegalArgumentException("tensor " + name + ": shape " + Arrays.toString(shape)
                    + " needs " + elementCount(shape) + " values, has " + Array.getLength(data));
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public long dim(int i) {
        return shape[i];
    }

    public int rows() {
        return shape.length == 0 ? 1 : (int) shape[0];
    }

    public int length() {
        return Array.getLength(data);
    }

    public Tensor renamed(String newName) {
        return new Tensor(newName, datatype, shape, data);
    }

    /** Product of the dimensions; -1 never appears in a concrete tensor. */
    public static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Rows {@code [from, from + count)} along dimension 0. */
    public Tensor sliceRows(int from, int count) {
        if (from == 0 && count == rows()) {
            return this;
        }
        int rowWidth = length() / Math.max(1, rows());
        Object part = datatype.newArray(count * rowWidth);
        System.arraycopy(data, from * rowWidth, part, 0, count * rowWidth);
        long[] partShape = shape.clone();
        partShape[0] = count;
        return new Tensor(name, datatype, partShape, part);
    }

    /** Stacks tensors of one name, type and row shape along dimension 0. */
    public static Tensor concatRows(List<Tensor> parts) {
        Tensor first = parts.getFirst();
        if (parts.size() == 1) {
            return first;
        }
        int total = 0;
        int rows = 0;
        for (Tensor t : parts) {
            total += t.length();
            rows += t.rows();
        }
        Object all = first.datatype.newArray(total);
        int at = 0;
        for (Tensor t : parts) {
            System.arraycopy(t.data, 0, all, at, t.length());
            at += t.length();
        }
        long[] shape = first.shape.clone();
        shape[0] = rows;
        return new Tensor(first.name, first.datatype, shape, all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && name.equals(t.name) && datatype == t.datatype
                && Arrays.equals(shape, t.shape) && Objects.deepEquals(data, t.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, datatype, Arrays.hashCode(shape));
    }

    @Override
    public String toString() {
        return "Tensor[" + name + " " + datatype + " " + Arrays.toString(shape) + "]";
    }
}
