package com.jorge.platform.search.retrieval;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Path;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantized ONNX inside the langchain4j jar, 384 dimensions), in process: the
 * model lead-understanding uses, loaded the same way (see {@link #load()}). 2 to 3 ms a query.
 */
public final class MiniLmEmbedder implements TextEmbedder {

    private final EmbeddingModel model;

    private MiniLmEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    /**
     * Loads on a thread with a 16 MiB stack (creating the ONNX session on a 1 MB stack killed the JVM,
     * lead-understanding measured) and keeps DJL's tokenizer library out of the home folder.
     */
    public static MiniLmEmbedder load() {
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            String dir = Path.of(System.getProperty("java.io.tmpdir"), "djl-cache").toString();
            System.setProperty("DJL_CACHE_DIR", dir);
            System.setProperty("ENGINE_CACHE_DIR", dir);
        }
        EmbeddingModel[] loaded = new EmbeddingModel[1];
        RuntimeException[] failed = new RuntimeException[1];
        Thread loader = new Thread(null, () -> {
            try {
                EmbeddingModel m = new AllMiniLmL6V2QuantizedEmbeddingModel();
                m.embed("warm up");
                loaded[0] = m;
            } catch (RuntimeException e) {
                failed[0] = e;
            }
        }, "minilm-loader", 16L << 20);
        loader.start();
        try {
            loader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the embedding model", e);
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        return new MiniLmEmbedder(loaded[0]);
    }

    @Override
    public float[] embed(String text) {
        return unit(model.embed(text).content().vector());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> unit(e.vector())).toList();
    }

    private static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float inv = (float) (1 / Math.sqrt(n));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inv;
        }
        return out;
    }
}
