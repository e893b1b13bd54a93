package com.jorge.platform.search.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exact scan over the filtered candidates: at a market's size (thousands of listings, 384
 * dimensions) a scan of every candidate costs about a millisecond and is always right, where an
 * approximate graph index would add recall loss and the post-filter problem for nothing.
 */
public final class ExactVectorIndex implements VectorIndex {

    private static final Comparator<Scored> WORST_FIRST =
            Comparator.comparingDouble(Scored::similarity).thenComparing(Scored::id, Comparator.reverseOrder());

    private final ConcurrentHashMap<Long, float[]> vectors = new ConcurrentHashMap<>();

    @Override
    public void put(long id, float[] unitVector) {
        vectors.put(id, unitVector.clone());
    }

    @Override
    public void remove(long id) {
        vectors.remove(id);
    }

    @Override
    public int size() {
        return vectors.size();
    }

    @Override
    public List<Scored> nearest(float[] query, long[] candidates, int k) {
        PriorityQueue<Scored> best = new PriorityQueue<>(k + 1, WORST_FIRST);
        for (long id : candidates) {
            float[] v = vectors.get(id);
            if (v == null) {
                continue;
            }
            best.add(new Scored(id, TextEmbedder.similarity(query, v)));
            if (best.size() > k) {
                best.poll();
            }
        }
        List<Scored> out = new ArrayList<>(best);
        out.sort(WORST_FIRST.reversed());
        return out;
    }
}
