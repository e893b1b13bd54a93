package com.jorge.platform.perf.cachewarming;

/**
 * A demand cache beside a partition of its own for the warmer's loads, the two sharing one byte size.
 * The warmer's keys live in the partition (LRU) and stay there while they are read; keys the warmer did
 * not predict live in the demand cache, under its own policy. A load can push out nothing but the
 * partition's least recently used key, and the replay's rule refuses even that when the key is hot, so
 * the warmer never pushes out a key the demand policy chose to keep, whatever that policy's victim order.
 * Used for W-TinyLFU, whose next victim the warmer cannot see (Caffeine's {@code coldest} is often a key
 * read minutes ago, and admission may drop the loaded key or another).
 */
public final class WarmPartitionedCache implements SimulatedCache {

    private final SimulatedCache demand;
    private final LruCache warm;

    /** @param demand the demand cache, sized to the total less {@code warmBytes} */
    public WarmPartitionedCache(SimulatedCache demand, long warmBytes, int[] bytes) {
        this.demand = demand;
        this.warm = new LruCache(warmBytes, bytes);
    }

    @Override
    public boolean read(int key) {
        return warm.touch(key) || demand.read(key); // a miss in both loads it into the demand cache
    }

    @Override
    public boolean touch(int key) {
        return warm.touch(key) || demand.touch(key);
    }

    @Override
    public boolean contains(int key) {
        return warm.contains(key) || demand.contains(key);
    }

    @Override
    public void load(int key) {
        warm.load(key);
    }

    @Override
    public int[] victimsFor(int key) {
        return warm.victimsFor(key);
    }

    @Override
    public int[] evictedByLastLoad() {
        return warm.evictedByLastLoad();
    }
}
