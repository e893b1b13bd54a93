package com.jorge.platform.ghl.api;

import java.net.http.HttpHeaders;
import java.time.Duration;

/**
 * What GHL's {@code X-RateLimit-*} response headers say is left of a location's limits (oauth/Authorization.md):
 * {@code X-RateLimit-Remaining} of {@code X-RateLimit-Max} in the burst window of
 * {@code X-RateLimit-Interval-Milliseconds}, and {@code X-RateLimit-Daily-Remaining} for the day. A value
 * GHL did not send (or sent garbled) is -1 ({@link #NONE}).
 */
record GhlRateLimitHeaders(long remaining, long max, Duration interval, long dailyRemaining) {

    static final long NONE = -1;

    static GhlRateLimitHeaders from(HttpHeaders headers) {
        long intervalMs = number(headers, "X-RateLimit-Interval-Milliseconds");
        return new GhlRateLimitHeaders(number(headers, "X-RateLimit-Remaining"), number(headers, "X-RateLimit-Max"),
                intervalMs > 0 ? Duration.ofMillis(intervalMs) : null, number(headers, "X-RateLimit-Daily-Remaining"));
    }

    /** Whether GHL said anything about the burst window. */
    boolean describesBurst() {
        return remaining != NONE && interval != null;
    }

    private static long number(HttpHeaders headers, String name) {
        String value = headers.firstValue(name).orElse(null);
        if (value == null) return NONE;
        try {
            long n = Long.parseLong(value.strip());
            return n < 0 ? NONE : n;
        } catch (NumberFormatException e) {
            return NONE;
        }
    }
}
