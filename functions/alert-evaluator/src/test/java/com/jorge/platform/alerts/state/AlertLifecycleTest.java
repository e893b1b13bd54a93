package com.jorge.platform.alerts.state;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.jorge.platform.alerts.forecast.Evidence.CONFIRMED_BAD;
import static com.jorge.platform.alerts.forecast.Evidence.CONFIRMED_CLEAR;
import static com.jorge.platform.alerts.forecast.Evidence.INSUFFICIENT;
import static com.jorge.platform.alerts.forecast.Evidence.MIXED;
import static org.assertj.core.api.Assertions.assertThat;

class AlertLifecycleTest {

    @Test
    void firesOnceRemindsAfterTheCooldownHoldsOnMixedEvidenceAndResolves() {
        AlertLifecycle life = new AlertLifecycle(Duration.ofMinutes(60));
        Instant t = Instant.parse("2026-11-22T00:00:00Z");
        assertThat(life.next(CONFIRMED_CLEAR, t)).isEqualTo(Transition.NONE);
        assertThat(life.next(CONFIRMED_BAD, t)).isEqualTo(Transition.FIRE);
        assertThat(life.next(CONFIRMED_BAD, t.plusSeconds(59 * 60))).isEqualTo(Transition.NONE);
        assertThat(life.next(MIXED, t.plusSeconds(61 * 60))).isEqualTo(Transition.NONE);
        assertThat(life.next(INSUFFICIENT, t.plusSeconds(61 * 60))).isEqualTo(Transition.NONE);
        assertThat(life.firing()).isTrue();
        assertThat(life.next(CONFIRMED_BAD, t.plusSeconds(60 * 60))).isEqualTo(Transition.REPEAT);
        assertThat(life.next(CONFIRMED_CLEAR, t.plusSeconds(70 * 60))).isEqualTo(Transition.RESOLVE);
        assertThat(life.next(CONFIRMED_CLEAR, t.plusSeconds(71 * 60))).isEqualTo(Transition.NONE);
        assertThat(life.next(CONFIRMED_BAD, t.plusSeconds(72 * 60))).isEqualTo(Transition.FIRE);
    }
}
