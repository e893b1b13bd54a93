package com.jorge.platform.search.cache;

import com.jorge.platform.search.retrieval.TextEmbedder;

/**
 * The cache's rule for two queries, in order: the exact parts ({@link CacheKey}) must be equal,
 * else no hit whatever the embeddings say; two queries with no free text and the same key are the
 * same question; with free text, the texts must not take opposite sides ({@link Polarity}), and the
 * cosine similarity of their embeddings must reach the threshold.
 */
public record CacheDecision(boolean hit, String reason, double similarity) {

    /** What the rule needs of one query: its key, the polarity of its free text and the free text's vector. */
    public record Side(CacheKey key, String polarity, float[] vector) {}

    public static CacheDecision decide(Side a, Side b, double threshold) {
        if (!a.key().equals(b.key())) {
            return new CacheDecision(false, "constraints", Double.NaN);
        }
        if (!a.key().hasFreeText()) {
            return new CacheDecision(true, "same constraints, no free text", 1.0);
        }
        if (Polarity.conflict(a.polarity(), b.polarity())) {
            return new CacheDecision(false, "opposite", Double.NaN);
        }
        double s = TextEmbedder.similarity(a.vector(), b.vector());
        return new CacheDecision(s >= threshold, s >= threshold ? "similar" : "dissimilar", s);
    }
}
