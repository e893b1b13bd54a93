package com.jorge.platform.search.retrieval;

import java.util.List;

/**
 * Nearest listings to a query vector among the candidates a filter allowed. The candidates come
 * first, so a selective filter still fills a page when enough listings pass it (an index that
 * scans first and filters after can return too few). In Aurora this is pgvector (see the README).
 */
public interface VectorIndex {

    /** A listing and its similarity to the query. */
    record Scored(long id, double similarity) {}

    void put(long id, float[] unitVector);

    void remove(long id);

    int size();

    /** The {@code k} candidates most similar to {@code query}, best first; ties by lower id. Unknown ids are skipped. */
    List<Scored> nearest(float[] query, long[] candidates, int k);
}
