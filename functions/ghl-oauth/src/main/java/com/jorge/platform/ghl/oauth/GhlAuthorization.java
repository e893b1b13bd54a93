package com.jorge.platform.ghl.oauth;

import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.ghl.api.GhlTokens;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.Transactor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * How this deployment authorizes to GHL: a Marketplace app ({@code GHL_OAUTH_CLIENT_ID} set) gets
 * {@link LocationTokens}, each location's own OAuth token sealed in Aurora; otherwise the private
 * integration token {@code GHL_API_TOKEN} serves a single-location team.
 */
public final class GhlAuthorization {

    private GhlAuthorization() {}

    public static GhlTokens fromConfig(PlatformConfig config, DataSource dataSource, PlatformMetrics metrics) {
        if (!GhlOAuthSettings.configured(config)) {
            return GhlTokens.privateIntegration(tokenOnFirstUse(config));
        }
        GhlOAuthSettings settings = GhlOAuthSettings.fromConfig(config);
        return new LocationTokens(new Transactor(dataSource), new InstallationStore(), new TokenSealer(dataKeys(config)),
                new GhlOAuthClient(settings, PlatformJson.mapper()), Clock.systemUTC(), settings.refreshAhead(), metrics);
    }

    /**
     * The private integration's token, resolved on first use and kept: not at SnapStart snapshot time (a
     * secret read then would be frozen into every restored container), and not once a call.
     */
    private static Supplier<String> tokenOnFirstUse(PlatformConfig config) {
        return new Supplier<>() {
            private volatile String token;

            @Override
            public String get() {
                if (token == null) token = config.require("GHL_API_TOKEN");
                return token;
            }
        };
    }

    /** KMS in AWS ({@code GHL_TOKEN_KMS_KEY_ID}), else the local key ({@code GHL_TOKEN_LOCAL_KEY}); never neither. */
    public static DataKeys dataKeys(PlatformConfig config) {
        return config.get("GHL_TOKEN_KMS_KEY_ID")
                .<DataKeys>map(keyId -> new KmsDataKeys(KmsClient.builder().httpClient(UrlConnectionHttpClient.create()).build(), keyId))
                .orElseGet(() -> LocalDataKeys.fromBase64(config.get("GHL_TOKEN_LOCAL_KEY").orElseThrow(() -> new IllegalStateException(
                        "configuration GHL_TOKEN_KMS_KEY_ID (AWS) or GHL_TOKEN_LOCAL_KEY (a laptop) is needed to seal GHL tokens"))));
    }
}
