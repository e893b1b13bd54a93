package com.jorge.platform.perf;

import com.jorge.platform.bots.simulator.Persona;
import com.jorge.platform.bots.simulator.Personas;
import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.local.LocalPlatform;
import com.jorge.platform.perf.LoadShapes.Arrival;
import com.jorge.platform.testkit.TestPostgres;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.lambda.WorkerFunction;
import com.jorge.platform.worker.policy.StarterQualificationPolicy;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Webhook received to reply handed to the GHL API, end to end on one machine: signed webhooks over
 * HTTP into the local runtime (intake handler, Redis replay guard, in-process FIFO queue, worker
 * handler, PostgreSQL transaction, Redis write-through) until the fake GHL API receives the SMS.
 * Load shapes: a fixed rate, steps of rising rates (the saturation point), or many leads in
 * conversation at once; {@code --compare} alternates the starter and the Jorge bots in one JVM so
 * their p99s are compared under the same machine load.
 */
public final class WebhookPathBenchmark {

    private static final List<String> STARTER_TEXTS = List.of("Hi, I'm thinking of selling my house", "Relocating for work",
            "In about 3 months", "Around 450k");
    /** A step whose p99 passes this, or with errors or a reply rate under 95 % of the send rate, is past saturation. */
    private static final double SATURATED_P99_MS = 1_000;
    /** The local runtime's worker threads (WORKER_CONCURRENCY, default 8, as the worker's reserved concurrency). */
    private static final int WORKER_THREADS = 8;
    /** The worker's own schedules: quiet-hours replies with the outbox's retries, and follow-ups. */
    private static final String PATH_SCHEDULES = "due-replies,follow-ups";

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        System.setProperty("log4j2.configurationFile", "log4j2-local.xml");
        System.setProperty("jorge.local.logFile", "target/benchmark-platform.log");
        List<AutoCloseable> open = new ArrayList<>();
        try {
            if (options.compareRepeats() > 0) {
                compare(options, start("starter", options, open), start("jorge", options, open));
            } else {
                PhaseRunner runner = start(options.bot(), options, open);
                if (!options.steps().isEmpty()) steps(options, runner);
                else if (options.conversations() > 0) conversations(options, runner);
                else fixedRate(options, runner);
            }
        } finally {
            for (AutoCloseable c : open.reversed()) c.close();
        }
    }

    /** A platform with one bot suite on a fresh schema and Redis namespace; closed with the run. */
    private static PhaseRunner start(String bot, BenchmarkOptions options, List<AutoCloseable> open) throws Exception {
        TestPostgres.Schema schema = TestPostgres.newSchema("bench");
        open.add(schema);
        String redis = TestRedis.standaloneUrl();
        boolean jorge = bot.equals("jorge");
        LocalPlatform platform = LocalPlatform.start(Map.of(
                "DATABASE_URL", schema.jdbcUrl(), "DATABASE_USER", schema.user(), "DATABASE_PASSWORD", schema.password(),
                "REDIS_URL", redis, "REDIS_NAMESPACE", TestRedis.namespace("bench"),
                // the cache-warmer and the BI aggregator run in Lambdas of their own in AWS: here they would take
                // the path's two cores every minute, unless --schedules all asks for them
                "LOCAL_SCHEDULES", options.allSchedules() ? String.join(",", LocalPlatform.ALL_SCHEDULES) : PATH_SCHEDULES,
                "LOCAL_INBOX", "false"), // the agents' inbox is no part of the path
                0, jorge ? WorkerFunction.jorgeBots(Map.of()) : BotSuite.of(new StarterQualificationPolicy()),
                // a weekday noon in Austin: quiet hours must not hold replies back during the run
                Clock.fixed(Instant.parse("2026-11-23T18:00:00Z"), ZoneOffset.UTC));
        open.add(platform);
        System.out.printf("webhook path benchmark: %s bot, schedules %s, PostgreSQL %s, Redis %s, %d cores, %s, load average %.1f%n",
                bot, options.allSchedules() ? "all" : PATH_SCHEDULES, TestPostgres.server().origin(), redis, Runtime.getRuntime().availableProcessors(), gcNames(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return new PhaseRunner(platform, schema, bot);
    }

    private static List<String> scriptFor(String bot) {
        return bot.equals("jorge") ? Personas.byId("motivated-seller").orElseThrow().messages() : STARTER_TEXTS;
    }

    private static List<Arrival> scripted(String label, int rate, int seconds, String bot) {
        return LoadShapes.scripted(label + "-" + System.nanoTime() + "-", rate, seconds, scriptFor(bot));
    }

    private static void fixedRate(BenchmarkOptions o, PhaseRunner runner) throws Exception {
        warmup(o, runner, o.rate());
        PhaseResult r = measured(o, runner, "measure", scripted("measure", o.rate(), o.seconds(), o.bot()), o.seconds());
        print(List.of(r));
        System.out.println();
        System.out.printf("RESULT rate=%d/s duration=%ds sent=%d replies=%d errors=%d missing=%d%n",
                o.rate(), o.seconds(), r.sent(), r.replies(), r.errors(), r.sent() - r.replies() - r.silent());
        System.out.printf("RESULT webhook->GHL send  p50=%.1f ms  p95=%.1f ms  p99=%.1f ms  p99.9=%.1f ms  max=%.1f ms%n",
                r.ms(50), r.ms(95), r.ms(99), r.ms(99.9), r.maxMs());
        System.out.printf("RESULT intake HTTP answer p50=%.2f ms  p99=%.2f ms%n", r.intakeMs(50), r.intakeMs(99));
        System.out.printf("RESULT throughput %.1f replies/s%n", r.repliesPerSecond());
        System.out.println(keyValues(r, "rate", o.rate()));
    }

    private static void warmup(BenchmarkOptions o, PhaseRunner runner, int rate) throws Exception {
        if (o.warmupSeconds() == 0) return;
        PhaseResult w = runner.run("warmup", scripted("warmup", rate, o.warmupSeconds(), runner.bot()), o.warmupSeconds());
        System.out.printf("warmup (%s): %d webhooks at %d/s, %d replies, p99 %.1f ms%n", runner.bot(), w.sent(), rate,
                w.replies(), w.ms(99));
    }

    /** Runs a measured phase, under a JFR recording of its own when {@code --jfr} asks for one. */
    private static PhaseResult measured(BenchmarkOptions o, PhaseRunner runner, String label, List<Arrival> arrivals,
                                        double seconds) throws Exception {
        List<PhaseRunner.Prepared> signed = runner.sign(arrivals);
        if (o.jfr() == null) return runner.runSigned(label, signed, seconds);
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            PhaseResult r = runner.runSigned(label, signed, seconds);
            recording.stop();
            Path file = Path.of(o.jfr().replaceFirst("\\.jfr$", "") + "-" + runner.bot() + "-" + label + ".jfr");
            recording.dump(file);
            System.out.println("JFR recording of " + runner.bot() + " " + label + ": " + file.toAbsolutePath());
            return r;
        }
    }

    /** Starter and Jorge bots measured alternately, so both see the same machine; the ratio is of the p99s. */
    private static void compare(BenchmarkOptions o, PhaseRunner starter, PhaseRunner jorge) throws Exception {
        warmup(o, starter, o.rate());
        warmup(o, jorge, o.rate());
        List<PhaseResult> all = new ArrayList<>();
        double[] ratios = new double[o.compareRepeats()];
        double[] starterP99 = new double[o.compareRepeats()];
        double[] jorgeP99 = new double[o.compareRepeats()];
        for (int i = 0; i < o.compareRepeats(); i++) {
            PhaseResult s = measured(o, starter, "run-" + (i + 1), scripted("s" + i, o.rate(), o.seconds(), "starter"), o.seconds());
            PhaseResult j = measured(o, jorge, "run-" + (i + 1), scripted("j" + i, o.rate(), o.seconds(), "jorge"), o.seconds());
            all.add(s);
            all.add(j);
            starterP99[i] = s.ms(99);
            jorgeP99[i] = j.ms(99);
            ratios[i] = j.ms(99) / s.ms(99);
            System.out.printf("run %d: starter p99 %.1f ms, Jorge p99 %.1f ms, ratio %.2f%n", i + 1, s.ms(99), j.ms(99), ratios[i]);
        }
        print(all);
        long errors = all.stream().mapToLong(PhaseResult::errors).sum();
        System.out.println();
        System.out.printf("RESULT compare rate=%d repeats=%d starter_p99_ms=%.1f jorge_p99_ms=%.1f ratio=%.2f "
                        + "(medians; ratio is the median of each run's Jorge p99 / starter p99) errors=%d%n",
                o.rate(), o.compareRepeats(), median(starterP99), median(jorgeP99), median(ratios), errors);
        System.out.printf("rate=%d repeats=%d starter_p99_ms=%.1f jorge_p99_ms=%.1f ratio=%.2f errors=%d%n",
                o.rate(), o.compareRepeats(), median(starterP99), median(jorgeP99), median(ratios), errors);
    }

    /** The same platform at rising rates until the tail or the errors break; says what was busiest there. */
    private static void steps(BenchmarkOptions o, PhaseRunner runner) throws Exception {
        warmup(o, runner, o.steps().getFirst());
        List<PhaseResult> all = new ArrayList<>();
        PhaseResult broke = null;
        PhaseResult lastGood = null;
        for (int rate : o.steps()) {
            PhaseResult r = measured(o, runner, rate + "/s", scripted("step" + rate, rate, o.seconds(), o.bot()), o.seconds());
            all.add(r);
            System.out.println(PhaseResult.header());
            System.out.println(r.row());
            if (r.ms(99) > SATURATED_P99_MS || r.errors() > 0 || r.replies() + r.silent() < r.sent()) {
                broke = r;
                break;
            }
            lastGood = r;
        }
        print(all);
        System.out.println();
        if (broke == null) {
            System.out.println("no step broke: p99 stayed under " + SATURATED_P99_MS + " ms without errors; try higher --steps");
        } else {
            System.out.println("saturated at " + broke.label() + ": " + saturationEvidence(broke));
        }
        System.out.printf("bot=%s steps=%s last_good_rate=%s broke_at=%s p99_ms_at_last_good=%.1f saturated=%s%n", o.bot(),
                o.steps().stream().map(String::valueOf).collect(Collectors.joining(",")),
                lastGood == null ? "none" : lastGood.label().replace("/s", ""),
                broke == null ? "none" : broke.label().replace("/s", ""),
                lastGood == null ? Double.NaN : lastGood.ms(99), broke == null ? "none" : saturatedResource(broke));
    }

    /** The resource that ran out first, from the samples: CPU, the database pool, the worker slots, GC. */
    private static String saturatedResource(PhaseResult r) {
        var u = r.usage();
        int cores = Runtime.getRuntime().availableProcessors();
        if (u.meanPoolWaiting() >= 1) return "db_pool";
        if (u.gcPauseMs() > 0.1 * r.seconds() * 1000) return "gc";
        if (u.cpuCores() > 0.8 * cores || u.loadAverage() > cores) return "cpu";
        if (u.meanBusySlots() > 0.9 * WORKER_THREADS && u.maxQueueDepth() > WORKER_THREADS) return "worker_threads";
        return "unclear";
    }

    private static String saturationEvidence(PhaseResult r) {
        var u = r.usage();
        return String.format("p99 %.0f ms, %d errors, %.1f replies/s for %d sent in %.0f s; the platform's process used %.2f of %d cores "
                        + "(%.1f ms CPU per webhook), machine load average %.1f; GC paused %d times, %.0f ms in all (%.1f %% of the time), longest %.0f ms; "
                        + "queue depth up to %d; worker threads busy %.1f on average, up to %d; database pool: up to %d active, "
                        + "%.1f threads waiting on average, up to %d",
                r.ms(99), r.errors(), r.repliesPerSecond(), r.sent(), r.seconds(), u.cpuCores(), Runtime.getRuntime().availableProcessors(),
                r.cpuMsPerWebhook(), u.loadAverage(), u.gcPauses(), u.gcPauseMs(), 100 * u.gcPauseMs() / (r.seconds() * 1000),
                u.gcMaxPauseMs(), u.maxQueueDepth(), u.meanBusySlots(), u.maxBusySlots(), u.maxPoolActive(), u.meanPoolWaiting(),
                u.maxPoolWaiting());
    }

    /** Many leads mid-conversation: the warmup is the start of the same conversations, so all have texted once. */
    private static void conversations(BenchmarkOptions o, PhaseRunner runner) throws Exception {
        List<Persona> personas = runner.bot().equals("jorge") ? Personas.all()
                : List.of(new Persona("starter", "starter script", Personas.all().getFirst().startsAs(), "Sam", "+15125550100",
                STARTER_TEXTS, Personas.all().getFirst().expected()));
        long warmup = o.warmupSeconds() * 1_000_000_000L;
        long end = warmup + o.seconds() * 1_000_000_000L;
        List<Arrival> all = LoadShapes.conversations("conv-" + System.nanoTime() + "-", o.conversations(), o.minGapSeconds(),
                o.maxGapSeconds(), o.warmupSeconds() + o.seconds(), personas, o.seed());
        System.out.printf("%d leads in conversation, each texting every %d-%d s: %d texts in %d s (%.1f/s)%n", o.conversations(),
                o.minGapSeconds(), o.maxGapSeconds(), all.size(), o.warmupSeconds() + o.seconds(),
                all.size() / (double) (o.warmupSeconds() + o.seconds()));
        if (warmup > 0) {
            PhaseResult w = runner.run("warmup", LoadShapes.window(all, 0, warmup), o.warmupSeconds());
            System.out.printf("warmup: %d texts, %d replies, p99 %.1f ms%n", w.sent(), w.replies(), w.ms(99));
        }
        PhaseResult r = measured(o, runner, "plateau", LoadShapes.window(all, warmup, end), o.seconds());
        print(List.of(r));
        System.out.println();
        System.out.printf("RESULT conversations=%d gap=%d-%ds duration=%ds sent=%d replies=%d silent_by_decision=%d errors=%d%n",
                o.conversations(), o.minGapSeconds(), o.maxGapSeconds(), o.seconds(), r.sent(), r.replies(), r.silent(), r.errors());
        System.out.printf("RESULT webhook->GHL send  p50=%.1f ms  p95=%.1f ms  p99=%.1f ms  p99.9=%.1f ms  max=%.1f ms%n",
                r.ms(50), r.ms(95), r.ms(99), r.ms(99.9), r.maxMs());
        System.out.println(keyValues(r, "conversations", o.conversations()));
    }

    private static void print(List<PhaseResult> results) {
        System.out.println();
        System.out.println(PhaseResult.header());
        for (PhaseResult r : results) System.out.println(r.row());
        for (PhaseResult r : results) {
            System.out.println();
            System.out.printf("%s %s: intake answer p50 %.2f ms, p99 %.2f ms; %.1f replies/s%n", r.bot(), r.label(),
                    r.intakeMs(50), r.intakeMs(99), r.repliesPerSecond());
            System.out.println("  worst latency (ms) of the webhooks sent in each second:"
                    + Arrays.stream(r.worstBySecondMs()).mapToObj(v -> " " + v).collect(Collectors.joining()));
            System.out.println("  GHL calls per webhook: " + r.ghlCallsPerWebhook().entrySet().stream()
                    .map(e -> String.format("%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
            if (!r.errorKinds().isEmpty()) System.out.println("  errors: " + r.errorKinds());
        }
    }

    /** The last line: one key=value record of the measured phase. */
    private static String keyValues(PhaseResult r, String shape, int value) {
        var u = r.usage();
        return String.format("bot=%s %s=%d sent=%d replies=%d silent=%d errors=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f "
                        + "intake_p99_ms=%.2f cpu_ms_per_webhook=%.2f gc_pauses=%d gc_max_pause_ms=%.1f load_average=%.1f",
                r.bot(), shape, value, r.sent(), r.replies(), r.silent(), r.errors(), r.ms(50), r.ms(95), r.ms(99), r.maxMs(),
                r.intakeMs(99), r.cpuMsPerWebhook(), u.gcPauses(), u.gcMaxPauseMs(), u.loadAverage());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String gcNames() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).collect(Collectors.joining("+"));
    }
}
