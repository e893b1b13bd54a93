package com.jorge.platform.infra.constructs;

import com.jorge.platform.infra.config.EnvironmentSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The functions that EventBridge runs on a schedule. Each is one entry: its module, handler, schedule
 * (from the environment config) and what it may touch; the functions stack turns each into a function,
 * its canary, its rule and its grants.
 */
public final class ScheduledFunctionCatalog {

    /**
     * What a scheduled function may reach; the functions stack turns each into grants and environment
     * ({@code EXPERIMENTS}: the experiments' configuration, for whoever computes the BI report).
     */
    public enum Access { DATABASE, REDIS, READ_METRICS, PUBLISH_ALERTS, EXPERIMENTS }

    /**
     * One lead-cache read in this many goes to the access stream (the worker's and bi-api's ACCESS_CAPTURE_SAMPLE_EVERY);
     * the cache-warmer reads the same value to scale what it sees back to all reads when it calibrates its chances.
     */
    public static final String ACCESS_CAPTURE_SAMPLE_EVERY = "16";

    /** {@code settings}: environment of this function's own, beyond what its access brings. */
    public record Entry(String name, String module, String jarName, String handler, String schedule, int memoryMiB,
                        int timeoutSeconds, Set<Access> access, Map<String, String> settings) {
        public Entry(String name, String module, String jarName, String handler, String schedule, int memoryMiB,
                     int timeoutSeconds, Set<Access> access) {
            this(name, module, jarName, handler, schedule, memoryMiB, timeoutSeconds, access, Map.of());
        }

        public Entry {
            access = Set.copyOf(access);
            settings = Map.copyOf(settings);
        }
    }

    private ScheduledFunctionCatalog() {
    }

    public static List<Entry> entries(EnvironmentSettings config) {
        var schedules = config.schedules();
        return List.of(
                new Entry("cache-warmer", "cache-warmer", "cache-warmer-lambda.jar",
                        "com.jorge.platform.cachewarmer.CacheWarmerHandler::handleRequest", schedules.cacheWarmer(), 1024, 300,
                        Set.of(Access.DATABASE, Access.REDIS, Access.EXPERIMENTS),
                        // learns its chances from the access stream, and loads a location's BI report before its
                        // predicted first view with bi-api's default settings (bi-api sets no BI_* of its own)
                        Map.of("ACCESS_CAPTURE_SAMPLE_EVERY", ACCESS_CAPTURE_SAMPLE_EVERY, "WARMER_BI_REPORTS", "true")),
                new Entry("alert-evaluator", "alert-evaluator", "alert-evaluator-lambda.jar",
                        "com.jorge.platform.alerts.AlertEvaluatorHandler::handleRequest", schedules.alertEvaluator(), 1024, 50,
                        // DATABASE: the business alerts read the BI tables (functions/alert-evaluator README, Business alerts)
                        Set.of(Access.READ_METRICS, Access.PUBLISH_ALERTS, Access.REDIS, Access.DATABASE),
                        // the "anomaly now" detector, set where ops can see it: ARTime (issue 17's variant G) or ensemble
                        Map.of("ANOMALY_DETECTOR", "artime")),
                new Entry("bi-aggregator", "bi-aggregator", "bi-aggregator-lambda.jar",
                        "com.jorge.platform.bi.BiAggregatorHandler::handleRequest", schedules.biAggregator(), 1536, 240,
                        Set.of(Access.DATABASE, Access.EXPERIMENTS)));
    }
}
