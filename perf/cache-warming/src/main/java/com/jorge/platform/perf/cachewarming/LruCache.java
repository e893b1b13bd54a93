package com.jorge.platform.perf.cachewarming;

import java.util.Arrays;

/**
 * Exact LRU over dense int keys of given sizes: a doubly linked list in arrays, no allocation per read.
 * A load evicts from the least recently used end until the key fits; a key larger than the whole cache
 * is never cached.
 */
public final class LruCache implements SimulatedCache {

    private static final int[] NONE = new int[0];
    private final long capacity;
    private final int[] bytes;
    private final int[] prev, next;
    private final int head; // sentinel: next[head] is the most recent, prev[head] the least
    private long used;
    private int[] evicted = NONE;

    /** @param bytes each key's size, indexed by key */
    public LruCache(long capacity, int[] bytes) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1 byte (was " + capacity + ")");
        this.capacity = capacity;
        this.bytes = bytes;
        this.head = bytes.length;
        prev = new int[bytes.length + 1];
        next = new int[bytes.length + 1];
        Arrays.fill(prev, -1);
        Arrays.fill(next, -1);
        prev[head] = next[head] = head;
    }

    /** Every key one byte: a cache of {@code capacity} keys. */
    public static LruCache ofKeys(int capacity, int keyCount) {
        int[] ones = new int[keyCount];
        Arrays.fill(ones, 1);
        return new LruCache(capacity, ones);
    }

    @Override
    public boolean read(int key) {
        if (touch(key)) return true;
        load(key);
        return false;
    }

    @Override
    public boolean touch(int key) {
        if (next[key] < 0) return false;
        unlink(key);
        linkFirst(key);
        return true;
    }

    @Override
    public boolean contains(int key) {
        return next[key] >= 0;
    }

    @Override
    public void load(int key) {
        evicted = NONE;
        if (next[key] >= 0 || bytes[key] > capacity) return;
        evicted = victimsFor(key);
        for (int victim : evicted) remove(victim);
        linkFirst(key);
        used += bytes[key];
    }

    @Override
    public int[] victimsFor(int key) {
        long free = capacity - used;
        if (free >= bytes[key] || bytes[key] > capacity) return NONE;
        int[] victims = new int[4];
        int n = 0;
        for (int k = prev[head]; free < bytes[key]; k = prev[k]) {
            if (n == victims.length) victims = Arrays.copyOf(victims, 2 * n);
            victims[n++] = k;
            free += bytes[k];
        }
        return Arrays.copyOf(victims, n);
    }

    /** Drops a key (it moved elsewhere); nothing when absent. */
    void remove(int key) {
        if (next[key] < 0) return;
        unlink(key);
        next[key] = prev[key] = -1;
        used -= bytes[key];
    }

    @Override
    public int[] evictedByLastLoad() {
        return evicted;
    }

    /** The key the cache would evict next, or -1 when empty. */
    int coldest() {
        return used == 0 ? -1 : prev[head];
    }

    long used() {
        return used;
    }

    private void unlink(int key) {
        next[prev[key]] = next[key];
        prev[next[key]] = prev[key];
    }

    private void linkFirst(int key) {
        int first = next[head];
        next[key] = first;
        prev[key] = head;
        prev[first] = key;
        next[head] = key;
    }
}
