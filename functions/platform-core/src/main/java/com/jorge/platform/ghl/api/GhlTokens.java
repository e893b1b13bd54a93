package com.jorge.platform.ghl.api;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the GHL client gets the bearer token for a location's call. A Marketplace install has one
 * OAuth token per location ({@code com.jorge.platform.ghl.oauth.LocationTokens}); a single-location
 * team can keep a private-integration token ({@link #privateIntegration}). Implementations throw
 * {@link InstallationBrokenException} or {@link LocationNotInstalledException} when there is no usable
 * token, and {@link GhlApiException} (retryable, not processed) when one cannot be had right now.
 */
public interface GhlTokens {

    /** The access token to call GHL with for {@code locationId}, refreshed ahead of its expiry. */
    String accessToken(String locationId);

    /**
     * GHL answered 401 to {@code rejected}: a token to retry with once (refreshed unless another worker
     * already did), or empty when there is nothing fresher to get.
     */
    Optional<String> afterRejection(String locationId, String rejected);

    /** One token for every location: GHL's private integration token ({@code GHL_API_TOKEN}). */
    static GhlTokens privateIntegration(Supplier<String> token) {
        return new GhlTokens() {
            @Override
            public String accessToken(String locationId) {
                return token.get();
            }

            @Override
            public Optional<String> afterRejection(String locationId, String rejected) {
                return Optional.empty();
            }

            @Override
            public String toString() {
                return "GhlTokens[private integration, token=***]";
            }
        };
    }
}
