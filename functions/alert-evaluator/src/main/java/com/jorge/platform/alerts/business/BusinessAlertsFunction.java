package com.jorge.platform.alerts.business;

import com.jorge.platform.alerts.aws.SnsAlertPublisher;
import com.jorge.platform.alerts.state.RedisAlertState;
import com.jorge.platform.bi.BiReportReader;
import com.jorge.platform.bi.BiSettings;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.storage.Database;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the business alerts from configuration, on the technical alerts' state and topic: {@code REDIS_URL},
 * {@code ALERT_STATE_PREFIX}, {@code ALERT_COOLDOWN_MINUTES}, {@code ALERTS_TOPIC_ARN}; the BI numbers from
 * {@code DATABASE_URL} (with the BI settings: commission plan, {@code BI_DEFAULT_ZONE}); thresholds in
 * {@link BusinessAlertSettings}. Off (empty) without {@code DATABASE_URL} or with {@code BUSINESS_ALERTS=false}.
 */
public final class BusinessAlertsFunction {

    private BusinessAlertsFunction() {}

    public static Optional<BusinessAlerts> fromConfig(PlatformConfig config, Clock clock) {
        return fromConfig(config, clock, () -> SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).build());
    }

    public static Optional<BusinessAlerts> fromConfig(PlatformConfig config, Clock clock, Supplier<SnsClient> snsClient) {
        if (config.get("DATABASE_URL").isEmpty() || !config.getBoolean("BUSINESS_ALERTS", true)) return Optional.empty();
        BusinessAlertSettings settings = BusinessAlertSettings.fromConfig(config);
        BiSettings bi = BiSettings.fromConfig(config);
        RedisConnector redis = RedisConnector.fromConfig(config, Duration.ofSeconds(2));
        if (redis == null) throw new IllegalStateException("configuration REDIS_URL is missing: alert state lives in Redis");
        String topic = config.require("ALERTS_TOPIC_ARN");
        int cooldown = config.getInt("ALERT_COOLDOWN_MINUTES", 60);
        if (cooldown < 1) throw new IllegalStateException("configuration ALERT_COOLDOWN_MINUTES must be at least 1");
        var dataSource = Database.open(Database.Settings.fromConfig(config)).dataSource();
        List<BusinessCheck> checks = List.of(new QualificationRateCheck(dataSource, settings), new PipelineValueCheck(dataSource, settings),
                new CommissionTargetCheck(new BiReportReader(dataSource, bi, clock), settings));
        return Optional.of(new BusinessAlerts(dataSource, checks,
                new RedisAlertState(redis, config.get("ALERT_STATE_PREFIX", "alerts:"), Duration.ofMinutes(cooldown)),
                new SnsAlertPublisher(snsClient.get(), topic), clock, bi.defaultZone()));
    }
}
