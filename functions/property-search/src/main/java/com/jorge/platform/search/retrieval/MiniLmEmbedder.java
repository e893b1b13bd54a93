package com.jorge.platform.search.retrieval;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import com.jorge.platform.understanding.MiniLmEmbeddings;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantized ONNX inside the langchain4j jar, 384 dimensions), in process: the
 * model lead-understanding uses, through the same loading (see {@link #load()}). 2 to 3 ms a query.
 */
public final class MiniLmEmbedder implements TextEmbedder {

    private final EmbeddingModel model;

    private MiniLmEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    /**
     * lead-understanding's loading: a large stack for the ONNX session, DJL's tokenizer library out of the
     * home folder, and a session of one thread that does not spin.
     */
    public static MiniLmEmbedder load() {
        return new MiniLmEmbedder(MiniLmEmbeddings.load());
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
