package com.jorge.platform.alerts.evaluation;

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
import java.util.List;

/**
 * Replays one NAB series point by point through the same {@link MetricAssessor} and alert state machine the
 * Lambda uses, as if each point were the newest minute. NAB has no thresholds, so each series without an operator's
 * line gets the ones an operator would set from its first weeks: beyond the probationary period's range by
 * {@code thresholdMargin} of that range, on both sides.
 */
public final class NabReplay {

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

    /**
     * The times the forecaster's alert fired (breach predicted or breaching, confirmed), after the probationary period:
     * against the operator's lines when the series has them, else against both sides of the probation's range.
     */
    public List<LocalDateTime> replay(List<LocalDateTime> timestamps, double[] values, List<NabCorpus.OperatorLine> lines) {
        int probation = NabScorer.probationaryLength(values.length);
        List<BreachCondition> conditions = conditions(values, lines, thresholdMargin, horizonMinutes);
        List<Integer> fed = fedRows(timestamps);
        long[] epoch = fed.stream().mapToLong(i -> timestamps.get(i).toEpochSecond(ZoneOffset.UTC)).toArray();
        MetricSeries all = new MetricSeries(epoch, fed.stream().mapToDouble(i -> values[i]).toArray());

        List<AlertLifecycle> lifecycles = new ArrayList<>();
        conditions.forEach(c -> lifecycles.add(new AlertLifecycle(cooldown)));
        List<LocalDateTime> alerts = new ArrayList<>();
        int lookback = assessor.settings().lookbackPoints();
        for (int j = 0; j < epoch.length; j++) {
            int i = fed.get(j);
            MetricSeries asOf = all.range(Math.max(0, j + 1 - lookback), j + 1);
            Instant now = Instant.ofEpochSecond(epoch[j]);
            for (int c = 0; c < conditions.size(); c++) {
                Evidence evidence = assessor.assess(asOf, conditions.get(c)).evidence();
                Transition t = lifecycles.get(c).next(evidence, now);
                // NAB does not score the probationary period; neither do we
                if (i >= probation && t == Transition.FIRE) alerts.add(timestamps.get(i));
            }
        }
        alerts.sort(LocalDateTime::compareTo);
        return alerts;
    }

    /** The operator's lines when the series has them, else both sides of the probation's range widened by {@code margin} of it. */
    static List<BreachCondition> conditions(double[] values, List<NabCorpus.OperatorLine> lines, double margin, int horizonMinutes) {
        if (!lines.isEmpty()) return lines.stream().map(l -> new BreachCondition(l.threshold(), l.direction(), horizonMinutes)).toList();
        int probation = NabScorer.probationaryLength(values.length);
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < probation; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        double widen = margin * Math.max(max - min, 1e-9);
        return List.of(new BreachCondition(max + widen, Direction.ABOVE, horizonMinutes),
                new BreachCondition(min - widen, Direction.BELOW, horizonMinutes));
    }

    /**
     * The rows fed to the detector: a row whose timestamp repeats an earlier one (a daylight-saving artefact in three
     * NAB files, 11 rows each) is not, as CloudWatch never returns two points for one minute.
     */
    static List<Integer> fedRows(List<LocalDateTime> timestamps) {
        List<Integer> fed = new ArrayList<>();
        long lastEpoch = Long.MIN_VALUE;
        for (int i = 0; i < timestamps.size(); i++) {
            long t = timestamps.get(i).toEpochSecond(ZoneOffset.UTC);
            if (t > lastEpoch) {
                fed.add(i);
                lastEpoch = t;
            }
        }
        return fed;
    }
}
