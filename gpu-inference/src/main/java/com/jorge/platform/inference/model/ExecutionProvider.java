package com.jorge.platform.inference.model;

/** Where ONNX Runtime runs the models of this process; chosen once at start-up. */
public enum ExecutionProvider {
    CUDA,
    CPU
}
