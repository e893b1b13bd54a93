package com.jorge.platform.ghl.api;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;

import java.time.Duration;

/**
 * GHL's published limits, per location (sub-account): 100 requests per 10 seconds and 200,000 per day.
 * A call waits up to {@code maxWait} for a permit; past that the caller gets a retryable failure and
 * the queue brings the message back later, rather than GHL answering 429 to the whole location.
 */
public final class GhlRateLimits {

    public record Limits(int burstPermits, Duration burstPeriod, int dailyPermits, Duration maxWait) {
        public static Limits ghlDefaults() {
            return new Limits(100, Duration.ofSeconds(10), 200_000, Duration.ofSeconds(2));
        }
    }

    private final RateLimiterRegistry burst;
    private final RateLimiterRegistry daily;
    private final Duration maxWait;

    public GhlRateLimits(Limits limits) {
        this.maxWait = limits.maxWait();
        this.burst = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(limits.burstPermits()).limitRefreshPeriod(limits.burstPeriod())
                .timeoutDuration(limits.maxWait()).build());
        this.daily = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(limits.dailyPermits()).limitRefreshPeriod(Duration.ofDays(1))
                .timeoutDuration(Duration.ZERO).build());
    }

    /**
     * Takes one permit for {@code locationId}, waiting up to {@code maxWait} for it, and returns how
     * long it waited; without a permit in time it throws a retryable, rate-limited {@link GhlApiException}.
     */
    public Duration acquire(String locationId) {
        RateLimiter day = daily.rateLimiter(locationId);
        if (!day.acquirePermission()) {
            throw GhlApiException.locallyRateLimited("daily GHL API quota for the location is spent");
        }
        RateLimiter window = burst.rateLimiter(locationId);
        long waitNanos = window.reservePermission();
        if (waitNanos < 0) {
            throw GhlApiException.locallyRateLimited("GHL rate limit for the location: no permit within " + maxWait);
        }
        if (waitNanos > 0) {
            try {
                Thread.sleep(Duration.ofNanos(waitNanos));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw GhlApiException.noResponse("interrupted waiting for a rate-limit permit", GhlApiException.Outcome.NOT_PROCESSED, e);
            }
        }
        return Duration.ofNanos(waitNanos);
    }
}
