/**
 * λ cache-warmer: {@link CacheWarmerHandler} runs a {@link CacheWarmer}, which ranks the leads likely to write
 * soon ({@link WarmCandidatePolicy} over {@link WarmCandidateRepository}) and loads their state into Redis without
 * overwriting newer data ({@link GuardedCacheWriter}); {@link CacheWarmerFunction} wires it from
 * {@link CacheWarmerSettings}. {@link ChanceCalibration} learns what the chances mean per {@link WarmClass}
 * ({@link WarmOutcomes}: predictions against the access stream; {@link WarmCalibrationStore} keeps it in Redis), and the
 * warmer loads by calibrated reads saved per byte. {@link BiWarming} loads locations' BI reports (bi-api's
 * {@code BiCache}) before their dashboards read them, by {@link AccessRhythm}, a location's weekly rhythm of reads.
 */
package com.jorge.platform.cachewarmer;
