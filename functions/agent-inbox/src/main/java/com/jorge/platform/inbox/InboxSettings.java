package com.jorge.platform.inbox;

import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.limits.RequestLimits;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The inbox's settings. COGNITO_ISSUER (the user pool's issuer URL) and COGNITO_CLIENT_ID are required;
 * COGNITO_JWKS_URL defaults to the issuer's {@code /.well-known/jwks.json}; COGNITO_AUTH_ENDPOINT (where the
 * page logs in: Cognito's InitiateAuth) to the pool's regional endpoint; ACCESS_TOKEN_MAX_MINUTES (15)
 * refuses tokens meant to live longer; INBOX_PAGE_URL is the page's public address, for the links in the
 * notices; STEP_FUNCTIONS_ENDPOINT overrides the Step Functions endpoint (local runs);
 * INBOX_LIMIT_PER_CLIENT_PER_MINUTE (120) and INBOX_LIMIT_PER_LOCATION_PER_MINUTE (600) size the token buckets.
 */
public record InboxSettings(String issuer, String clientId, URI jwksUrl, String authEndpoint, Duration maxTokenLifetime,
                            String pageUrl, Optional<String> stepFunctionsEndpoint, RequestLimits.Limit perClient,
                            RequestLimits.Limit perLocation) {

    public static InboxSettings fromConfig(PlatformConfig config) {
        String issuer = config.require("COGNITO_ISSUER");
        String regional = issuer.replaceFirst("^(https://cognito-idp\\.[^/]+/).*$", "$1");
        return new InboxSettings(issuer, config.require("COGNITO_CLIENT_ID"),
                URI.create(config.get("COGNITO_JWKS_URL", issuer + "/.well-known/jwks.json")),
                config.get("COGNITO_AUTH_ENDPOINT", regional),
                Duration.ofMinutes(config.getInt("ACCESS_TOKEN_MAX_MINUTES", 15)),
                config.get("INBOX_PAGE_URL", "/inbox/"), config.get("STEP_FUNCTIONS_ENDPOINT"),
                new RequestLimits.Limit(config.getInt("INBOX_LIMIT_PER_CLIENT_PER_MINUTE", 120)),
                new RequestLimits.Limit(config.getInt("INBOX_LIMIT_PER_LOCATION_PER_MINUTE", 600)));
    }
}
