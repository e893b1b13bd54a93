/**
 * λ cache-warmer: {@link CacheWarmerHandler} runs a {@link CacheWarmer}, which ranks the leads likely to write
 * soon ({@link WarmCandidatePolicy} over {@link WarmCandidateRepository}) and loads their state into Redis without
 * overwriting newer data ({@link GuardedCacheWriter}); {@link CacheWarmerFunction} wires it from
 * {@link CacheWarmerSettings}.
 */
package com.jorge.platform.cachewarmer;
