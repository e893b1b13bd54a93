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

    /** Takes one permit for {@code locationId} or throws a retryable {@link GhlApiException}. */
    public void acquire(String locationId) {
        RateLimiter day = daily.rateLimiter(locationId);
        if (!day.acquirePermission()) {
            throw new GhlApiException("daily GHL API quota for the location is spent", 0, true, null);
        }
        RateLimiter window = burst.rateLimiter(locationId);
        if (!window.acquirePermission()) {
            throw new GhlApiException("GHL rate limit for the location: no permit within " + maxWait, 0, true, null);
        }
    }
}
