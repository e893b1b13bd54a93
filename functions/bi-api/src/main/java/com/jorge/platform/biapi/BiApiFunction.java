package com.jorge.platform.biapi;

import com.jorge.platform.bi.BiReportReader;
import com.jorge.platform.bi.BiSettings;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.storage.Database;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;

import java.net.MalformedURLException;
import java.time.Clock;

/** Builds the bi-api from configuration: the database (DATABASE_*), the BI settings, the token rules ({@link BiApiSettings}). */
public final class BiApiFunction {

    private BiApiFunction() {}

    public static BiApi fromConfig(PlatformConfig config, Clock clock) {
        BiApiSettings settings = BiApiSettings.fromConfig(config);
        var dataSource = Database.open(Database.Settings.fromConfig(config)).dataSource();
        try {
            var keys = JWKSourceBuilder.<SecurityContext>create(settings.jwksUrl().toURL()).build();
            return new BiApi(new BiTokens(keys, settings.issuer(), settings.clientId(), settings.maxLifetime()),
                    new BiReaders(dataSource), new BiReportReader(dataSource, BiSettings.fromConfig(config), clock), clock);
        } catch (MalformedURLException e) {
            throw new IllegalStateException("configuration BI_API_JWKS_URL is not a URL", e);
        }
    }
}
