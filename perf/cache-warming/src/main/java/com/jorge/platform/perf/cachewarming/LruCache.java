package com.jorge.platform.perf.cachewarming;

import java.util.Arrays;

/** Exact LRU over dense int keys: a doubly linked list in arrays, no allocation per read. */
public final class LruCache implements SimulatedCache {

    private final int capacity;
    private final int[] prev, next;
    private final int head; // sentinel: next[head] is the most recent, prev[head] the least
    private int size;
    private int evicted = -1;

    public LruCache(int capacity, int keyCount) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1 (was " + capacity + ")");
        this.capacity = capacity;
        this.head = keyCount;
        prev = new int[keyCount + 1];
        next = new int[keyCount + 1];
        Arrays.fill(prev, -1);
        Arrays.fill(next, -1);
        prev[head] = next[head] = head;
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
        evicted = -1;
        if (next[key] >= 0) return;
        if (size == capacity) {
            int victim = prev[head];
            evicted = victim;
            unlink(victim);
            next[victim] = prev[victim] = -1;
            size--;
        }
        linkFirst(key);
        size++;
    }

    /** Drops a key (it moved elsewhere); nothing when absent. */
    void remove(int key) {
        if (next[key] < 0) return;
        unlink(key);
        next[key] = prev[key] = -1;
        size--;
    }

    @Override
    public int evictedByLastLoad() {
        return evicted;
    }

    @Override
    public boolean isFull() {
        return size == capacity;
    }

    @Override
    public int coldest() {
        return size == 0 ? -1 : prev[head];
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
