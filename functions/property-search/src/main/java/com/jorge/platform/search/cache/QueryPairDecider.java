package com.jorge.platform.search.cache;

import com.jorge.platform.search.query.SearchQuery;
import com.jorge.platform.search.query.SearchQueryReader;
import com.jorge.platform.search.retrieval.TextEmbedder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the cache would answer query {@code b} with query {@code a}'s cached answer: the same
 * reading and the same {@link CacheDecision} the cache makes, for evaluating it on labelled pairs.
 */
public final class QueryPairDecider {

    private final SearchQueryReader reader;
    private final TextEmbedder embedder;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    public QueryPairDecider(SearchQueryReader reader, TextEmbedder embedder) {
        this.reader = reader;
        this.embedder = embedder;
    }

    public CacheDecision decide(String a, String b, double threshold) {
        SearchQuery qa = reader.read(a);
        SearchQuery qb = reader.read(b);
        CacheKey ka = CacheKey.of(qa);
        CacheKey kb = CacheKey.of(qb);
        boolean compare = ka.equals(kb) && ka.hasFreeText();
        return CacheDecision.decide(new CacheDecision.Side(ka, CacheKey.polarity(qa), compare ? vector(qa.freeText()) : null),
                new CacheDecision.Side(kb, CacheKey.polarity(qb), compare ? vector(qb.freeText()) : null), threshold);
    }

    private float[] vector(String freeText) {
        return vectors.computeIfAbsent(freeText, embedder::embed);
    }
}
