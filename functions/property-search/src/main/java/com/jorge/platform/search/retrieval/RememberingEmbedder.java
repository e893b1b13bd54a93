package com.jorge.platform.search.retrieval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the vectors of the most recent texts (least recently used out): buyers repeat
 * themselves, and the same free text always has the same vector, so a repeated query skips the model.
 */
public final class RememberingEmbedder implements TextEmbedder {

    private final TextEmbedder model;
    private final Map<String, float[]> recent;

    public RememberingEmbedder(TextEmbedder model, int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        this.model = model;
        this.recent = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public float[] embed(String text) {
        synchronized (recent) {
            float[] v = recent.get(text);
            if (v != null) return v;
        }
        float[] v = model.embed(text);
        synchronized (recent) {
            recent.put(text, v);
        }
        return v;
    }
}
