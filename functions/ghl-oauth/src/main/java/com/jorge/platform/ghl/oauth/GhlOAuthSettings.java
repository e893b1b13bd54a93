package com.jorge.platform.ghl.oauth;

import com.jorge.platform.config.PlatformConfig;

import java.net.URI;
import java.time.Duration;

/**
 * The Marketplace app's credentials and GHL's token endpoint. {@code clientSecret} comes from Secrets
 * Manager in AWS ({@code GHL_OAUTH_CLIENT_SECRET_SECRET_ARN}) and is never printed.
 */
public record GhlOAuthSettings(URI baseUrl, String clientId, String clientSecret, String redirectUri,
                               Duration refreshAhead, Duration timeout) {

    public static final URI GHL_SERVICES = URI.create("https://services.leadconnectorhq.com/");

    public static GhlOAuthSettings fromConfig(PlatformConfig config) {
        return new GhlOAuthSettings(URI.create(config.get("GHL_API_BASE_URL", GHL_SERVICES.toString())),
                config.require("GHL_OAUTH_CLIENT_ID"), config.require("GHL_OAUTH_CLIENT_SECRET"),
                config.get("GHL_OAUTH_REDIRECT_URI", ""),
                Duration.ofMinutes(config.getInt("GHL_TOKEN_REFRESH_AHEAD_MINUTES", 10)),
                Duration.ofSeconds(10));
    }

    /** Whether this deployment is a Marketplace app (else the private-integration token serves one location). */
    public static boolean configured(PlatformConfig config) {
        return config.get("GHL_OAUTH_CLIENT_ID").isPresent();
    }

    @Override
    public String toString() {
        return "GhlOAuthSettings[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret=***, redirectUri="
                + redirectUri + ", refreshAhead=" + refreshAhead + "]";
    }
}
