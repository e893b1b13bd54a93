package com.jorge.platform.worker.delivery;

import com.jorge.platform.ghl.api.GhlApiException;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When the outbox tries a failed delivery again: 30 s after the first failure, doubling up to two hours,
 * with ±20 % jitter so a location's waiting leads do not all return at once; never sooner than GHL's
 * Retry-After. The GHL client's circuit breaker stays open 30 s, so the first retry never meets it open.
 */
public final class RedeliveryBackoff {

    static final Duration FIRST = Duration.ofSeconds(30);
    static final Duration LONGEST = Duration.ofHours(2);

    /** @param attempts failed attempts so far, from 1 */
    public Instant next(int attempts, Instant now, RuntimeException failure) {
        long seconds = FIRST.toSeconds() << Math.min(Math.max(attempts - 1, 0), 16);
        seconds = Math.min(seconds, LONGEST.toSeconds());
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
