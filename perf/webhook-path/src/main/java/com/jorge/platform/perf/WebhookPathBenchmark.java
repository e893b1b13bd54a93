package com.jorge.platform.perf;

import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.local.LocalPlatform;
import com.jorge.platform.testkit.TestPostgres;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.bots.simulator.Personas;
import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.worker.lambda.WorkerFunction;
import com.jorge.platform.worker.policy.StarterQualificationPolicy;
import org.HdrHistogram.Histogram;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Webhook received to reply handed to the GHL API, end to end on one machine: signed webhooks over
 * HTTP at a fixed rate into the local runtime (intake handler, Redis replay guard, in-process FIFO
 * queue, worker handler, PostgreSQL transaction, Redis write-through) until the fake GHL API receives
 * the SMS. Open loop: each request's latency counts from its scheduled send time, so a stall shows up
 * in the tail instead of slowing the load down (no coordinated omission).
 */
public final class WebhookPathBenchmark {

    private static final int LOCATIONS = 500;

    public static void main(String[] args) throws Exception {
        int rate = intArg(args, "--rate", 200);
        int seconds = intArg(args, "--seconds", 30);
        int warmupSeconds = intArg(args, "--warmup", 20);
        boolean jorge = !"starter".equals(stringArg(args, "--bot", "jorge"));
        System.setProperty("log4j2.configurationFile", "log4j2-local.xml");
        System.setProperty("jorge.local.logFile", "target/benchmark-platform.log");

        TestPostgres.Schema schema = TestPostgres.newSchema("bench");
        String redis = TestRedis.standaloneUrl();
        try (LocalPlatform platform = LocalPlatform.start(Map.of(
                "DATABASE_URL", schema.jdbcUrl(), "DATABASE_USER", schema.user(), "DATABASE_PASSWORD", schema.password(),
                "REDIS_URL", redis, "REDIS_NAMESPACE", TestRedis.namespace("bench")),
                0, jorge ? WorkerFunction.jorgeBots(Map.of()) : BotSuite.of(new StarterQualificationPolicy()),
                // a weekday noon in Austin: quiet hours must not hold replies back during the run
                Clock.fixed(Instant.parse("2026-11-23T18:00:00Z"), ZoneOffset.UTC))) {
            TEXTS = jorge ? Personas.byId("motivated-seller").orElseThrow().messages().toArray(String[]::new) : STARTER_TEXTS;
            System.out.printf("webhook path benchmark: %s bot, PostgreSQL %s, Redis %s, %d cores%n",
                    jorge ? "Jorge" : "starter", TestPostgres.server().origin(), redis, Runtime.getRuntime().availableProcessors());
            run(platform, "warmup", rate, warmupSeconds, false);
            Result r = run(platform, "measure", rate, seconds, true);
            System.out.println();
            System.out.printf("RESULT rate=%d/s duration=%ds sent=%d replies=%d errors=%d missing=%d%n",
                    rate, seconds, r.sent, r.latency.getTotalCount(), r.errors, r.sent - r.latency.getTotalCount());
            System.out.printf("RESULT webhook->GHL send  p50=%.1f ms  p95=%.1f ms  p99=%.1f ms  p99.9=%.1f ms  max=%.1f ms%n",
                    ms(r.latency, 50), ms(r.latency, 95), ms(r.latency, 99), ms(r.latency, 99.9), r.latency.getMaxValue() / 1e6);
            System.out.printf("RESULT intake HTTP answer p50=%.2f ms  p99=%.2f ms%n", ms(r.intake, 50), ms(r.intake, 99));
            System.out.printf("RESULT throughput %.1f replies/s%n", r.latency.getTotalCount() / r.elapsedSeconds);
        } finally {
            schema.close();
        }
    }

    private static volatile long phaseStart;
    private static final String[] STARTER_TEXTS = {"Hi, I'm thinking of selling my house", "Relocating for work",
            "In about 3 months", "Around 450k"};
    private static String[] TEXTS = STARTER_TEXTS;

    private record Result(long sent, long errors, Histogram latency, Histogram intake, double elapsedSeconds) {}

    private static Result run(LocalPlatform platform, String phase, int rate, int seconds, boolean record) throws Exception {
        // Each lead sends its script (one answer per bot question) 5 s apart, and the leads are staggered
        // so every second mixes all stages (the last triggers the hand-off: one SMS and several CRM
        // calls). Every inbound message gets exactly one reply.
        String[] texts = TEXTS;
        int gap = Math.max(1, rate * 5 / texts.length);
        List<int[]> schedule = new ArrayList<>();
        for (int round = 0; schedule.size() < rate * seconds; round++) {
            for (int stage = 0; stage < texts.length; stage++) {
                if (round - stage * gap >= 0) schedule.add(new int[] {round - stage * gap, stage});
            }
        }
        int total = schedule.size();
        String prefix = phase + "-" + System.nanoTime() + "-";
        Histogram latency = new Histogram(60_000_000_000L, 3);
        Histogram intake = new Histogram(60_000_000_000L, 3);
        Map<String, Long> scheduledAt = new ConcurrentHashMap<>();
        long[] worstBySecond = new long[seconds + 1];
        AtomicInteger errors = new AtomicInteger();
        Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();
        platform.ghl().reset();
        platform.ghl().onCall(call -> {
            if (!call.path().equals("/conversations/messages")) return;
            Long start = scheduledAt.remove(call.body().path("contactId").asText());
            if (start != null) synchronized (latency) {
                long value = Math.max(0, call.atNanos() - start);
                latency.recordValue(value);
                int second = (int) Math.min(seconds, Math.max(0, (start - phaseStart) / 1_000_000_000L));
                worstBySecond[second] = Math.max(worstBySecond[second], value);
            }
        });
        // bodies are signed before the clock starts: RSA signing is GHL's work, not ours, and would take a
        // fifth of a core away from the platform under test
        List<String[]> requests = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            int[] slot = schedule.get(i);
            // GHL allows 100 API calls per 10 s per location: 200 webhooks/s must come from many sub-accounts
            String body = GhlWebhooks.inboundSms("loc-bench-" + (i % LOCATIONS), prefix + slot[0], texts[slot[1]],
                    Instant.now().plusSeconds(i / rate));
            requests.add(new String[] {prefix + slot[0], body, platform.signer().rsaSignature(body)});
        }
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
        long interval = 1_000_000_000L / rate;
        long begin = System.nanoTime();
        phaseStart = begin;
        for (int i = 0; i < total; i++) {
            long at = begin + i * interval;
            long wait = at - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            String contact = requests.get(i)[0];
            String body = requests.get(i)[1];
            String signature = requests.get(i)[2];
            senders.submit(() -> {
                scheduledAt.put(contact, at);
                try {
                    HttpResponse<Void> resp = http.send(HttpRequest.newBuilder(platform.webhookUrl())
                            .header("X-WH-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    synchronized (intake) {
                        intake.recordValue(System.nanoTime() - at);
                    }
                    if (resp.statusCode() != 200) {
                        errors.incrementAndGet();
                        errorKinds.computeIfAbsent("HTTP " + resp.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    errorKinds.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage(), k -> new AtomicInteger()).incrementAndGet();
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
        platform.queue().awaitIdle(Duration.ofSeconds(60));
        double elapsed = (System.nanoTime() - begin) / 1e9;
        Thread.sleep(200);
        long smsCalls = platform.ghl().calls().stream().filter(c -> c.path().equals("/conversations/messages")).count();
        System.out.printf("%s: %d webhooks at %d/s in %.1f s, %d replies timed, %d SMS at the fake GHL, %d dead letters%n",
                phase, total, rate, elapsed, latency.getTotalCount(), smsCalls, platform.queue().deadLetters().size());
        StringBuilder worst = new StringBuilder();
        for (int sec = 0; sec < seconds; sec++) worst.append(String.format(" %d", worstBySecond[sec] / 1_000_000));
        System.out.println("  worst latency (ms) of the webhooks sent in each second:" + worst);
        if (!errorKinds.isEmpty()) System.out.println("  client-side errors: " + errorKinds);
        return new Result(total, errors.get(), latency, intake, elapsed);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return args[i + 1];
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        return fallback;
    }
}
