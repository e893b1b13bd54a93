package com.jorge.platform.perf.cachewarming;

/**
 * An online cache of a fixed number of bytes (each key weighs its size, key and value), as the replay
 * drives it: demand reads and the warmer's loads.
 */
public sealed interface SimulatedCache permits LruCache, CaffeineCache, WarmPartitionedCache {

    /** A demand read: true on a hit; a miss loads the key (the worker caches what it read from Aurora). */
    boolean read(int key);

    /** The warmer's look at a key: true when cached, and then it counts as used (Redis' GET does). */
    boolean touch(int key);

    /** Whether a key is cached, without counting as a use (Redis' EXISTS; a script under CLIENT NO-TOUCH). */
    boolean contains(int key);

    /** The warmer's load of an absent key. */
    void load(int key);

    /** The keys a {@link #load} of {@code key} would push out now, first victim first; empty when it fits. */
    int[] victimsFor(int key);

    /** The keys the last {@link #load} pushed out (a large key can push out several small ones). */
    int[] evictedByLastLoad();
}
