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
 * Seen ids live in Redis (SET NX) only as long as a copy could still pass the timestamp check, so the
 * key space stays bounded. When Redis is down the check is skipped and counted: the worker's own
 * idempotency record in Aurora still stops a second processing.
 */
public final class ReplayGuard {

    public enum Verdict { FRESH, STALE, DUPLICATE, UNGUARDED }

    private final RedisConnector redis;
    private final CacheKeys keys;
    private final Clock clock;
    private final Duration window;

    public ReplayGuard(RedisConnector redis, CacheKeys keys, Clock clock, Duration window) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
        this.window = window;
    }

    public Verdict check(String locationId, String webhookId, Instant signedAt) {
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(window)) || signedAt.isAfter(now.plus(window))) return Verdict.STALE;
        if (redis == null) return Verdict.UNGUARDED;
        try {
            // Twice the window: a copy older than that fails the timestamp check above anyway.
            String set = redis.commands().set(keys.webhookSeen(locationId, webhookId), "1",
                    SetArgs.Builder.nx().px(window.multipliedBy(2).toMillis()));
            return "OK".equals(set) ? Verdict.FRESH : Verdict.DUPLICATE;
        } catch (RedisException | CacheUnavailableException e) {
            return Verdict.UNGUARDED;
        }
    }

    /** Forgets an id whose event could not be queued, so GHL's retry of it is accepted. */
    public void release(String locationId, String webhookId) {
        if (redis == null) return;
        try {
            redis.commands().del(keys.webhookSeen(locationId, webhookId));
        } catch (RedisException | CacheUnavailableException ignored) {
            // unguarded anyway; the retry will find Redis in whatever state it recovers to
        }
    }
}
