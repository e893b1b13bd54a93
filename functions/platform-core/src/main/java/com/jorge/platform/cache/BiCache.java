package com.jorge.platform.cache;

import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * BI answers in Redis (key class BI, {@link CacheKeys#biReport}): what bi-api computed from a location's
 * rollups for a range of days, kept {@code ttl} (BI_CACHE_TTL_SECONDS). The rollups change only when the
 * bi-aggregator runs (every 5 minutes), so a cached answer is at most its TTL plus one aggregator run behind;
 * the answer states when it was computed. Best effort: a Redis failure is a miss, and bi-api computes the
 * answer from Aurora as it would without a cache. Every get is captured (1 in 1, {@link AccessCapture.KeyClass#BI},
 * contact {@code -}): dashboards read a few times a minute at most, and the warmer learns each location's
 * weekly rhythm from them.
 */
public final class BiCache {

    /** The views bi-api answers: the JSON the dashboards read (what the cache-warmer pre-loads), the page. */
    public static final String VIEW_JSON = "json", VIEW_PAGE = "page";

    private static final Logger log = LoggerFactory.getLogger(BiCache.class);

    private final RedisConnector redis;
    private final CacheKeys keys;
    private final Duration ttl;
    private final AccessCapture capture; // null: gets are not captured

    public BiCache(RedisConnector redis, CacheKeys keys, Duration ttl, AccessCapture capture) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("BI cache TTL must be positive");
        this.redis = redis;
        this.keys = keys;
        this.ttl = ttl;
        this.capture = capture;
    }

    public Duration ttl() {
        return ttl;
    }

    /** The cached answer, or empty (absent, or Redis failing). */
    public Optional<String> get(String locationId, String view, LocalDate from, LocalDate to) {
        if (capture != null) capture.record(AccessCapture.KeyClass.BI, locationId, "-");
        try {
            return Optional.ofNullable(redis.commands().get(keys.biReport(locationId, view, from, to)));
        } catch (RedisException | CacheUnavailableException e) {
            log.warn("BI cache read failed ({}), answering from Aurora", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Caches an answer just computed from Aurora (replacing an older one); false when Redis failed. */
    public boolean put(String locationId, String view, LocalDate from, LocalDate to, String body) {
        try {
            redis.commands().set(keys.biReport(locationId, view, from, to), body, SetArgs.Builder.px(ttl.toMillis()));
            return true;
        } catch (RedisException | CacheUnavailableException e) {
            log.warn("BI cache write failed ({})", e.getClass().getSimpleName());
            return false;
        }
    }

    /**
     * The bytes of the cached answer's key and value, or -1 when none is cached: a check that is not a read (not
     * captured). Fails with {@link CacheUnavailableException}: the warmer, its only caller, stops on a failing Redis.
     */
    public long cachedBytes(String locationId, String view, LocalDate from, LocalDate to) {
        String key = keys.biReport(locationId, view, from, to);
        try {
            long length = redis.commands().strlen(key);
            return length == 0 ? -1 : length + key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        } catch (RedisException e) {
            throw new CacheUnavailableException("Redis STRLEN failed", e);
        }
    }

    /** The bytes of the answer's key (what a byte budget adds to the value's). */
    public long keyBytes(String locationId, String view, LocalDate from, LocalDate to) {
        return keys.biReport(locationId, view, from, to).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** Caches an answer computed by the warmer; fails with {@link CacheUnavailableException}. */
    public void load(String locationId, String view, LocalDate from, LocalDate to, String body) {
        try {
            redis.commands().set(keys.biReport(locationId, view, from, to), body, SetArgs.Builder.px(ttl.toMillis()));
        } catch (RedisException e) {
            throw new CacheUnavailableException("Redis SET failed", e);
        }
    }
}
