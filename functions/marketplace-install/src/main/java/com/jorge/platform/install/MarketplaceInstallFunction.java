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
        return fromConfig(config, metrics, appEventLimits(config));
    }

    /** {@code appEventLimits} (nullable): its location buckets limit INSTALL / UNINSTALL per location or agency. */
    public static MarketplaceInstall fromConfig(PlatformConfig config, PlatformMetrics metrics, RequestLimits appEventLimits) {
        Database database = Database.open(Database.Settings.fromConfig(config));
        if (config.getBoolean("DATABASE_MIGRATE", true)) database.migrate();
        return fromConfig(config, database.dataSource(), metrics, appEventLimits);
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
        // its own buckets: an address's bucket shared with the inbox's or the intake's would keep whichever limit came first
        return RequestLimits.fromConfig(config, "oauth-callback",
                new RequestLimits.Limit(config.getInt("OAUTH_CALLBACK_LIMIT_PER_CLIENT_PER_MINUTE", 30)),
                new RequestLimits.Limit(Integer.MAX_VALUE));
    }

    /**
     * The app's webhook URL's limits, in buckets of its own: per sender address
     * {@code APP_WEBHOOK_LIMIT_PER_CLIENT_PER_MINUTE} (12,000, as the intake's: GHL sends from a few addresses, and every
     * event of the app comes here), per location or agency for INSTALL / UNINSTALL
     * {@code APP_WEBHOOK_LIMIT_PER_LOCATION_PER_MINUTE} (60: a location installs a few times a year); null without Redis.
     */
    public static RequestLimits appEventLimits(PlatformConfig config) {
        return RequestLimits.fromConfig(config, "app-webhook",
                new RequestLimits.Limit(config.getInt("APP_WEBHOOK_LIMIT_PER_CLIENT_PER_MINUTE", 12_000)),
                new RequestLimits.Limit(config.getInt("APP_WEBHOOK_LIMIT_PER_LOCATION_PER_MINUTE", 60)));
    }

    public static MarketplaceInstall fromConfig(PlatformConfig config, DataSource dataSource, PlatformMetrics metrics) {
        return fromConfig(config, dataSource, metrics, null);
    }

    public static MarketplaceInstall fromConfig(PlatformConfig config, DataSource dataSource, PlatformMetrics metrics,
                                                RequestLimits appEventLimits) {
        GhlOAuthSettings settings = GhlOAuthSettings.fromConfig(config);
        GhlOAuthClient oauth = new GhlOAuthClient(settings, PlatformJson.mapper());
        Transactor transactor = new Transactor(dataSource);
        InstallationStore store = new InstallationStore();
        TokenSealer sealer = new TokenSealer(GhlAuthorization.dataKeys(config));
        Clock clock = Clock.systemUTC();
        LocationTokens tokens = new LocationTokens(transactor, store, sealer, oauth, clock, settings.refreshAhead(), metrics);
        return new MarketplaceInstall(IntakeFunction.signatureVerifier(config), oauth, transactor, store, sealer, tokens,
                PlatformJson.mapper(), clock, appEventLimits);
    }
}
