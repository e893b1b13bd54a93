package com.jorge.platform.ghl.api;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with full jitter, honouring the server's Retry-After. A Retry-After longer than
 * {@code maxDelay} is not waited out inside the function: the queue's redelivery takes over.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public static RetryPolicy ghlDefaults() {
        return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    /** Delay before attempt {@code attempt + 1} (attempt counts from 1); negative when we should give up. */
    public Duration delayAfter(int attempt, String retryAfterHeader) {
        if (attempt >= maxAttempts) return Duration.ofMillis(-1);
        Duration serverAsked = parseRetryAfter(retryAfterHeader);
        if (serverAsked != null) {
            return serverAsked.compareTo(maxDelay) > 0 ? Duration.ofMillis(-1) : serverAsked;
        }
        long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    }

    static Duration parseRetryAfter(String header) {
        if (header == null || header.isBlank()) return null;
        String h = header.trim();
        try {
            long seconds = Long.parseLong(h);
            return Duration.ofSeconds(Math.max(0, seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
