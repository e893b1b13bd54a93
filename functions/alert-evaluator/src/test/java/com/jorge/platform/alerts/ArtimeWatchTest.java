package com.jorge.platform.alerts;

import com.jorge.platform.alerts.anomaly.AnomalySettings;
import com.jorge.platform.alerts.anomaly.SeriesMemory;
import com.jorge.platform.alerts.anomaly.StreamingAnomalyDetector;
import com.jorge.platform.alerts.anomaly.artime.ArtimeSettings;
import com.jorge.platform.alerts.anomaly.artime.StreamingArtime;
import com.jorge.platform.alerts.forecast.MetricSeries;
import com.jorge.platform.alerts.rules.AlertRule;
import com.jorge.platform.alerts.rules.BreachCondition;
import com.jorge.platform.alerts.rules.Direction;
import com.jorge.platform.alerts.rules.MetricQuery;
import com.jorge.platform.alerts.rules.MissingData;
import com.jorge.platform.alerts.rules.Severity;
import com.jorge.platform.alerts.state.RedisAnomalyMemory;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.config.PlatformConfig;
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
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Anomaly now" with ARTime (the Lambda's default), its memory in real Redis between one-minute runs. */
class ArtimeWatchTest {

    private static RedisConnector redis;
    private static RedisAnomalyMemory store;
    private static String prefix;
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final ArtimeSettings G = ArtimeSettings.defaults();
    private final List<Double> recorded = new ArrayList<>();
    private final AnomalyWatch watch = new AnomalyWatch(new StreamingArtime(G), store, (rule, confidence) -> recorded.add(confidence));

    @BeforeAll
    static void connect() {
        redis = new RedisConnector(TestRedis.standaloneUrl(), false, Duration.ofSeconds(2));
        prefix = TestRedis.namespace("artime-watch") + ":";
        store = new RedisAnomalyMemory(redis, prefix);
    }

    @AfterAll
    static void close() {
        redis.close();
    }

    private static AlertRule rule(String name, Direction direction) {
        return new AlertRule(name, "test", new MetricQuery("Test", "Latency", Map.of(), "p99", 60),
                new BreachCondition(3000, direction, 30), Severity.HIGH, MissingData.ABSENT);
    }

    /** 2,000 one-minute points: a daily-like cycle with noise around 1,000, shifted by {@code shift} from minute 1,500. */
    private static double[] series(double shift) {
        Random r = new Random(5);
        double[] v = new double[2000];
        for (int i = 0; i < v.length; i++) v[i] = 1000 + 100 * Math.sin(2 * Math.PI * i / 288.0) + 10 * r.nextGaussian() + (i >= 1500 ? shift : 0);
        return v;
    }

    /** What a run at minute {@code upTo} fetches: the last 35 minutes. */
    private static MetricSeries fetched(double[] v, int upTo) {
        return MetricSeries.evenlySpaced(T0.plusSeconds(60L * upTo), 60, Arrays.copyOfRange(v, upTo - 35, upTo));
    }

    /** One long run over the same minutes, no Redis: the minutes that alerted (either side) and the final memory. */
    private static List<Integer> longRun(double[] v, StreamingArtime.Memory[] last) {
        StreamingArtime d = new StreamingArtime(G);
        StreamingArtime.Memory m = d.newMemory();
        List<Integer> alerts = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (d.observe(m, T0.getEpochSecond() + 60L * (i + 1), v[i]).alert()) alerts.add(i + 1);
        }
        last[0] = m;
        return alerts;
    }

    @Test
    void theDefaultDetectorIsArtimeAndTheEnsembleIsSelectable() {
        assertThat(AlertEvaluatorFunction.anomalyWatch(PlatformConfig.of(Map.of()), store, (r, c) -> {}).detector()).isEqualTo("artime");
        assertThat(AlertEvaluatorFunction.anomalyWatch(PlatformConfig.of(Map.of("ANOMALY_DETECTOR", "ensemble")), store, (r, c) -> {}).detector())
                .isEqualTo("ensemble");
        assertThat(AlertEvaluatorFunction.anomalyWatch(PlatformConfig.of(Map.of("ANOMALY_DETECTOR", "ARTime")), store, (r, c) -> {}).detector())
                .isEqualTo("artime");
        assertThatThrownBy(() -> AlertEvaluatorFunction.anomalyWatch(PlatformConfig.of(Map.of("ANOMALY_DETECTOR", "htm")), store, (r, c) -> {}))
                .hasMessageContaining("ANOMALY_DETECTOR");
        assertThat(G).isEqualTo(new ArtimeSettings(com.jorge.platform.alerts.anomaly.artime.AdaptiveResonanceTimeDetector.Scaling.HEADROOM,
                4032, 64, 0.317486, 60));
        assertThat(ArtimeSettings.variantL()).isEqualTo(new ArtimeSettings(
                com.jorge.platform.alerts.anomaly.artime.AdaptiveResonanceTimeDetector.Scaling.HEADROOM, 5000, 128, 0.317486, 84));
    }

    @Test
    void runsThroughRedisEqualOneLongRunAndAShiftUpAlertsOnceAfterProbation() {
        AlertRule rule = rule("artime-shift-up", Direction.ABOVE);
        double[] v = series(400);
        List<Integer> alerts = new ArrayList<>();
        for (int minute = 35; minute <= v.length; minute++) {
            AnomalyWatch.Check c = watch.check(rule, fetched(v, minute));
            assertThat(c.fed()).isEqualTo(minute == 35 ? 35 : 1);
            assertThat(recorded.getLast()).isEqualTo(c.confidence()).isBetween(0.0, 1.0);
            if (c.anomalyNow()) {
                alerts.add(minute);
                assertThat(c.confidence()).isGreaterThanOrEqualTo(0.9);
            }
        }
        StreamingArtime.Memory[] last = new StreamingArtime.Memory[1];
        List<Integer> once = longRun(v, last);
        // the rule's side only: the long run's alerts include both sides
        assertThat(once).containsAll(alerts);
        assertThat(store.load(rule.name())).contains(last[0].encode(G));
        assertThat(alerts).isNotEmpty().allMatch(m -> m > 604, "nothing during ARTime's probation");
        assertThat(alerts.getFirst()).isBetween(1500, 1540);
        assertThat(alerts.stream().filter(m -> m >= 1500 && m < 1500 + 60)).hasSize(1);
        assertThat(G.newDetector().probationPoints()).isEqualTo(600);
        // a run that fetches nothing new feeds nothing
        assertThat(watch.check(rule, fetched(v, v.length)).fed()).isZero();
        // the same shift, seen from a rule whose bad side is below: no alert at the shift
        AlertRule below = rule("artime-shift-up-below", Direction.BELOW);
        List<Integer> belowAlerts = new ArrayList<>();
        for (int minute = 35; minute <= v.length; minute++) if (watch.check(below, fetched(v, minute)).anomalyNow()) belowAlerts.add(minute);
        assertThat(belowAlerts).noneMatch(m -> m >= 1500 && m < 1540);
    }

    @Test
    void nanRepeatedAndOutOfOrderPointsAreSkippedAndGapsAreTheNextPoint() {
        StreamingArtime d = new StreamingArtime(G);
        StreamingArtime.Memory a = d.newMemory(), b = d.newMemory();
        double[] v = series(0);
        long t = T0.getEpochSecond();
        for (int i = 0; i < 900; i++) {
            d.observe(a, t + 60L * i, v[i]);
            d.observe(b, t + 60L * i, v[i]);
            assertThat(d.observe(b, t + 60L * i, v[i] + 500).skipped()).isTrue(); // repeated
            assertThat(d.observe(b, t + 60L * i - 30, v[i]).skipped()).isTrue(); // out of order
            assertThat(d.observe(b, t + 60L * i + 1, Double.NaN).skipped()).isTrue();
            assertThat(d.observe(b, t + 60L * i + 2, Double.POSITIVE_INFINITY).skipped()).isTrue();
        }
        assertThat(b.encode(G)).isEqualTo(a.encode(G));
        // a run fetching only minutes older than the memory feeds nothing and saves nothing
        AlertRule rule = rule("artime-old-minutes", Direction.ABOVE);
        assertThat(watch.check(rule, fetched(v, 100)).fed()).isEqualTo(35);
        assertThat(watch.check(rule, fetched(v, 90)).fed()).isZero();
        // a two-hour gap is simply the next point
        MetricSeries afterGap = MetricSeries.evenlySpaced(T0.plusSeconds(60L * 220), 60, Arrays.copyOfRange(v, 185, 220));
        AnomalyWatch.Check c = watch.check(rule, afterGap);
        assertThat(c.fed()).isEqualTo(35);
        assertThat(c.anomalyNow()).isFalse();
    }

    @Test
    void aFlatLineASeriesStartingMidAnomalyAndAHugeSpikeInProbationDoNotStorm() {
        StreamingArtime d = new StreamingArtime(G);
        long t = T0.getEpochSecond();
        StreamingArtime.Memory flat = d.newMemory();
        for (int i = 0; i < 5000; i++) assertThat(d.observe(flat, t + 60L * i, 7.0).alert()).isFalse();
        // starts 300 minutes into an incident (ten times the level), then back to normal for good
        Random r = new Random(3);
        StreamingArtime.Memory mid = d.newMemory();
        int alerts = 0;
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            double value = (i < 300 ? 10_000 : 1000) + 10 * r.nextGaussian() + (i == 200 ? 1e6 : 0);
            if (d.observe(mid, t + 60L * i, value).alert()) {
                alerts++;
                at.add(i);
            }
        }
        assertThat(at).allMatch(i -> i >= 600, "nothing in probation");
        for (int k = 1; k < at.size(); k++) assertThat(at.get(k) - at.get(k - 1)).isGreaterThan(60);
        assertThat(alerts).isLessThanOrEqualTo(3);
    }

    /** A failures counter: a day of zero-filled minutes, then a few events at a time, now and then. */
    private static double[] counter(double base) {
        Random r = new Random(11);
        double[] v = new double[3000];
        for (int i = 0; i < v.length; i++) v[i] = base + (i >= 1440 && r.nextInt(40) == 0 ? 1 + r.nextInt(3) : 0);
        return v;
    }

    /** The runs of the watch over {@code v}, one a minute (each fetching the last 35), that found an anomaly now. */
    private int anomalyRuns(AlertRule rule, double[] v) {
        int runs = 0;
        for (int upTo = 35; upTo <= v.length; upTo++) {
            AnomalyWatch.Check c = watch.check(rule, fetched(v, upTo));
            if (c.anomalyNow()) runs++;
            highestConfidence = Math.max(highestConfidence, c.confidence());
        }
        return runs;
    }

    private double highestConfidence;

    @Test
    void aCounterRuleMostlyAtZeroAlertsNothingWhereAnOrdinaryRuleOnTheSameSeriesDoes() {
        double[] v = counter(0);
        StreamingArtime.Memory[] last = new StreamingArtime.Memory[1];
        assertThat(longRun(v, last)).isNotEmpty(); // ARTime itself finds the first events new
        assertThat(last[0].encode(G)).contains(",0.9"); // the zero share travels with the memory
        AlertRule ordinary = rule("artime-zeros-absent", Direction.ABOVE);
        AlertRule counter = new AlertRule("artime-zeros-counter", "test", ordinary.metric(), ordinary.condition(), Severity.HIGH, MissingData.ZERO);
        assertThat(anomalyRuns(ordinary, v)).isPositive();
        assertThat(highestConfidence).isGreaterThanOrEqualTo(0.9);
        highestConfidence = 0;
        assertThat(anomalyRuns(counter, v)).isZero();
        assertThat(highestConfidence).as("no confidence gauge where the alert is dropped").isZero();
        // the same counter lifted off zero is not mostly zero: a counter rule alerts on it as on any series
        assertThat(anomalyRuns(new AlertRule("artime-lifted-counter", "test", ordinary.metric(), ordinary.condition(), Severity.HIGH,
                MissingData.ZERO), counter(50))).isPositive();
    }

    @Test
    void aMemoryOfTheOtherDetectorOrAnotherVersionIsReplacedByAFreshOne() {
        double[] v = series(0);
        AlertRule rule = rule("artime-switch", Direction.ABOVE);
        AnomalyWatch ensemble = new AnomalyWatch(new StreamingAnomalyDetector(AnomalySettings.defaults()), store, (r, c) -> {});
        assertThat(ensemble.check(rule, fetched(v, 100)).fed()).isEqualTo(35);
        String ensembleMemory = store.load(rule.name()).orElseThrow();
        // ARTime does not read the ensemble's memory: it starts afresh and replaces it
        AnomalyWatch.Check c = watch.check(rule, fetched(v, 101));
        assertThat(c.fed()).isEqualTo(35);
        assertThat(c.memoryBefore()).isEqualTo(ensembleMemory);
        assertThat(store.load(rule.name()).orElseThrow()).startsWith("artime:3:");
        // and back: the ensemble replaces ARTime's memory with its own
        assertThat(ensemble.check(rule, fetched(v, 102)).fed()).isEqualTo(35);
        assertThat(store.load(rule.name()).orElseThrow()).doesNotStartWith("artime");
        assertThat(SeriesMemory.decode(store.load(rule.name()).orElseThrow(), AnomalySettings.defaults()).window()).isEqualTo(AnomalySettings.defaults().window());
        // an ARTime memory of another version (or other settings, or damaged) is replaced too
        watch.check(rule, fetched(v, 103));
        String current = store.load(rule.name()).orElseThrow();
        String otherVersion = current.replaceFirst("^artime:3:", "artime:2:");
        assertThat(store.replace(rule.name(), current, otherVersion)).isTrue();
        assertThat(watch.check(rule, fetched(v, 104)).fed()).isEqualTo(35);
        String otherSettings = store.load(rule.name()).orElseThrow().replace(":headroom.4032.64.", ":headroom.4032.128.");
        assertThat(store.replace(rule.name(), store.load(rule.name()).orElseThrow(), otherSettings)).isTrue();
        assertThat(watch.check(rule, fetched(v, 105)).fed()).isEqualTo(35);
        assertThat(store.replace(rule.name(), store.load(rule.name()).orElseThrow(), "artime:3:damaged")).isTrue();
        assertThat(watch.check(rule, fetched(v, 106)).fed()).isEqualTo(35);
        // undo after a fresh start puts back an empty ARTime memory
        redis.commands().del(prefix + "anomaly:" + rule.name());
        AnomalyWatch.Check first = watch.check(rule, fetched(v, 107));
        watch.undo(rule, first);
        assertThat(store.load(rule.name())).contains(new StreamingArtime(G).fresh());
    }
}
