package com.jorge.platform.install;

import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.ghl.oauth.GhlAuthorization;
import com.jorge.platform.ghl.oauth.GhlOAuthClient;
import com.jorge.platform.ghl.oauth.GhlOAuthSettings;
import com.jorge.platform.ghl.oauth.InstallationStore;
import com.jorge.platform.ghl.oauth.LocationTokens;
import com.jorge.platform.ghl.oauth.TokenSealer;
import com.jorge.platform.intake.IntakeFunction;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.Database;
import com.jorge.platform.storage.Transactor;

import java.time.Clock;
import javax.sql.DataSource;

/** Builds the install flow from configuration: the intake's signature keys, the app's OAuth credentials, Aurora, the token key. */
public final class MarketplaceInstallFunction {

    private MarketplaceInstallFunction() {}

    public static MarketplaceInstall fromConfig(PlatformConfig config, PlatformMetrics metrics) {
        Database database = Database.open(Database.Settings.fromConfig(config));
        if (config.getBoolean("DATABASE_MIGRATE", true)) database.migrate();
        return fromConfig(config, database.dataSource(), metrics);
    }

    public static MarketplaceInstall fromConfig(PlatformConfig config, DataSource dataSource, PlatformMetrics metrics) {
        GhlOAuthSettings settings = GhlOAuthSettings.fromConfig(config);
        GhlOAuthClient oauth = new GhlOAuthClient(settings, PlatformJson.mapper());
        Transactor transactor = new Transactor(dataSource);
        InstallationStore store = new InstallationStore();
        TokenSealer sealer = new TokenSealer(GhlAuthorization.dataKeys(config));
        Clock clock = Clock.systemUTC();
        LocationTokens tokens = new LocationTokens(transactor, store, sealer, oauth, clock, settings.refreshAhead(), metrics);
        return new MarketplaceInstall(IntakeFunction.signatureVerifier(config), oauth, transactor, store, sealer, tokens,
                PlatformJson.mapper(), clock);
    }
}
