package com.jorge.platform.biapi;

import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.limits.RequestLimits;

import java.net.URI;
import java.time.Duration;

/**
 * Whose tokens the bi-api takes: the user pool's issuer ({@code BI_API_ISSUER}), its JWKS
 * ({@code BI_API_JWKS_URL}, default the issuer's {@code /.well-known/jwks.json}), the app client
 * ({@code BI_API_CLIENT_ID}) and the longest lifetime a token may have ({@code BI_API_TOKEN_MAX_MINUTES}, 15),
 * the same rules as the inbox's tokens. Locally the issuer is the testkit's LocalCognito. Rate limits (token buckets in
 * the platform's Redis, {@code REDIS_*}): {@code BI_LIMIT_PER_CLIENT_PER_MINUTE} (60) per client address and
 * {@code BI_LIMIT_PER_LOCATION_PER_MINUTE} (300) per location; a report reads a year of rollups, a person reads a few.
 * Answers are cached in that Redis for {@code BI_CACHE_TTL_SECONDS} (900: the cache-warmer's interval, so a location's
 * report it pre-loads lasts until its next run; at most that plus one bi-aggregator run behind the rollups).
 */
public record BiApiSettings(String issuer, URI jwksUrl, String clientId, Duration maxLifetime,
                            RequestLimits.Limit perClient, RequestLimits.Limit perLocation, Duration cacheTtl) {

    public static BiApiSettings fromConfig(PlatformConfig config) {
        String issuer = config.require("BI_API_ISSUER");
        String jwks = config.get("BI_API_JWKS_URL", issuer.replaceAll("/+$", "") + "/.well-known/jwks.json");
        int minutes = config.getInt("BI_API_TOKEN_MAX_MINUTES", 15);
        if (minutes < 1) throw new IllegalStateException("configuration BI_API_TOKEN_MAX_MINUTES must be at least 1");
        URI uri;
        try {
            uri = URI.create(jwks);
            if (!uri.isAbsolute()) throw new IllegalArgumentException();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("configuration BI_API_JWKS_URL must be an absolute URL");
        }
        int cacheSeconds = config.getInt("BI_CACHE_TTL_SECONDS", 900);
        if (cacheSeconds < 1) throw new IllegalStateException("configuration BI_CACHE_TTL_SECONDS must be at least 1");
        return new BiApiSettings(issuer, uri, config.require("BI_API_CLIENT_ID"), Duration.ofMinutes(minutes),
                limit(config, "BI_LIMIT_PER_CLIENT_PER_MINUTE", 60), limit(config, "BI_LIMIT_PER_LOCATION_PER_MINUTE", 300),
                Duration.ofSeconds(cacheSeconds));
    }

    private static RequestLimits.Limit limit(PlatformConfig config, String key, int fallback) {
        int perMinute = config.getInt(key, fallback);
        if (perMinute < 1) throw new IllegalStateException("configuration " + key + " must be at least 1");
        return new RequestLimits.Limit(perMinute);
    }
}
