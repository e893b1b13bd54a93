package com.jorge.platform.perf.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives the local runtime with signed webhooks from simulated leads while faults are injected and
 * removed, then checks that every accepted webhook was answered exactly once, silent by a recorded
 * decision, or dead-lettered, and prints one line per scenario. Exits 1 on any loss or duplicate.
 * Everything runs on 127.0.0.1: the platform in this process, its PostgreSQL and redis-server as
 * processes this harness started (and the only ones it stops).
 */
public final class FaultHarness {

    private FaultHarness() {}

    public static void main(String[] args) throws Exception {
        RunOptions options;
        try {
            options = RunOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path out = options.out().toAbsolutePath();
        Files.createDirectories(out);
        // before any logger exists: the platform's JSON logs go to a file, the terminal shows the results
        System.setProperty("log4j2.configurationFile", "log4j2-local.xml");
        System.setProperty("jorge.local.logFile", out.resolve("platform.log").toString());

        List<Scenario> scenarios = Scenario.catalog().stream().filter(options::selected).toList();
        if (scenarios.isEmpty()) {
            System.err.println("no scenario selected; names: " + Scenario.catalog().stream().map(Scenario::name).toList());
            System.exit(2);
        }
        long began = System.nanoTime();
        List<ScenarioResult> results = new ArrayList<>();
        List<String> harnessErrors = new ArrayList<>();
        try (OwnPostgres postgres = OwnPostgres.start(Files.createTempDirectory(out, "pg-"));
             OwnRedis redis = OwnRedis.start(options.redisServer(), out)) {
            System.out.printf("fault harness: %d scenarios, %d webhooks/s plateau (%d on the spike), %d cores; "
                            + "own PostgreSQL %s, own redis-server pid %d at %s%n", scenarios.size(), options.rate(),
                    2 * options.rate(), Runtime.getRuntime().availableProcessors(), postgres.baseUrl(), redis.pid(), redis.url());
            // a throwaway scenario without a fault first: the JIT and connection pools warm up on it, so the
            // first real scenario's early seconds measure the platform rather than a cold JVM
            new ScenarioRun(Scenario.warmup(), options, postgres, redis).run();
            System.out.printf("warm-up done (%.0f s)%n", (System.nanoTime() - began) / 1e9);
            for (Scenario s : scenarios) {
                System.out.printf("%n== %s: %s%n", s.name(), s.description());
                try {
                    ScenarioResult r = new ScenarioRun(s, options, postgres, redis).run();
                    TextReport.print(r, System.out);
                    System.out.println(r.line());
                    results.add(r);
                } catch (Exception e) { // the harness itself failed: say so, and go on with the next scenario
                    String line = "scenario=" + s.name() + " harnessError=" + e;
                    System.out.println(line);
                    harnessErrors.add(line);
                }
            }
        }
        Path html = out.resolve("report.html");
        HtmlReport.write(html, "Fault harness, " + Instant.now() + (options.quick() ? " (--quick)" : ""), results);
        System.out.printf("%n== summary (%.0f s; report %s)%n", (System.nanoTime() - began) / 1e9, html);
        results.forEach(r -> System.out.println(r.line()));
        harnessErrors.forEach(System.out::println);
        boolean failed = !harnessErrors.isEmpty() || results.stream().anyMatch(ScenarioResult::failed);
        System.exit(failed ? 1 : 0);
    }
}
