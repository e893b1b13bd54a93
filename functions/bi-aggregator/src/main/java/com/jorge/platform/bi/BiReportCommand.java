package com.jorge.platform.bi;

import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.storage.Database;

import java.time.LocalDate;

/**
 * Prints the BI report of one location as JSON, against the database in DATABASE_URL (DATABASE_USER,
 * DATABASE_PASSWORD): {@code java -cp bi-aggregator-lambda.jar com.jorge.platform.bi.BiReportCommand
 * LOCATION_ID FROM TO}. Reads the rollups only; BI_COMMISSION_RATE and BI_DEFAULT_ZONE apply.
 */
public final class BiReportCommand {

    private BiReportCommand() {}

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: BiReportCommand LOCATION_ID FROM TO   (dates YYYY-MM-DD, inclusive, in the location's zone)");
            System.exit(2);
        }
        PlatformConfig config = PlatformConfig.fromEnvironment();
        try (Database database = Database.open(Database.Settings.fromConfig(config))) {
            BiReport report = new BiReportReader(database.dataSource(), BiSettings.fromConfig(config))
                    .report(args[0], LocalDate.parse(args[1]), LocalDate.parse(args[2]));
            System.out.println(report.toJson());
        }
    }
}
