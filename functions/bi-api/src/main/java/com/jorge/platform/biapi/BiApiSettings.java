package com.jorge.platform.biapi;

import com.jorge.platform.config.PlatformConfig;

import java.net.URI;
import java.time.Duration;

/**
 * Whose tokens the bi-api takes: the user pool's issuer ({@code BI_API_ISSUER}), its JWKS
 * ({@code BI_API_JWKS_URL}, default the issuer's {@code /.well-known/jwks.json}), the app client
 * ({@code BI_API_CLIENT_ID}) and the longest lifetime a token may have ({@code BI_API_TOKEN_MAX_MINUTES}, 15),
 * the same rules as the inbox's tokens. Locally the issuer is the testkit's LocalCognito.
 */
public record BiApiSettings(String issuer, URI jwksUrl, String clientId, Duration maxLifetime) {

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
        return new BiApiSettings(issuer, uri, config.require("BI_API_CLIENT_ID"), Duration.ofMinutes(minutes));
    }
}
