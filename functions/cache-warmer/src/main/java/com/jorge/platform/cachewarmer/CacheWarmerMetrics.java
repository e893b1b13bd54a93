package com.jorge.platform.cachewarmer;

/** The cache warmer's metric names (EMF through {@code PlatformMetrics}); dashboards and alarms use these. */
public final class CacheWarmerMetrics {
    private CacheWarmerMetrics() {}

    /** leads ranked in a run */
    public static final String CONSIDERED = "CacheWarmerConsidered";
    /** leads whose entries this run wrote */
    public static final String WARMED = "CacheWarmerWarmed";
    /** leads already cached at the same or a newer version: TTL extended only */
    public static final String ALREADY_WARM = "CacheWarmerAlreadyWarm";
    /** leads not warmed (budget, ineligible, nothing to cache, retracted) */
    public static final String SKIPPED = "CacheWarmerSkipped";
    /** leads whose fresh copy was deleted again because they changed while being warmed */
    public static final String RETRACTED = "CacheWarmerRetracted";
    /** bytes (keys and values) of the leads kept warm */
    public static final String BYTES = "CacheWarmerBytes";
    /** run duration */
    public static final String DURATION = "CacheWarmerDurationMs";
    /** one per run, dimension Kind = the stop reason (COMPLETED, LEAD_BUDGET, BYTE_BUDGET, TIME_BUDGET, REDIS_LATENCY, REDIS_CPU) */
    public static final String STOPPED = "CacheWarmerStopped";
    /**
     * once per run: bytes the furthest-behind Redis replica trails its master (INFO replication), the window
     * of writes a master's death would lose without WAIT; absent when a master has no replica online
     */
    public static final String REPLICATION_LAG = "RedisReplicationLagBytes";
    /** one per failed run, dimension Kind = redis or database: alarm on it */
    public static final String FAILED = "CacheWarmerFailed";
}
