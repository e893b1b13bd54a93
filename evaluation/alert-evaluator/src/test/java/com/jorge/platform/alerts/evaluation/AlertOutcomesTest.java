package com.jorge.platform.alerts.evaluation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlertOutcomesTest {

    private static final LocalDateTime T = LocalDateTime.parse("2014-01-01T12:00:00");

    @Test
    void countsAlertsThatFallInOrLeadAWindowAndTheLeadToItsLabel() {
        NabWindow first = new NabWindow(T, T.plusHours(2));       // labelled point at T+1h
        NabWindow second = new NabWindow(T.plusHours(10), T.plusHours(12)); // labelled at T+11h, never alerted
        AlertOutcomes o = new AlertOutcomes(Duration.ofMinutes(30));
        o.add(List.of(
                        T.minusMinutes(20),   // leads the first window by 20 min: right, and the first for it
                        T.plusMinutes(90),    // inside: right
                        T.minusMinutes(45),   // 45 min before: too early, wrong
                        T.plusHours(5)),      // between windows: wrong
                List.of(first, second), List.of(T.plusHours(1), T.plusHours(11)));
        assertThat(o.alerts()).isEqualTo(4);
        assertThat(o.correct()).isEqualTo(2);
        assertThat(o.precision()).isEqualTo(0.5);
        assertThat(o.caught()).isEqualTo(1);
        assertThat(o.recall()).isEqualTo(0.5);
        assertThat(o.leadMinutes()).containsExactly(80.0);
    }

    @Test
    void aLateAlertHasANegativeLeadAndNoAlertsLeaveThePrecisionUndefined() {
        NabWindow w = new NabWindow(T, T.plusHours(2));
        AlertOutcomes late = new AlertOutcomes(Duration.ofMinutes(30));
        late.add(List.of(T.plusMinutes(75)), List.of(w), List.of(T.plusHours(1)));
        assertThat(late.leadMinutes()).containsExactly(-15.0);
        AlertOutcomes quiet = new AlertOutcomes(Duration.ofMinutes(30));
        quiet.add(List.of(), List.of(w), List.of(T.plusHours(1)));
        assertThat(quiet.precision()).isNaN();
        assertThat(quiet.recall()).isZero();
    }
}
