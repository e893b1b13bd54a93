package com.jorge.platform.perf.cachewarming;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;

/**
 * W-TinyLFU as Caffeine implements it, driven directly (Caffeine's own simulator is not on Maven
 * Central): a bounded cache of {@code capacity} entries whose maintenance runs on the calling thread,
 * so evictions happen before the next read, as Caffeine's simulator configures it. Caffeine's admission
 * adds a little randomness (hash-flooding protection), so hit counts vary slightly between runs.
 */
public final class CaffeineCache implements SimulatedCache {

    private static final Boolean PRESENT = Boolean.TRUE;
    private final Cache<Integer, Boolean> cache;
    private final Policy.Eviction<Integer, Boolean> eviction;
    private final long capacity;
    private int evicted = -1;

    public CaffeineCache(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1 (was " + capacity + ")");
        this.capacity = capacity;
        cache = Caffeine.newBuilder().initialCapacity(capacity).maximumSize(capacity).executor(Runnable::run)
                .evictionListener((Integer key, Boolean value, com.github.benmanes.caffeine.cache.RemovalCause cause) -> evicted = key)
                .build();
        eviction = cache.policy().eviction().orElseThrow();
    }

    @Override
    public boolean read(int key) {
        if (cache.getIfPresent(key) != null) return true;
        cache.put(key, PRESENT);
        return false;
    }

    @Override
    public boolean touch(int key) {
        return cache.getIfPresent(key) != null;
    }

    @Override
    public boolean contains(int key) {
        return cache.asMap().containsKey(key); // no access recorded: neither the sketch nor the queues move
    }

    @Override
    public void load(int key) {
        evicted = -1;
        cache.put(key, PRESENT);
    }

    @Override
    public int evictedByLastLoad() {
        return evicted;
    }

    @Override
    public boolean isFull() {
        return cache.estimatedSize() >= capacity;
    }

    @Override
    public int coldest() {
        return eviction.coldest(1).keySet().stream().findFirst().orElse(-1);
    }
}
