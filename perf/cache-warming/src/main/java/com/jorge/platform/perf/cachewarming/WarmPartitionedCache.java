package com.jorge.platform.perf.cachewarming;

/**
 * A demand cache beside a partition of its own for the warmer's loads, the two sharing one size: the
 * warmer's keys wait in the partition (LRU) until the worker reads them, and only then enter the demand
 * cache, through its own admission. A load can push out nothing but an older load nobody read, so the
 * warmer never pushes out a key the demand policy chose to keep, whatever that policy's victim order.
 * Used for W-TinyLFU, whose next victim the warmer cannot see (Caffeine's {@code coldest} is often a key
 * read minutes ago, and admission may drop the loaded key or another).
 */
public final class WarmPartitionedCache implements SimulatedCache {

    private final SimulatedCache demand;
    private final LruCache warm;

    /** @param demand the demand cache, sized to the total less {@code warmKeys} */
    public WarmPartitionedCache(SimulatedCache demand, int warmKeys, int keyCount) {
        this.demand = demand;
        this.warm = new LruCache(warmKeys, keyCount);
    }

    @Override
    public boolean read(int key) {
        if (demand.read(key)) return true; // a miss there loads it there
        if (!warm.contains(key)) return false;
        warm.remove(key); // warmed, and now read: it lives in the demand cache from here on
        return true;
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
    public boolean isFull() {
        return warm.isFull();
    }

    @Override
    public int evictedByLastLoad() {
        return warm.evictedByLastLoad();
    }

    @Override
    public int coldest() {
        return warm.coldest();
    }
}
