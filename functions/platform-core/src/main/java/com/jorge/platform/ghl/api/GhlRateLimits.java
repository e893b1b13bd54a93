package com.jorge.platform.ghl.api;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * GHL's published limits, per location (sub-account): 100 requests per 10 seconds and 200,000 per day.
 * A call waits up to {@code maxWait} for a permit; past that the caller gets a retryable failure and
 * the queue brings the message back later, rather than GHL answering 429 to the whole location.
 *
 * <p>Our count is one container's; GHL's is the whole app's (every worker, every retry). So each answer's
 * {@code X-RateLimit-*} headers ({@link #observe}) also pace the location: once what is left of GHL's
 * burst window falls to a tenth of it, the location's calls are spaced over the rest of the window
 * (interval / (remaining + 1) apart), and with nothing left they wait for a whole interval; with the
 * day's quota spent, the location's calls fail fast (rate limited) for {@link #DAILY_SPENT_PAUSE}.
 */
public final class GhlRateLimits {

    public record Limits(int burstPermits, Duration burstPeriod, int dailyPermits, Duration maxWait) {
        public static Limits ghlDefaults() {
            return new Limits(100, Duration.ofSeconds(10), 200_000, Duration.ofSeconds(2));
        }

        /** GHL's published limits unless {@code GHL_RATE_BURST_PERMITS} / {@code GHL_RATE_DAILY_PERMITS} say otherwise. */
        public static Limits fromConfig(com.jorge.platform.config.PlatformConfig config) {
            Limits d = ghlDefaults();
            return new Limits(config.getInt("GHL_RATE_BURST_PERMITS", d.burstPermits()), d.burstPeriod(),
                    config.getInt("GHL_RATE_DAILY_PERMITS", d.dailyPermits()), d.maxWait());
        }
    }

    /** GHL does not say when its day resets; the outbox retries a rate-limited delivery within minutes. */
    static final Duration DAILY_SPENT_PAUSE = Duration.ofMinutes(10);

    /** A location's pace from GHL's last headers: no call before {@code nextNanos}, each then {@code spacingNanos} apart. */
    private static final class Pace {
        long nextNanos = Long.MIN_VALUE;
        long spacingNanos;
        boolean dailySpent;
        long dailySpentUntilNanos;
    }

    private final ConcurrentMap<String, Pace> paces = new ConcurrentHashMap<>();
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
        long paced = pace(locationId);
        RateLimiter day = daily.rateLimiter(locationId);
        if (!day.acquirePermission()) {
            throw GhlApiException.locallyRateLimited("daily GHL API quota for the location is spent");
        }
        RateLimiter window = burst.rateLimiter(locationId);
        long waitNanos = window.reservePermission();
        if (waitNanos < 0) {
            throw GhlApiException.locallyRateLimited("GHL rate limit for the location: no permit within " + maxWait);
        }
        sleepNanos(waitNanos);
        return Duration.ofNanos(waitNanos + paced);
    }

    /**
     * What GHL's answer for {@code locationId} said is left of its limits; sets the location's pace for
     * its next calls (see the class comment). Headers that are absent change nothing.
     */
    void observe(String locationId, GhlRateLimitHeaders headers) {
        long now = System.nanoTime();
        Pace pace = paces.computeIfAbsent(locationId, id -> new Pace());
        synchronized (pace) {
            if (headers.dailyRemaining() == 0) {
                pace.dailySpent = true;
                pace.dailySpentUntilNanos = now + DAILY_SPENT_PAUSE.toNanos();
            }
            if (!headers.describesBurst()) return;
            long interval = headers.interval().toNanos();
            long reserve = headers.max() > 0 ? Math.max(1, headers.max() / 10) : 1;
            pace.spacingNanos = headers.remaining() <= reserve ? interval / (headers.remaining() + 1) : 0;
            if (headers.remaining() == 0) pace.nextNanos = Math.max(pace.nextNanos, now + interval);
        }
    }

    /** Waits for the location's turn under GHL's last headers; returns the nanoseconds waited. */
    private long pace(String locationId) {
        Pace pace = paces.get(locationId);
        if (pace == null) return 0;
        long now = System.nanoTime();
        long wait;
        synchronized (pace) {
            if (pace.dailySpent && now - pace.dailySpentUntilNanos < 0) {
                throw GhlApiException.locallyRateLimited("GHL says the location's daily API quota is spent");
            }
            long start = Math.max(now, pace.nextNanos);
            wait = start - now;
            if (wait > maxWait.toNanos()) {
                throw GhlApiException.locallyRateLimited("GHL's rate limit headers: the location's window is spent for longer than " + maxWait);
            }
            pace.nextNanos = start + pace.spacingNanos;
        }
        sleepNanos(wait);
        return wait;
    }

    private static void sleepNanos(long nanos) {
        if (nanos <= 0) return;
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GhlApiException.noResponse("interrupted waiting for a rate-limit permit", GhlApiException.Outcome.NOT_PROCESSED, e);
        }
    }
}
