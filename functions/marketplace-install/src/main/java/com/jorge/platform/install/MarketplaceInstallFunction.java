package com.jorge.platform.install;

import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.ghl.oauth.GhlAuthorization;
import com.jorge.platform.ghl.oauth.GhlOAuthClient;
import com.jorge.platform.ghl.oauth.GhlOAuthSettings;
import com.jorge.platform.ghl.oauth.InstallationStore;
import com.jorge.platform.ghl.oauth.LocationTokens;
import com.jorge.platform.ghl.oauth.TokenSealer;
import com.jorge.platform.intake.IntakeFunction;
import com.jorge.platform.intake.WebhookIntakeHandler;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.limits.RequestLimits;
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

    /**
     * The intake for the lead events GHL sends to the app's one webhook URL: the same {@code WebhookIntake}
     * as λ webhook-intake (SQS {@code LEAD_EVENTS_QUEUE_URL}, the Redis replay guard); null without a queue.
     */
    public static WebhookIntakeHandler leadEvents(PlatformConfig config, PlatformMetrics metrics) {
        return config.get("LEAD_EVENTS_QUEUE_URL").isPresent()
                ? new WebhookIntakeHandler(IntakeFunction.fromConfig(config, metrics), metrics) : null;
    }

    /**
     * The OAuth callback's limit per browser address, {@code OAUTH_CALLBACK_LIMIT_PER_CLIENT_PER_MINUTE} (30):
     * an admin installs a few times at most; null without Redis (then nothing is limited).
     */
    public static RequestLimits callbackLimits(PlatformConfig config) {
        return RequestLimits.fromConfig(config, new RequestLimits.Limit(config.getInt("OAUTH_CALLBACK_LIMIT_PER_CLIENT_PER_MINUTE", 30)),
                new RequestLimits.Limit(Integer.MAX_VALUE));
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
