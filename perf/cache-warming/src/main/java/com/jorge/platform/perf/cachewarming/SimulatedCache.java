package com.jorge.platform.perf.cachewarming;

/** An online cache of a fixed number of keys, as the replay drives it: demand reads and the warmer's loads. */
public sealed interface SimulatedCache permits LruCache, CaffeineCache, WarmPartitionedCache {

    /** A demand read: true on a hit; a miss loads the key (the worker caches what it read from Aurora). */
    boolean read(int key);

    /** The warmer's look at a key: true when cached, and then it counts as used (Redis' GET does). */
    boolean touch(int key);

    /** Whether a key is cached, without counting as a use (Redis' EXISTS; a script under CLIENT NO-TOUCH). */
    boolean contains(int key);

    /** The warmer's load of an absent key. */
    void load(int key);

    boolean isFull();

    /** The key the last {@link #load} pushed out, or -1 (at most one: every key has the same size). */
    int evictedByLastLoad();

    /** The key the cache would evict next, or -1 when empty. */
    int coldest();
}
