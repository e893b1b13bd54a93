package com.jorge.platform.worker.delivery;

import com.jorge.platform.ghl.api.GhlApiException;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When the outbox tries a failed delivery again: 30 s after the first failure, doubling up to two hours,
 * with ±20 % jitter so a location's waiting leads do not all return at once; never sooner than GHL's
 * Retry-After. A rate limit (GHL's 429, or our own per-location limiter out of permits) is no outage:
 * 10 s a failed attempt, two minutes at most. The GHL client's circuit breaker stays open 30 s, so the first retry never meets it open.
 */
public final class RedeliveryBackoff {

    public static final Duration FIRST = Duration.ofSeconds(30);
    public static final Duration LONGEST = Duration.ofHours(2);
    static final Duration RATE_WINDOW = Duration.ofSeconds(10);
    static final Duration LONGEST_RATE_WAIT = Duration.ofMinutes(2);

    private final Duration first;
    private final Duration longest;

    /** The production schedule: 30 s doubling to two hours. */
    public RedeliveryBackoff() {
        this(FIRST, LONGEST);
    }

    /** Another time scale (the fault harness shortens it so a run fits in minutes). */
    public RedeliveryBackoff(Duration first, Duration longest) {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("the outbox's retry wait must be positive and the longest at least the first");
        }
        this.first = first;
        this.longest = longest;
    }

    /** @param attempts failed attempts so far, from 1 */
    public Instant next(int attempts, Instant now, RuntimeException failure) {
        long seconds;
        if (failure instanceof GhlApiException ghl && ghl.rateLimited()) {
            // not an outage: the location's window refills within 10 s (GHL's 100 calls per 10 s)
            seconds = Math.min(RATE_WINDOW.toSeconds() * Math.max(attempts, 1), LONGEST_RATE_WAIT.toSeconds());
        } else {
            seconds = Math.min(first.toSeconds() << Math.min(Math.max(attempts - 1, 0), 16), longest.toSeconds());
        }
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        Duration wait = Duration.ofMillis((long) (seconds * 1000 * jitter));
        Duration retryAfter = retryAfter(failure);
        if (retryAfter.compareTo(wait) > 0) wait = retryAfter;
        return now.plus(wait);
    }

    private static Duration retryAfter(RuntimeException failure) {
        if (failure instanceof GhlApiException ghl && ghl.retryAfter() != null) {
            try {
                long seconds = Long.parseLong(ghl.retryAfter().strip());
                return Duration.ofSeconds(Math.min(Math.max(seconds, 0), LONGEST.toSeconds()));
            } catch (NumberFormatException e) {
                return Duration.ZERO; // an HTTP date: the exponential wait stands
            }
        }
        return Duration.ZERO;
    }
}
