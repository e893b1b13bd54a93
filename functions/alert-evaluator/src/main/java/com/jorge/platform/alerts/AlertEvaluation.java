package com.jorge.platform.alerts;

import com.jorge.platform.alerts.forecast.Assessment;
import com.jorge.platform.alerts.forecast.Evidence;
import com.jorge.platform.alerts.forecast.MetricAssessor;
import com.jorge.platform.alerts.forecast.MetricSeries;
import com.jorge.platform.alerts.forecast.Verdict;
import com.jorge.platform.alerts.rules.AlertRule;
import com.jorge.platform.alerts.rules.MissingData;
import com.jorge.platform.alerts.state.AlertStateStore;
import com.jorge.platform.alerts.state.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One evaluation run: fetch every rule's recent metric, assess it, let the alert state decide, and send what
 * it says. A rule's failure (no data, Redis, SNS) is reported for that rule and never stops the others.
 */
public final class AlertEvaluation {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluation.class);

    private final List<AlertRule> rules;
    private final MetricSource metrics;
    private final MetricAssessor assessor;
    private final AlertStateStore state;
    private final AlertPublisher publisher;
    private final Clock clock;
    private final Duration staleAfter;
    private final AnomalyWatch anomalyWatch;

    /**
     * @param staleAfter   a series whose last point is older than this counts as having no data
     * @param anomalyWatch the streaming detector ("anomaly now" alerts beside the predicted breaches)
     */
    public AlertEvaluation(List<AlertRule> rules, MetricSource metrics, MetricAssessor assessor, AlertStateStore state,
                           AlertPublisher publisher, Clock clock, Duration staleAfter, AnomalyWatch anomalyWatch) {
        this.rules = List.copyOf(rules);
        this.metrics = metrics;
        this.assessor = assessor;
        this.state = state;
        this.publisher = publisher;
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.anomalyWatch = anomalyWatch;
    }

    public EvaluationSummary run() {
        // whole minutes only: the current minute's datapoint is still filling up
        Instant end = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        int maxPeriod = rules.stream().mapToInt(r -> r.metric().periodSeconds()).max().orElse(60);
        Instant start = end.minusSeconds((long) (assessor.settings().lookbackPoints() + 5) * maxPeriod);
        Map<String, RuleStatus> statuses = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        Map<String, MetricSeries> data;
        try {
            data = metrics.fetch(rules, start, end);
        } catch (RuntimeException e) {
            log.error("metrics could not be fetched for {} rules", rules.size(), e);
            rules.forEach(r -> statuses.put(r.name(), RuleStatus.ERROR));
            return new EvaluationSummary(0, 0, 0, 0, 0, statuses, List.of("metrics: " + e.getMessage()), Map.of());
        }
        int sent = 0, resolved = 0, noData = 0, anomalies = 0;
        Map<String, Double> confidence = new TreeMap<>();
        for (AlertRule rule : rules) {
            MetricSeries series = prepare(rule, data.getOrDefault(rule.name(), MetricSeries.empty()), start, end);
            Assessment assessment = assessor.assess(series, rule.condition());
            RuleStatus status = stale(series, end) ? RuleStatus.NO_DATA : status(assessment.latest());
            if (assessment.spike().anomalous()) anomalies++;
            statuses.put(rule.name(), status);
            if (status == RuleStatus.NO_DATA || status == RuleStatus.TOO_FEW_POINTS) {
                if (status == RuleStatus.NO_DATA) noData++;
                log.info("rule {}: {} ({} points)", rule.name(), status, series.size());
                continue;
            }
            if (anomalyNow(rule, series, assessment.latest().breachProbability(), end, confidence, errors)) sent++;
            Evidence evidence = assessment.evidence();
            log.info("rule {}: {} evidence {} spike z {}", rule.name(), status, evidence, Math.round(assessment.spike().zScore() * 10) / 10.0);
            Transition transition;
            try {
                transition = state.decide(rule.name(), evidence, end);
            } catch (RuntimeException e) {
                log.error("rule {}: alert state unavailable", rule.name(), e);
                statuses.put(rule.name(), RuleStatus.ERROR);
                errors.add(rule.name() + ": alert state: " + e.getMessage());
                continue;
            }
            if (transition == Transition.NONE) continue;
            AlertNotice notice = notice(rule, transition, status, series, assessment.latest(), end);
            try {
                publisher.publish(notice);
                if (transition == Transition.RESOLVE) resolved++; else sent++;
                log.warn("rule {}: {} sent ({})", rule.name(), transition, status);
            } catch (RuntimeException e) {
                log.error("rule {}: {} could not be sent", rule.name(), transition, e);
                errors.add(rule.name() + ": publish " + transition + ": " + e.getMessage());
                try {
                    state.sendFailed(rule.name(), transition);
                } catch (RuntimeException again) {
                    errors.add(rule.name() + ": alert state after failed publish: " + again.getMessage());
                }
            }
        }
        return new EvaluationSummary(rules.size(), sent, resolved, noData, anomalies, statuses, errors, confidence);
    }

    /**
     * Feeds the rule's new minutes to the streaming detector and sends an "anomaly now" alert when it fires on the
     * rule's bad side (its quiet period and the memory's compare-and-set make one incident one alert); records the
     * rule's confidence (the larger of the detector's and the forecaster's breach probability). Says whether an alert was
     * sent.
     */
    private boolean anomalyNow(AlertRule rule, MetricSeries series, double breachProbability, Instant end,
                               Map<String, Double> confidence, List<String> errors) {
        AnomalyWatch.Check check;
        try {
            check = anomalyWatch.check(rule, series, breachProbability);
        } catch (RuntimeException e) {
            log.error("rule {}: anomaly memory unavailable", rule.name(), e);
            errors.add(rule.name() + ": anomaly memory: " + e.getMessage());
            return false;
        }
        confidence.put(rule.name(), Math.round(check.confidence() * 1000) / 1000.0);
        if (!check.anomalyNow()) return false;
        AlertNotice notice = new AlertNotice(rule.name(), rule.description(), rule.severity(), Transition.FIRE, "ANOMALY_NOW",
                series.lastValue(), rule.condition().threshold(), Double.NaN, end);
        try {
            publisher.publish(notice);
            log.warn("rule {}: anomaly now sent (confidence {})", rule.name(), confidence.get(rule.name()));
            return true;
        } catch (RuntimeException e) {
            log.error("rule {}: anomaly now could not be sent", rule.name(), e);
            errors.add(rule.name() + ": publish anomaly now: " + e.getMessage());
            try {
                anomalyWatch.undo(rule, check); // the next run sees the same minutes again and sends it
            } catch (RuntimeException again) {
                errors.add(rule.name() + ": anomaly memory after failed publish: " + again.getMessage());
            }
            return false;
        }
    }

    /** Zero-fills the minutes a ZERO rule's counter did not report; a counter with no point at all stays "no data". */
    static MetricSeries prepare(AlertRule rule, MetricSeries series, Instant start, Instant end) {
        if (rule.missingData() != MissingData.ZERO || series.isEmpty()) return series;
        long period = rule.metric().periodSeconds();
        TreeMap<Long, Double> points = new TreeMap<>();
        for (long t = start.getEpochSecond() - Math.floorMod(start.getEpochSecond(), period); t < end.getEpochSecond(); t += period) {
            if (t >= start.getEpochSecond()) points.put(t, 0.0);
        }
        for (int i = 0; i < series.size(); i++) points.put(series.epochSeconds()[i], series.values()[i]);
        return new MetricSeries(points.keySet().stream().mapToLong(Long::longValue).toArray(),
                points.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    private boolean stale(MetricSeries series, Instant end) {
        return !series.isEmpty() && series.lastTime().isBefore(end.minus(staleAfter));
    }

    private static RuleStatus status(Verdict verdict) {
        return switch (verdict) {
            case Verdict.NoData n -> RuleStatus.NO_DATA;
            case Verdict.TooFewPoints t -> RuleStatus.TOO_FEW_POINTS;
            case Verdict.Clear c -> RuleStatus.CLEAR;
            case Verdict.BreachPredicted p -> RuleStatus.BREACH_PREDICTED;
            case Verdict.Breaching b -> RuleStatus.BREACHING;
        };
    }

    private static AlertNotice notice(AlertRule rule, Transition transition, RuleStatus status, MetricSeries series,
                                      Verdict verdict, Instant at) {
        double minutes = Double.NaN, probability = Double.NaN;
        if (verdict instanceof Verdict.BreachPredicted p && transition != Transition.RESOLVE) {
            minutes = p.minutesToBreach();
            probability = p.breachProbability();
        }
        return new AlertNotice(rule.name(), rule.description(), rule.severity(), transition, status.name(),
                series.lastValue(), rule.condition().threshold(), minutes, at, probability);
    }
}
