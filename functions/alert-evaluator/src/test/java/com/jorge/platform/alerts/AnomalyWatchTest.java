package com.jorge.platform.alerts;

import com.jorge.platform.alerts.anomaly.AnomalySettings;
import com.jorge.platform.alerts.anomaly.StreamingAnomalyDetector;
import com.jorge.platform.alerts.forecast.MetricSeries;
import com.jorge.platform.alerts.rules.AlertRule;
import com.jorge.platform.alerts.rules.BreachCondition;
import com.jorge.platform.alerts.rules.Direction;
import com.jorge.platform.alerts.rules.MetricQuery;
import com.jorge.platform.alerts.rules.MissingData;
import com.jorge.platform.alerts.rules.Severity;
import com.jorge.platform.alerts.state.AnomalyMemoryStore;
import com.jorge.platform.alerts.state.RedisAnomalyMemory;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.testkit.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** "Anomaly now" across one-minute runs, the detector's memory in real Redis between them. */
class AnomalyWatchTest {

    private static RedisConnector redis;
    private static RedisAnomalyMemory store;
    /** What the gauge was given, in order: rule and confidence. */
    private final List<Map.Entry<String, Double>> recorded = new ArrayList<>();
    private final AnomalyWatch watch = new AnomalyWatch(new StreamingAnomalyDetector(AnomalySettings.defaults()), store,
            (rule, confidence) -> recorded.add(Map.entry(rule, confidence)));
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @BeforeAll
    static void connect() {
        redis = new RedisConnector(TestRedis.standaloneUrl(), false, Duration.ofSeconds(2));
        store = new RedisAnomalyMemory(redis, TestRedis.namespace("anomaly-watch") + ":");
    }

    @AfterAll
    static void close() {
        redis.close();
    }

    private static AlertRule rule(String name, Direction direction) {
        return new AlertRule(name, "test", new MetricQuery("Test", "Latency", Map.of(), "p99", 60),
                new BreachCondition(3000, direction, 30), Severity.HIGH, MissingData.ABSENT);
    }

    /** 1,500 one-minute points of noise around 1,000, shifted by {@code shift} from minute 1,200. */
    private static double[] series(double shift) {
        Random r = new Random(11);
        double[] v = new double[1500];
        for (int i = 0; i < v.length; i++) v[i] = 1000 + 20 * r.nextGaussian() + (i >= 1200 ? shift : 0);
        return v;
    }

    /** What a run at minute {@code upTo} fetches: the last 35 minutes. */
    private static MetricSeries fetched(double[] v, int upTo) {
        double[] window = Arrays.copyOfRange(v, upTo - 35, upTo);
        return MetricSeries.evenlySpaced(T0.plusSeconds(60L * upTo), 60, window);
    }

    @Test
    void runsEveryMinuteFeedOnlyNewPointsAndAShiftUpAlertsOnce() {
        AlertRule rule = rule("shift-up", Direction.ABOVE);
        double[] v = series(300);
        int alerts = 0, firstAlert = -1;
        for (int minute = 35; minute <= v.length; minute++) {
            AnomalyWatch.Check c = watch.check(rule, fetched(v, minute));
            assertThat(c.fed()).isEqualTo(minute == 35 ? 35 : 1);
            assertThat(recorded.getLast()).isEqualTo(Map.entry(rule.name(), c.confidence()));
            if (c.anomalyNow()) {
                alerts++;
                if (firstAlert < 0) firstAlert = minute;
                assertThat(c.confidence()).isGreaterThanOrEqualTo(0.9);
            }
        }
        assertThat(alerts).isEqualTo(1);
        assertThat(firstAlert).isBetween(1200, 1215);
        assertThat(recorded).hasSize(v.length - 34);
        assertThat(recorded.get(1000).getValue()).isLessThan(0.5); // calm before the shift
        // a run that fetches nothing new feeds nothing and changes nothing
        assertThat(watch.check(rule, fetched(v, v.length)).fed()).isZero();
    }

    @Test
    void anAlertThatCouldNotBeSentIsRaisedAgainByTheNextRunAfterUndo() {
        AlertRule rule = rule("undo", Direction.ABOVE);
        double[] v = series(300);
        for (int minute = 35; minute <= 1230; minute++) {
            AnomalyWatch.Check c = watch.check(rule, fetched(v, minute));
            if (!c.anomalyNow()) continue;
            watch.undo(rule, c); // SNS refused it
            assertThat(store.load(rule.name())).contains(c.memoryBefore());
            AnomalyWatch.Check again = watch.check(rule, fetched(v, minute));
            assertThat(again.anomalyNow()).isTrue();
            assertThat(again.memoryAfter()).isEqualTo(c.memoryAfter());
            return;
        }
        throw new AssertionError("the shift never alerted");
    }

    @Test
    void aShiftTowardTheGoodSideDoesNotAlert() {
        AlertRule rule = rule("shift-down", Direction.ABOVE);
        double[] v = series(-300);
        for (int minute = 35; minute <= v.length; minute++) assertThat(watch.check(rule, fetched(v, minute)).anomalyNow()).isFalse();
    }

    @Test
    void ofTwoOverlappingRunsOnlyTheFirstToSaveReportsTheAnomaly() {
        AlertRule rule = rule("overlap", Direction.ABOVE);
        double[] v = series(300);
        for (int minute = 35; minute <= 1230; minute++) {
            String before = store.load(rule.name()).orElse(null);
            AnomalyWatch.Check first = watch.check(rule, fetched(v, minute));
            if (!first.anomalyNow()) continue;
            // a second run that loaded the memory before the first one saved: same points, same verdict, but its save fails
            AnomalyMemoryStore stale = new AnomalyMemoryStore() {
                public Optional<String> load(String r) { return Optional.ofNullable(before); }
                public boolean replace(String r, String expected, String memory) { return store.replace(r, expected, memory); }
            };
            int gaugeBefore = recorded.size();
            AnomalyWatch.Check second = new AnomalyWatch(new StreamingAnomalyDetector(AnomalySettings.defaults()), stale,
                    (r, confidence) -> recorded.add(Map.entry(r, confidence))).check(rule, fetched(v, minute));
            assertThat(recorded).hasSize(gaugeBefore); // the loser leaves the gauge to the winner
            assertThat(second.confidence()).isGreaterThanOrEqualTo(0.9);
            assertThat(second.anomalyNow()).isFalse();
            return;
        }
        throw new AssertionError("the shift never alerted");
    }
}
