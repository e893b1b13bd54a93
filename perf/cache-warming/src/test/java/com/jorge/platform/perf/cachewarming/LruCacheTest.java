package com.jorge.platform.perf.cachewarming;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LruCacheTest {

    @Test
    void hitsExactlyWhereALinkedHashMapInAccessOrderHits() {
        Random random = new Random(3);
        int capacity = 50, keyCount = 400;
        LruCache lru = new LruCache(capacity, keyCount);
        Map<Integer, Boolean> reference = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
                return size() > capacity;
            }
        };
        for (int i = 0; i < 100_000; i++) {
            int key = (int) Math.min(keyCount - 1, Math.abs(random.nextGaussian()) * 80);
            boolean expected = reference.get(key) != null;
            if (!expected) reference.put(key, true);
            assertEquals(expected, lru.read(key), "read " + i);
            assertEquals(reference.keySet().iterator().next(), lru.coldest());
        }
    }
}
