package com.jorge.platform.perf.faults;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The open-model schedule: arrivals follow each phase's rate, whatever the platform does. */
class LoadShapeTest {

    @Test
    void arrivalsFollowTheRateOfEachPhase() {
        LoadShape shape = new LoadShape(List.of(LoadShape.Phase.ramp("ramp", 10, 0, 20), LoadShape.Phase.steady("plateau", 5, 20),
                LoadShape.Phase.steady("spike", 2, 40)));
        List<LoadShape.Arrival> arrivals = shape.arrivals();

        assertThat(arrivals.stream().filter(a -> a.phase() == 0).count()).isBetween(99L, 101L); // 10 s averaging 10/s
        assertThat(arrivals.stream().filter(a -> a.phase() == 1).count()).isBetween(99L, 101L);
        assertThat(arrivals.stream().filter(a -> a.phase() == 2).count()).isBetween(79L, 81L);
        assertThat(arrivals).isSortedAccordingTo((a, b) -> Long.compare(a.offsetNanos(), b.offsetNanos()));
        assertThat(arrivals.getLast().offsetNanos()).isLessThan(shape.phaseStartNanos(2) + 2_000_000_000L);
        // the ramp starts slow: its first second holds fewer arrivals than its last
        long firstSecond = arrivals.stream().filter(a -> a.offsetNanos() < 1_000_000_000L).count();
        long lastSecond = arrivals.stream().filter(a -> a.offsetNanos() >= 9_000_000_000L && a.phase() == 0).count();
        assertThat(firstSecond).isLessThan(lastSecond);
    }

    @Test
    void recoveryIsTheFirstSecondAfterWhichEveryWebhookWasAnsweredPromptly() {
        List<ScenarioResult.Point> points = List.of(
                point(10.2, 5_000, DeliveryAudit.Outcome.ANSWERED_ONCE),   // slow: still recovering
                point(11.5, 30, DeliveryAudit.Outcome.LOST),
                point(13.1, 40, DeliveryAudit.Outcome.ANSWERED_ONCE),
                point(14.0, Double.NaN, DeliveryAudit.Outcome.SILENT_BY_DECISION),
                point(15.9, 25, DeliveryAudit.Outcome.ANSWERED_ONCE));
        assertThat(ScenarioTally.recoverySeconds(points, 10.0)).isEqualTo(3);
        assertThat(ScenarioTally.recoverySeconds(points.subList(0, 2), 10.0)).isEqualTo(-1);
        assertThat(ScenarioTally.recoverySeconds(points, 20.0)).isEqualTo(-1); // nothing sent after the removal
    }

    private static ScenarioResult.Point point(double at, double replyMs, DeliveryAudit.Outcome outcome) {
        return new ScenarioResult.Point(at, 1, replyMs, outcome);
    }
}
