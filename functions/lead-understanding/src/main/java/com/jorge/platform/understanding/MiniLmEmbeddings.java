package com.jorge.platform.understanding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The quantised all-MiniLM-L6-v2 sentence embedding (the model and tokenizer langchain4j ships), run in
 * an ONNX Runtime session of one thread that does not spin. The worker embeds on as many threads as it
 * runs batches; langchain4j's own session would give each call every core and spin-wait between
 * operators, so concurrent turns fight over the cores and the slowest wait (measured in perf/webhook-path).
 */
final class MiniLmEmbeddings extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    MiniLmEmbeddings() {
        super(Runnable::run); // one text at a time, on the caller's thread
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot open the embedding model", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = MiniLmEmbeddings.class.getResourceAsStream(name);
        if (in == null) throw new IllegalStateException("embedding resource missing: " + name);
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return 384;
    }
}
