/**
 * Loaded models the batcher runs: the sealed {@code ServableModel} (an ONNX graph served as-is,
 * {@code OnnxTensorModel}, or the sentence-embedding model with its tokenizer,
 * {@code SentenceEmbeddingModel}), the {@code TensorSpec}s they declare, the input checks every model
 * applies, and the ONNX Runtime sessions opened on the {@code ExecutionProvider} chosen at start-up.
 */
package com.jorge.platform.inference.model;
