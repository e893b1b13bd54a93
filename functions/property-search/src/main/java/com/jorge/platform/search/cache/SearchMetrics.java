package com.jorge.platform.search.cache;

/** The search's metric names (no dimension carries a query, a contact or a location's data). */
public final class SearchMetrics {

    public static final String CACHE_HITS = "SearchCacheHits";
    /** The hits answered by the answer to the very same words (no embedding, one Redis read); a subset of {@link #CACHE_HITS}. */
    public static final String CACHE_SAME_TEXT_HITS = "SearchCacheSameTextHits";
    public static final String CACHE_MISSES = "SearchCacheMisses";
    /** A sampled hit re-run uncached; dimension {@code same} or {@code different} (a false hit). */
    public static final String CACHE_AUDITS = "SearchCacheAudits";
    /** Cached answers dropped because a listing they cover changed. */
    public static final String CACHE_INVALIDATIONS = "SearchCacheInvalidations";
    public static final String CACHED_LATENCY = "SearchCachedMs";
    public static final String UNCACHED_LATENCY = "SearchUncachedMs";

    private SearchMetrics() {}
}
