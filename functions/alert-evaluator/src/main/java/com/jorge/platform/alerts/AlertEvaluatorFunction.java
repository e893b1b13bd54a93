package com.jorge.platform.alerts;

import com.jorge.platform.alerts.anomaly.AnomalySettings;
import com.jorge.platform.alerts.anomaly.StreamingAnomalyDetector;
import com.jorge.platform.alerts.anomaly.artime.ArtimeSettings;
import com.jorge.platform.alerts.anomaly.artime.StreamingArtime;
import com.jorge.platform.alerts.state.AnomalyMemoryStore;
import com.jorge.platform.alerts.aws.CloudWatchMetricSource;
import com.jorge.platform.alerts.aws.EmfConfidenceGauge;
import com.jorge.platform.alerts.aws.SnsAlertPublisher;
import com.jorge.platform.alerts.forecast.BreachCalibration;
import com.jorge.platform.alerts.forecast.DetectorSettings;
import com.jorge.platform.alerts.forecast.MetricAssessor;
import com.jorge.platform.alerts.rules.AlertRuleCatalog;
import com.jorge.platform.alerts.state.RedisAlertState;
import com.jorge.platform.alerts.state.RedisAnomalyMemory;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.config.PlatformConfig;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Builds the evaluation from configuration: the rules ({@link AlertRuleCatalog}), CloudWatch and SNS clients
 * (endpoints follow AWS_ENDPOINT_URL_*), {@code ALERTS_TOPIC_ARN}, Redis ({@code REDIS_URL}, required: without
 * shared state two runs could both send), {@code ALERT_CONFIRMATIONS} (3), {@code ALERT_COOLDOWN_MINUTES} (60),
 * {@code ALERT_STALE_MINUTES} (10), {@code ALERT_BREACH_CALIBRATION} ("raw:calibrated,...": the forecaster's
 * isotonic calibration knots, fitted offline) and {@code ALERT_BREACH_PROBABILITY} (the operating probability of a predicted breach).
 */
public final class AlertEvaluatorFunction {

    private AlertEvaluatorFunction() {}

    public static AlertEvaluation fromConfig(PlatformConfig config, Clock clock) {
        return fromConfig(config, clock,
                () -> CloudWatchClient.builder().httpClient(UrlConnectionHttpClient.create()).build(),
                () -> SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).build());
    }

    /** The same, with the AWS clients given (tests point them at local stand-ins); rules are checked before any client is built. */
    public static AlertEvaluation fromConfig(PlatformConfig config, Clock clock, Supplier<CloudWatchClient> cloudWatchClient,
                                             Supplier<SnsClient> snsClient) {
        var rules = AlertRuleCatalog.load(config);
        DetectorSettings settings = DetectorSettings.defaults().withConfirmations(positive(config, "ALERT_CONFIRMATIONS", 3));
        Duration cooldown = Duration.ofMinutes(positive(config, "ALERT_COOLDOWN_MINUTES", 60));
        Duration stale = Duration.ofMinutes(positive(config, "ALERT_STALE_MINUTES", 10));
        RedisConnector redis = RedisConnector.fromConfig(config, Duration.ofSeconds(2));
        if (redis == null) throw new IllegalStateException("configuration REDIS_URL is missing: alert state lives in Redis");
        String topic = config.require("ALERTS_TOPIC_ARN");
        CloudWatchClient cloudWatch = cloudWatchClient.get();
        SnsClient sns = snsClient.get();
        String prefix = config.get("ALERT_STATE_PREFIX", "alerts:");
        AnomalyWatch anomalyWatch = anomalyWatch(config, new RedisAnomalyMemory(redis, prefix),
                new EmfConfidenceGauge(System.out, config.get("POWERTOOLS_METRICS_NAMESPACE", "JorgePlatform"), clock));
        return new AlertEvaluation(rules, new CloudWatchMetricSource(cloudWatch), new MetricAssessor(settings, calibration(config)),
                new RedisAlertState(redis, prefix, cooldown), new SnsAlertPublisher(sns, topic), clock, stale, anomalyWatch);
    }

    /**
     * The "anomaly now" detector {@code ANOMALY_DETECTOR} names: {@code artime} (the default, issue 17's variant G,
     * {@link ArtimeSettings#defaults()}) or {@code ensemble} ({@link AnomalySettings#defaults()}); anything else fails the
     * start-up naming the key.
     */
    static AnomalyWatch anomalyWatch(PlatformConfig config, AnomalyMemoryStore store, ConfidenceGauge gauge) {
        String which = config.get("ANOMALY_DETECTOR", "artime").trim().toLowerCase(java.util.Locale.ROOT);
        return switch (which) {
            case "artime", "" -> new AnomalyWatch(new StreamingArtime(ArtimeSettings.defaults()), store, gauge);
            case "ensemble" -> new AnomalyWatch(new StreamingAnomalyDetector(AnomalySettings.defaults()), store, gauge);
            default -> throw new IllegalStateException("configuration ANOMALY_DETECTOR must be artime or ensemble, got '" + which + "'");
        };
    }

    /** The forecaster's calibration: the shipped one, or knots ("raw:calibrated,...") and an operating probability from configuration. */
    static BreachCalibration calibration(PlatformConfig config) {
        BreachCalibration shipped = BreachCalibration.defaults();
        double operating = shipped.operatingProbability();
        String p = config.get("ALERT_BREACH_PROBABILITY", "").trim();
        if (!p.isEmpty()) {
            try {
                operating = Double.parseDouble(p);
            } catch (NumberFormatException e) {
                operating = Double.NaN;
            }
            if (!(operating > 0 && operating < 1)) {
                throw new IllegalStateException("configuration ALERT_BREACH_PROBABILITY must be a number between 0 and 1 (exclusive), got '" + p + "'");
            }
        }
        String knots = config.get("ALERT_BREACH_CALIBRATION", "").trim();
        if (knots.isEmpty()) return shipped.withOperatingProbability(operating);
        try {
            return BreachCalibration.parse(knots, operating);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("configuration ALERT_BREACH_CALIBRATION: " + e.getMessage());
        }
    }

    private static int positive(PlatformConfig config, String name, int fallback) {
        int value = config.getInt(name, fallback);
        if (value < 1) throw new IllegalStateException("configuration " + name + " must be at least 1");
        return value;
    }
}
