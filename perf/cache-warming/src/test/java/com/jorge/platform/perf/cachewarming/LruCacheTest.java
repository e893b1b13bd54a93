package com.jorge.platform.perf.cachewarming;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LruCacheTest {

    @Test
    void hitsExactlyWhereALinkedHashMapInAccessOrderHits() {
        Random random = new Random(3);
        int capacity = 50, keyCount = 400;
        LruCache lru = LruCache.ofKeys(capacity, keyCount);
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

    @Test
    void aLargeKeyPushesOutAsManyOfTheLeastRecentlyUsedAsItNeeds() {
        int[] bytes = {300, 300, 300, 700, 2000};
        LruCache lru = new LruCache(1000, bytes);
        lru.read(0);
        lru.read(1);
        lru.read(2);
        lru.read(0); // 1 is now the least recently used, then 2
        assertArrayEquals(new int[] {1, 2}, lru.victimsFor(3), "700 bytes need 1 and 2 out, not 0");
        lru.load(3);
        assertArrayEquals(new int[] {1, 2}, lru.evictedByLastLoad());
        assertTrue(lru.contains(0) && lru.contains(3));
        assertEquals(1000, lru.used());
        assertFalse(lru.read(4), "a key larger than the cache is never cached");
        assertFalse(lru.contains(4));
        assertTrue(lru.contains(0) && lru.contains(3), "and pushes nothing out");
    }
}
