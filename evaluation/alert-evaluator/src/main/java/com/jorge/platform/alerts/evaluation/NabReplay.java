package com.jorge.platform.alerts.evaluation;

import com.jorge.platform.alerts.forecast.Assessment;
import com.jorge.platform.alerts.forecast.Evidence;
import com.jorge.platform.alerts.forecast.MetricAssessor;
import com.jorge.platform.alerts.forecast.MetricSeries;
import com.jorge.platform.alerts.rules.BreachCondition;
import com.jorge.platform.alerts.rules.Direction;
import com.jorge.platform.alerts.state.AlertLifecycle;
import com.jorge.platform.alerts.state.Transition;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Replays one NAB series point by point through the same {@link MetricAssessor} and alert state machine the
 * Lambda uses, as if each point were the newest minute. NAB has no thresholds, so each series gets the ones
 * an operator would set from its first weeks: beyond the probationary period's range by
 * {@code thresholdMargin} of that range, on both sides.
 */
public final class NabReplay {

    /** Which signal may fire an alert. */
    public enum Signal {
        /** The threshold forecaster alone (breach predicted within the horizon, or breaching). */
        FORECAST,
        /** Sustained anomalies alone (every one of the last confirmations points anomalous on the bad side). */
        ANOMALY,
        /** Either. */
        COMBINED
    }

    /**
     * A forecast alert checked against the series itself: was it a prediction (not already breaching), and how
     * many minutes later did a point actually pass the threshold (NaN: not within four horizons).
     */
    public record ForecastCheck(LocalDateTime alertAt, boolean predicted, double minutesUntilCrossed) {}

    /** What one series produced: alert times per signal (after the probationary period), reminders, forecast checks. */
    public record Result(Map<Signal, List<LocalDateTime>> alerts, Map<Signal, List<LocalDateTime>> reminders, List<ForecastCheck> forecastChecks,
                         double upper, double lower) {}

    private final MetricAssessor assessor;
    private final int horizonMinutes;
    private final double thresholdMargin;
    private final Duration cooldown;

    public NabReplay(MetricAssessor assessor, int horizonMinutes, double thresholdMargin, Duration cooldown) {
        this.assessor = assessor;
        this.horizonMinutes = horizonMinutes;
        this.thresholdMargin = thresholdMargin;
        this.cooldown = cooldown;
    }

    public Result replay(List<LocalDateTime> timestamps, double[] values) {
        int n = values.length;
        int probation = NabScorer.probationaryLength(n);
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < probation; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        double margin = thresholdMargin * Math.max(max - min, 1e-9);
        List<BreachCondition> conditions = List.of(
                new BreachCondition(max + margin, Direction.ABOVE, horizonMinutes),
                new BreachCondition(min - margin, Direction.BELOW, horizonMinutes));
        // rows whose timestamp repeats an earlier one (a daylight-saving artefact in three NAB files, 11 rows
        // each) are not fed to the detector: CloudWatch never returns two points for one minute
        List<Integer> fed = new ArrayList<>();
        long lastEpoch = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long t = timestamps.get(i).toEpochSecond(ZoneOffset.UTC);
            if (t > lastEpoch) {
                fed.add(i);
                lastEpoch = t;
            }
        }
        long[] epoch = fed.stream().mapToLong(i -> timestamps.get(i).toEpochSecond(ZoneOffset.UTC)).toArray();
        MetricSeries all = new MetricSeries(epoch, fed.stream().mapToDouble(i -> values[i]).toArray());

        Map<Signal, List<LocalDateTime>> alerts = new EnumMap<>(Signal.class);
        Map<Signal, List<LocalDateTime>> reminders = new EnumMap<>(Signal.class);
        Map<Signal, List<AlertLifecycle>> lifecycles = new EnumMap<>(Signal.class);
        for (Signal s : Signal.values()) {
            alerts.put(s, new ArrayList<>());
            reminders.put(s, new ArrayList<>());
            List<AlertLifecycle> perCondition = new ArrayList<>();
            conditions.forEach(c -> perCondition.add(new AlertLifecycle(cooldown)));
            lifecycles.put(s, perCondition);
        }
        List<ForecastCheck> checks = new ArrayList<>();
        int lookback = assessor.settings().lookbackPoints();
        for (int j = 0; j < epoch.length; j++) {
            int i = fed.get(j);
            MetricSeries asOf = all.range(Math.max(0, j + 1 - lookback), j + 1);
            Instant now = Instant.ofEpochSecond(epoch[j]);
            for (int c = 0; c < conditions.size(); c++) {
                Assessment a = assessor.assess(asOf, conditions.get(c));
                Evidence forecast = a.evidence();
                Evidence anomaly = a.sustainedAnomaly() ? Evidence.CONFIRMED_BAD
                        : a.spike().anomalous() ? Evidence.MIXED : Evidence.CONFIRMED_CLEAR;
                Evidence combined = forecast == Evidence.CONFIRMED_BAD || anomaly == Evidence.CONFIRMED_BAD ? Evidence.CONFIRMED_BAD
                        : forecast == Evidence.CONFIRMED_CLEAR && anomaly == Evidence.CONFIRMED_CLEAR ? Evidence.CONFIRMED_CLEAR
                        : Evidence.MIXED;
                int before = alerts.get(Signal.FORECAST).size();
                record(Signal.FORECAST, forecast, c, i, probation, now, timestamps, lifecycles, alerts, reminders);
                if (alerts.get(Signal.FORECAST).size() > before) {
                    checks.add(check(all, j, conditions.get(c), a.latest() instanceof com.jorge.platform.alerts.forecast.Verdict.BreachPredicted,
                            timestamps.get(i)));
                }
                record(Signal.ANOMALY, anomaly, c, i, probation, now, timestamps, lifecycles, alerts, reminders);
                record(Signal.COMBINED, combined, c, i, probation, now, timestamps, lifecycles, alerts, reminders);
            }
        }
        alerts.values().forEach(l -> l.sort(LocalDateTime::compareTo));
        return new Result(alerts, reminders, checks, max + margin, min - margin);
    }

    private ForecastCheck check(MetricSeries all, int from, BreachCondition condition, boolean predicted, LocalDateTime at) {
        long start = all.epochSeconds()[from];
        for (int k = from; k < all.size(); k++) {
            double minutes = (all.epochSeconds()[k] - start) / 60.0;
            if (minutes > 4.0 * horizonMinutes) break;
            if (condition.direction().isBad(all.values()[k], condition.threshold())) return new ForecastCheck(at, predicted, minutes);
        }
        return new ForecastCheck(at, predicted, Double.NaN);
    }

    private static void record(Signal signal, Evidence evidence, int condition, int i, int probation, Instant now,
                               List<LocalDateTime> timestamps, Map<Signal, List<AlertLifecycle>> lifecycles,
                               Map<Signal, List<LocalDateTime>> alerts, Map<Signal, List<LocalDateTime>> reminders) {
        Transition t = lifecycles.get(signal).get(condition).next(evidence, now);
        if (i < probation) return; // NAB does not score the probationary period; neither do we
        if (t == Transition.FIRE) alerts.get(signal).add(timestamps.get(i));
        if (t == Transition.REPEAT) reminders.get(signal).add(timestamps.get(i));
    }
}
