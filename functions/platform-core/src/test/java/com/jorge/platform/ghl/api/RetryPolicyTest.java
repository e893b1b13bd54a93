package com.jorge.platform.ghl.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5));

    @Test
    void backsOffExponentiallyWithJitterAndStopsAtMaxAttempts() {
        for (int i = 0; i < 200; i++) {
            assertThat(policy.delayAfter(1, null).toMillis()).isBetween(100L, 200L);
            assertThat(policy.delayAfter(3, null).toMillis()).isBetween(400L, 800L);
        }
        assertThat(policy.delayAfter(4, null).isNegative()).isTrue();
    }

    @Test
    void honoursRetryAfterInSecondsAndAsAnHttpDate() {
        assertThat(policy.delayAfter(1, "2")).isEqualTo(Duration.ofSeconds(2));
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(3));
        assertThat(policy.delayAfter(1, inThreeSeconds)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
        assertThat(policy.delayAfter(1, "600").isNegative()).as("too long to wait inside a function").isTrue();
        assertThat(policy.delayAfter(1, "soon").toMillis()).as("unreadable header: our own back-off").isBetween(100L, 200L);
    }
}
