/**
 * The cache-warming simulator (perf/cache-warming/run.sh): a seeded platform workload
 * ({@link com.jorge.platform.perf.cachewarming.PlatformWorkload}) or a cache2k-format trace
 * ({@link com.jorge.platform.perf.cachewarming.CacheTraceFile}) replayed against online caches
 * ({@link com.jorge.platform.perf.cachewarming.LruCache}, Caffeine's W-TinyLFU in
 * {@link com.jorge.platform.perf.cachewarming.CaffeineCache}), with the cache-warmer's ranking
 * ({@link com.jorge.platform.perf.cachewarming.WarmSchedule}, {@link com.jorge.platform.perf.cachewarming.Replay})
 * or without, and against Belady's offline optimum ({@link com.jorge.platform.perf.cachewarming.Belady}).
 */
package com.jorge.platform.perf.cachewarming;
