package com.jorge.platform.worker.delivery;

import com.jorge.platform.ghl.api.GhlApiException;
import org.junit.jupiter.api.RepeatedTest;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RedeliveryBackoffTest {

    private final RedeliveryBackoff backoff = new RedeliveryBackoff();
    private final Instant now = Instant.parse("2026-12-01T12:00:00Z");

    private Duration wait(int attempts, RuntimeException failure) {
        return Duration.between(now, backoff.next(attempts, now, failure));
    }

    @RepeatedTest(20)
    void anOutageBacksOffFromThirtySecondsDoublingToTwoHoursWithJitter() {
        RuntimeException down = new GhlApiException("GHL answered 503", 503, true, null);
        assertThat(wait(1, down)).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(36));
        assertThat(wait(2, down)).isBetween(Duration.ofSeconds(48), Duration.ofSeconds(72));
        assertThat(wait(5, down)).isBetween(Duration.ofSeconds(384), Duration.ofSeconds(576));
        assertThat(wait(40, down)).isBetween(Duration.ofMinutes(96), Duration.ofMinutes(144));
    }

    @RepeatedTest(20)
    void retryAfterIsNeverCutShortAndARateLimitIsNoOutage() {
        RuntimeException slowDown = new GhlApiException("GHL answered 503", 503, true, "600", null);
        assertThat(wait(1, slowDown)).isGreaterThanOrEqualTo(Duration.ofSeconds(600));
        GhlApiException limited = new GhlApiException("GHL answered 429", 429, true, null);
        assertThat(limited.rateLimited()).isTrue();
        assertThat(wait(1, limited)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
        assertThat(wait(30, limited)).isLessThanOrEqualTo(Duration.ofSeconds(144));
    }
}
