/**
 * Redis for the platform: {@link com.jorge.platform.cache.RedisConnector} (standalone or cluster, lazy
 * connect with back-off, replicated writes with WAIT, replication lag), {@link com.jorge.platform.cache.RedisPipeline}
 * (script calls pipelined per master on a connection of their own), {@link com.jorge.platform.cache.RedisLoadProbe}
 * ({@link com.jorge.platform.cache.RedisLoad}: PING round trips and CPU per master, for jobs that back off), {@link com.jorge.platform.cache.LeadCache}
 * (a lead's conversation state and profile, one hash slot per lead through {@link com.jorge.platform.cache.CacheKeys}),
 * {@link com.jorge.platform.cache.BiCache} (bi-api's answers per location, key class BI, which the cache-warmer pre-loads),
 * and access capture ({@link com.jorge.platform.cache.AccessCapture} into {@link com.jorge.platform.cache.AccessStream})
 * for the cache-warmer's predictor.
 */
package com.jorge.platform.cache;
