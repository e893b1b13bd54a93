/**
 * The semantic cache in front of property search: {@link com.jorge.platform.search.cache.CacheKey}
 * (what must match exactly), {@link com.jorge.platform.search.cache.CacheDecision} (the rule, shared
 * with the pairs evaluation), {@link com.jorge.platform.search.cache.SemanticSearchCache} (Redis:
 * TTL, invalidation, per-location keys, erasure) and
 * {@link com.jorge.platform.search.cache.CachedPropertySearch}, the search as the bot calls it.
 */
package com.jorge.platform.search.cache;
