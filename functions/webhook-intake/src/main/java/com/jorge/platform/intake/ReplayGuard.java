package com.jorge.platform.intake;

import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.CacheUnavailableException;
import com.jorge.platform.cache.RedisConnector;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Rejects replays: a signed webhook whose timestamp is outside the window, or whose webhookId was seen.
 * Seen ids live in Redis only as long as a copy could still pass the timestamp check, so the key space
 * stays bounded. An id is remembered only once its event is queued ({@link #remember}): a delivery that
 * could not be queued leaves nothing behind, so GHL's retry of it is accepted. Two copies arriving at the
 * same moment both pass and are both sent, with the same deduplication id in the same message group, and
 * SQS FIFO keeps one. When Redis is down the check is skipped and counted: the worker's own idempotency
 * record in Aurora still stops a second processing.
 */
public final class ReplayGuard {

    public enum Verdict { FRESH, STALE, DUPLICATE, UNGUARDED }

    private final RedisConnector redis;
    private final CacheKeys keys;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration maxAhead;

    /** As many minutes old as ahead: tests. */
    public ReplayGuard(RedisConnector redis, CacheKeys keys, Clock clock, Duration window) {
        this(redis, keys, clock, window, window);
    }

    /**
     * @param maxAge   how old a signed timestamp may be (GHL's retries of a 429 may carry the original one)
     * @param maxAhead how far ahead of our clock (clock skew)
     */
    public ReplayGuard(RedisConnector redis, CacheKeys keys, Clock clock, Duration maxAge, Duration maxAhead) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxAhead = maxAhead;
    }

    public Verdict check(String locationId, String webhookId, Instant signedAt) {
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(maxAge)) || signedAt.isAfter(now.plus(maxAhead))) return Verdict.STALE;
        if (redis == null) return Verdict.UNGUARDED;
        try {
            return redis.commands().exists(keys.webhookSeen(locationId, webhookId)) > 0 ? Verdict.DUPLICATE : Verdict.FRESH;
        } catch (RedisException | CacheUnavailableException e) {
            return Verdict.UNGUARDED;
        }
    }

    /** Remembers an id whose event is queued; best effort, like the check. */
    public void remember(String locationId, String webhookId) {
        if (redis == null) return;
        try {
            // As long as a copy can pass the timestamp check: older copies are refused as stale anyway.
            redis.commands().set(keys.webhookSeen(locationId, webhookId), "1",
                    SetArgs.Builder.px(maxAge.plus(maxAhead).toMillis()));
        } catch (RedisException | CacheUnavailableException ignored) {
            // a copy arriving later is deduplicated by SQS within 5 minutes, by the worker's record after that
        }
    }
}
