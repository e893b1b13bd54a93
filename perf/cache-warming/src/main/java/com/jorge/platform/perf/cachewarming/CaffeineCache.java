package com.jorge.platform.perf.cachewarming;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import com.github.benmanes.caffeine.cache.RemovalCause;

import java.util.Arrays;

/**
 * W-TinyLFU as Caffeine implements it, driven directly (Caffeine's own simulator is not on Maven
 * Central): a cache bounded by weight ({@code maximumWeight}, each key weighing its size in bytes through
 * Caffeine's weigher) whose maintenance runs on the calling thread, so evictions happen before the next
 * read, as Caffeine's simulator configures it. Caffeine's admission adds a little randomness
 * (hash-flooding protection), so hit counts vary slightly between runs.
 */
public final class CaffeineCache implements SimulatedCache {

    private static final Boolean PRESENT = Boolean.TRUE;
    private final Cache<Integer, Boolean> cache;
    private final Policy.Eviction<Integer, Boolean> eviction;
    private final long capacity;
    private final int[] bytes;
    private int[] evicted = new int[8];
    private int evictedCount;

    /** @param bytes each key's size, indexed by key */
    public CaffeineCache(long capacity, int[] bytes) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1 byte (was " + capacity + ")");
        this.capacity = capacity;
        this.bytes = bytes;
        cache = Caffeine.newBuilder().maximumWeight(capacity).weigher((Integer key, Boolean value) -> bytes[key])
                .executor(Runnable::run)
                .evictionListener((Integer key, Boolean value, RemovalCause cause) -> {
                    if (evictedCount == evicted.length) evicted = Arrays.copyOf(evicted, 2 * evictedCount);
                    evicted[evictedCount++] = key;
                })
                .build();
        eviction = cache.policy().eviction().orElseThrow();
    }

    /** Every key one byte: a cache of {@code capacity} keys. */
    public static CaffeineCache ofKeys(int capacity, int keyCount) {
        int[] ones = new int[keyCount];
        Arrays.fill(ones, 1);
        return new CaffeineCache(capacity, ones);
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
        evictedCount = 0;
        cache.put(key, PRESENT);
    }

    @Override
    public int[] evictedByLastLoad() {
        return Arrays.copyOf(evicted, evictedCount);
    }

    /** Caffeine's eviction order until the key would fit; admission may choose otherwise (it may even drop the key loaded). */
    @Override
    public int[] victimsFor(int key) {
        long needed = eviction.weightedSize().orElseThrow() + bytes[key] - capacity;
        if (needed <= 0) return new int[0];
        return eviction.coldest(entries -> {
            long[] freed = {0};
            return entries.takeWhile(e -> freed[0] < needed).peek(e -> freed[0] += e.weight())
                    .mapToInt(e -> e.getKey()).toArray();
        });
    }
}
