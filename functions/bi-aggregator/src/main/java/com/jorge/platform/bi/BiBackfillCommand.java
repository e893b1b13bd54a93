package com.jorge.platform.bi;

import com.jorge.platform.observability.RecordedMetrics;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Backfill from a shell, against the database in DATABASE_URL (DATABASE_USER, DATABASE_PASSWORD):
 * {@code java -cp bi-aggregator-lambda.jar com.jorge.platform.bi.BiBackfillCommand FROM TO [LOCATION_ID]}.
 * Unlike the Lambda it drains every queued day before it exits.
 */
public final class BiBackfillCommand {

    private BiBackfillCommand() {}

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: BiBackfillCommand FROM TO [LOCATION_ID]   (dates YYYY-MM-DD, days in each location's zone)");
            System.exit(2);
        }
        BiAggregator aggregator = BiAggregatorFunction.fromEnvironment(new RecordedMetrics());
        RunSummary summary = aggregator.backfill(args.length == 3 ? args[2] : null, LocalDate.parse(args[0]),
                LocalDate.parse(args[1]), Duration.ofDays(1));
        System.out.println(summary.toMap());
        System.exit(summary.daysFailed() == 0 ? 0 : 1);
    }
}
