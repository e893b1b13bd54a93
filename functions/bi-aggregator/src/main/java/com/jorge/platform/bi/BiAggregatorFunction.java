package com.jorge.platform.bi;

import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.storage.Database;

import java.time.Clock;

/** Builds the aggregator from the environment: the database (migrated unless DATABASE_MIGRATE=false) and BI_* keys. */
public final class BiAggregatorFunction {

    private BiAggregatorFunction() {}

    public static BiAggregator fromEnvironment(PlatformMetrics metrics) {
        return fromConfig(PlatformConfig.fromEnvironment(), metrics);
    }

    public static BiAggregator fromConfig(PlatformConfig config, PlatformMetrics metrics) {
        BiSettings settings = BiSettings.fromConfig(config);
        Database database = Database.open(Database.Settings.fromConfig(config));
        if (config.getBoolean("DATABASE_MIGRATE", true)) database.migrate();
        return new BiAggregator(database.dataSource(), settings, metrics, Clock.systemUTC());
    }
}
