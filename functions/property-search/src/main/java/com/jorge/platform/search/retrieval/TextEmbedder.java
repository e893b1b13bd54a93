package com.jorge.platform.search.retrieval;

import java.util.List;

/** Sentence embeddings, unit length, so a dot product is the cosine similarity. */
public interface TextEmbedder {

    float[] embed(String text);

    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }

    /** Cosine similarity of two unit vectors. */
    static double similarity(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
