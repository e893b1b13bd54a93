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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The quantised all-MiniLM-L6-v2 sentence embedding (the model and tokenizer langchain4j ships), run in
 * an ONNX Runtime session of one thread that does not spin. The worker embeds on as many threads as it
 * runs batches; langchain4j's own session would give each call every core and spin-wait between
 * operators, so concurrent turns fight over the cores and the slowest wait (measured in perf/webhook-path).
 */
public final class MiniLmEmbeddings extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    private MiniLmEmbeddings() {
        super(Runnable::run); // one text at a time, on the caller's thread
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), oneQuietThread());
            this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot open the embedding model", e);
        }
    }

    /**
     * Options for a MiniLM session of this module: one intra-op and one inter-op thread, no spin-waiting (the worker runs
     * as many turns at once as it has batches; see the class comment).
     */
    static OrtSession.SessionOptions oneQuietThread() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }

    /** Loads the model on a large stack and warms it up: for callers outside this package (property search). */
    public static MiniLmEmbeddings load() {
        return onLargeStack(() -> {
            MiniLmEmbeddings model = create();
            model.embed("warm up");
            return model;
        });
    }

    /** Creates the session on the caller's thread, which must have a large stack (see {@link #onLargeStack}). */
    static MiniLmEmbeddings create() {
        ensureDjlCacheOutsideHome();
        return new MiniLmEmbeddings();
    }

    /**
     * Runs {@code work} on a thread of its own with a 16 MiB stack: creating the ONNX session and
     * embedding the exemplars on a thread with the JDK's default 1 MB stack (a JMH worker, a pool
     * thread) killed the JVM with SIGSEGV and no hs_err file.
     */
    static <T> T onLargeStack(Supplier<T> work) {
        List<T> loaded = new ArrayList<>(1);
        List<RuntimeException> failed = new ArrayList<>(1);
        Thread loader = new Thread(null, () -> {
            try {
                loaded.add(work.get());
            } catch (RuntimeException e) {
                failed.add(e);
            }
        }, "minilm-loader", 16L << 20);
        loader.start();
        try {
            loader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the embedding model", e);
        }
        if (!failed.isEmpty()) throw failed.getFirst();
        return loaded.getFirst();
    }

    /**
     * DJL (the tokenizer's native library) unpacks into ~/.djl.ai unless told otherwise; a Lambda
     * has a read-only home, and tests must not write there, so default it to the temp folder.
     */
    private static void ensureDjlCacheOutsideHome() {
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", Path.of(System.getProperty("java.io.tmpdir"), "jorge-djl-cache").toString());
        }
        if (System.getProperty("ENGINE_CACHE_DIR") == null && System.getenv("ENGINE_CACHE_DIR") == null) {
            System.setProperty("ENGINE_CACHE_DIR", System.getProperty("DJL_CACHE_DIR", System.getenv("DJL_CACHE_DIR")));
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
