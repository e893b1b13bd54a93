/**
 * λ cache-warmer: {@link CacheWarmerHandler} runs a {@link CacheWarmer}, which ranks the leads likely to write
 * soon ({@link WarmCandidatePolicy} over {@link WarmCandidateRepository}) and loads their state into Redis without
 * overwriting newer data ({@link GuardedCacheWriter}); {@link CacheWarmerFunction} wires it from
 * {@link CacheWarmerSettings}. {@link AccessRhythm} predicts a location's reads from the access stream's weekly
 * rhythm (used by perf/cache-warming's simulator for BI keys).
 */
package com.jorge.platform.cachewarmer;
