/**
 * Redis for the platform: {@link com.jorge.platform.cache.RedisConnector} (standalone or cluster, lazy
 * connect with back-off, replicated writes with WAIT, replication lag), {@link com.jorge.platform.cache.LeadCache}
 * (a lead's conversation state and profile, one hash slot per lead through {@link com.jorge.platform.cache.CacheKeys}),
 * and access capture ({@link com.jorge.platform.cache.AccessCapture} into {@link com.jorge.platform.cache.AccessStream})
 * for the cache-warmer's predictor.
 */
package com.jorge.platform.cache;
