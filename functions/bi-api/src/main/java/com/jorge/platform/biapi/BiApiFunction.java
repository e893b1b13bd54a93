package com.jorge.platform.biapi;

import com.jorge.platform.bi.BiReportReader;
import com.jorge.platform.bi.BiSettings;
import com.jorge.platform.cache.AccessCapture;
import com.jorge.platform.cache.AccessStream;
import com.jorge.platform.cache.BiCache;
import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.limits.RequestLimits;
import com.jorge.platform.storage.Database;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.MalformedURLException;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds the bi-api from configuration: the database (DATABASE_*), the BI settings, the token rules ({@link BiApiSettings}),
 * the daily report's bucket for links ({@link ReportLinkSettings}; without BI_REPORT_BUCKET, no links), the rate limits
 * on the platform's Redis (without REDIS_URL, none).
 */
public final class BiApiFunction {

    private BiApiFunction() {}

    public static BiApi fromConfig(PlatformConfig config, Clock clock) {
        ReportLinks links = ReportLinkSettings.fromConfig(config).<ReportLinks>map(s -> new S3ReportLinks(
                S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(), S3Presigner.create(), s))
                .orElse(ReportLinks.NONE);
        return fromConfig(config, links, clock);
    }

    /**
     * The BI cache on the platform's Redis (without REDIS_URL, none), its gets captured into the access stream when
     * the platform's capture is on (ACCESS_CAPTURE_SAMPLE_EVERY above 0; BI gets are captured 1 in 1, they are few).
     */
    static BiCache cache(PlatformConfig config, BiApiSettings settings) {
        RedisConnector redis = RedisConnector.fromConfig(config, Duration.ofMillis(config.getInt("REDIS_TIMEOUT_MS", 500)));
        if (redis == null) return null;
        CacheKeys keys = new CacheKeys(config.get("REDIS_NAMESPACE", "jorge"));
        AccessCapture.Settings capture = AccessCapture.Settings.fromConfig(config);
        return new BiCache(redis, keys, settings.cacheTtl(), capture.enabled()
                ? new AccessCapture(1, capture.queueCapacity(), new AccessStream(redis, keys)) : null);
    }

    /** With the report links given (a test's, against a local S3). */
    public static BiApi fromConfig(PlatformConfig config, ReportLinks links, Clock clock) {
        BiApiSettings settings = BiApiSettings.fromConfig(config);
        return build(config, links, RequestLimits.fromConfig(config, "bi-api", settings.perClient(), settings.perLocation()),
                cache(config, settings), clock);
    }

    /** With the limits and the cache given (null: none), the rest from configuration. */
    static BiApi build(PlatformConfig config, ReportLinks links, RequestLimits limits, BiCache cache, Clock clock) {
        BiApiSettings settings = BiApiSettings.fromConfig(config);
        var dataSource = Database.open(Database.Settings.fromConfig(config)).dataSource();
        try {
            var keys = JWKSourceBuilder.<SecurityContext>create(settings.jwksUrl().toURL()).build();
            return new BiApi(new BiTokens(keys, settings.issuer(), settings.clientId(), settings.maxLifetime()),
                    new BiReaders(dataSource), new BiReportReader(dataSource, BiSettings.fromConfig(config), clock), links,
                    limits, cache, clock);
        } catch (MalformedURLException e) {
            throw new IllegalStateException("configuration BI_API_JWKS_URL is not a URL", e);
        }
    }
}
