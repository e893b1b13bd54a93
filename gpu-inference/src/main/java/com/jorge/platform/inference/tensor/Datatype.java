package com.jorge.platform.inference.tensor;

import ai.onnxruntime.OnnxJavaType;
import java.util.Optional;

/** The KServe v2 tensor datatypes this server accepts, each with the flat Java array that carries it. */
public enum Datatype {
    BOOL(boolean[].class),
    INT32(int[].class),
    INT64(long[].class),
    FP32(float[].class),
    FP64(double[].class),
    BYTES(String[].class);

    private final Class<?> arrayType;

    Datatype(Class<?> arrayType) {
        this.arrayType = arrayType;
    }

    public Class<?> arrayType() {
        return arrayType;
    }

    public Object newArray(int length) {
        return switch (this) {
            case BOOL -> new boolean[length];
            case INT32 -> new int[length];
            case INT64 -> new long[length];
            case FP32 -> new float[length];
            case FP64 -> new double[length];
            case BYTES -> new String[length];
        };
    }

    public static Optional<Datatype> parse(String name) {
        for (Datatype d : values()) {
            if (d.name().equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public static Optional<Datatype> of(OnnxJavaType onnxType) {
        return switch (onnxType) {
            case BOOL -> Optional.of(BOOL);
            case INT32 -> Optional.of(INT32);
            case INT64 -> Optional.of(INT64);
            case FLOAT -> Optional.of(FP32);
            case DOUBLE -> Optional.of(FP64);
            case STRING -> Optional.of(BYTES);
            default -> Optional.empty();
        };
    }
}
