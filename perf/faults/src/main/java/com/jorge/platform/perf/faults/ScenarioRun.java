package com.jorge.platform.perf.faults;

import com.jorge.platform.bots.simulator.Personas;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.perf.faults.WebhookSender.Delivery;
import com.jorge.platform.perf.faults.WebhookSender.Origin;
import com.jorge.platform.perf.faults.WebhookSender.Webhook;

import java.nio.file.Files;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One scenario end to end: a fresh platform (of the shape the scenario needs) on its own schema and Redis namespace, the load's
 * phases (ramp, before, fault, after, spike) with the fault injected at the start of "fault" and
 * removed at its end, the backlog drained, then the audit.
 */
final class ScenarioRun implements ScenarioContext.Traffic {

    /** A weekday noon in Austin at the harness's start: quiet hours must not hold replies back. */
    private static final Instant LOCAL_NOON = Instant.parse("2026-11-23T18:00:00Z");

    private final Scenario scenario;
    private final RunOptions options;
    private final OwnPostgres postgres;
    private final OwnRedis redis;
    private final String runId;
    private final Map<String, Webhook> byKey = new ConcurrentHashMap<>();
    private volatile boolean duplicating;
    private volatile int currentPhase;
    private WebhookSender sender;
    private PlatformUnderTest platform;
    private OwnRedisCluster cluster;
    private OwnModelRegistry registry;
    private OwnInferenceTier tier;

    ScenarioRun(Scenario scenario, RunOptions options, OwnPostgres postgres, OwnRedis redis) {
        this.scenario = scenario;
        this.options = options;
        this.postgres = postgres;
        this.redis = redis;
        this.runId = scenario.name().replace('-', '_') + "_" + UUID.randomUUID().toString().substring(0, 6);
    }

    ScenarioResult run() throws Exception {
        int rate = options.rate();
        LoadShape shape = new LoadShape(List.of(
                LoadShape.Phase.ramp("ramp", options.rampSeconds(), Math.max(1, rate / 4.0), rate),
                LoadShape.Phase.steady("before", options.beforeSeconds(), rate),
                LoadShape.Phase.steady("fault", scenario.faultSeconds(), rate),
                LoadShape.Phase.steady("after", afterSeconds(), rate),
                LoadShape.Phase.steady("spike", options.spikeSeconds(), 2.0 * rate)));
        String jdbcUrl = postgres.newSchema("s_" + runId);
        Duration clockOffset = Duration.between(Instant.now(), LOCAL_NOON);
        Clock workerClock = Clock.offset(Clock.systemUTC(), clockOffset);
        try {
            platform = startPlatform(jdbcUrl, clockOffset, workerClock);
        } catch (Exception e) {
            if (cluster != null) cluster.close();
            closeInference();
            throw e;
        }
        sender = new WebhookSender(platform.webhookUrl(), platform.signer());
        SimulatedLeads leads = new SimulatedLeads(runId, Personas.all(), rate * 15);
        ScenarioContext context = new ScenarioContext(platform, redis, cluster, postgres, jdbcUrl, this, new AtomicReference<>(),
                tier);
        PlatformSampler sampler = new PlatformSampler(platform, jdbcUrl, postgres.user(), postgres.password(), sender::acceptedCount);
        String note = "";
        long start = System.nanoTime() + 200_000_000L;
        long faultFrom = start + shape.phaseStartNanos(shape.phaseIndex("fault"));
        long faultTo = start + shape.phaseStartNanos(shape.phaseIndex("after"));
        long[] removedAt = {faultTo};
        Thread faults = Thread.ofVirtual().name("faults-" + scenario.name()).start(() -> {
            WebhookSender.parkUntil(faultFrom);
            try {
                scenario.inject().run(context);
            } catch (Exception e) {
                System.out.println("  inject failed: " + e);
            }
            WebhookSender.parkUntil(faultTo);
            try {
                scenario.remove().run(context);
            } catch (Exception e) {
                System.out.println("  remove failed: " + e);
            }
            removedAt[0] = System.nanoTime();
        });
        try {
            List<LoadShape.Arrival> arrivals = shape.arrivals();
            for (int i = 0; i < arrivals.size(); i++) {
                LoadShape.Arrival a = arrivals.get(i);
                long due = start + a.offsetNanos();
                currentPhase = a.phase();
                SimulatedLeads.Text text = leads.next(i);
                WebhookSender.parkUntil(due - 5_000_000L); // sign just before it is due
                Webhook w = inbound(text.locationId(), text.contactId(), text.body(), Origin.LOAD, a.phase(), due);
                send(w);
                if (duplicating) duplicate(w, i);
            }
            faults.join();
            if (!sender.awaitSent(Duration.ofSeconds(60))) note += "some webhook sends were still unanswered after 60 s; ";
            note += drain();
            note += drainOutbox(jdbcUrl);
            Thread.sleep(1_000);
        } finally {
            faults.join(Duration.ofSeconds(5));
            context.releaseLock();
            postgres.startAgain();
            redis.ensureUp();
            if (cluster != null) cluster.ensureUp();
            if (platform instanceof SplitPlatform split) split.ensureWorker();
            if (tier != null) tier.ensureUp();
            sampler.close();
        }
        DeliveryAudit.Findings findings;
        try (Connection db = postgres.connect(jdbcUrl)) {
            findings = DeliveryAudit.audit(acceptedWebhooks(), db, platform.ghl().sentMessages(), platform.deadLetters(),
                    workerClock.instant());
        } finally {
            platform.close();
            sender.close();
            if (cluster != null) cluster.close();
            closeInference();
        }
        return ScenarioTally.tally(scenario, shape, start, faultFrom, removedAt[0], findings, byKey.values(), sender.deliveries(),
                sampler.samples(), note);
    }

    /** Long enough for the inference tier to start again (30 to 90 s on two loaded cores) and its breaker to close. */
    static final double INFERENCE_AFTER_SECONDS = 90;

    private double afterSeconds() {
        return scenario.setup() == Scenario.Setup.INFERENCE_TIER ? Math.max(options.afterSeconds(), INFERENCE_AFTER_SECONDS)
                : options.afterSeconds();
    }

    /** The platform the scenario's setup asks for, with the settings every scenario shares. */
    private PlatformUnderTest startPlatform(String jdbcUrl, Duration clockOffset, Clock workerClock) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", jdbcUrl, "DATABASE_USER", postgres.user(),
                "DATABASE_PASSWORD", postgres.password(), "REDIS_URL", redis.url(), "REDIS_NAMESPACE", "faults:" + runId,
                // the outbox's retry schedule at a tenth of production's time scale (30 s doubling), so a run fits in minutes
                "OUTBOX_RETRY_FIRST_SECONDS", "3", "OUTBOX_RETRY_LONGEST_SECONDS", "60",
                "LOCAL_INBOX", "false")); // the agents' inbox is no part of what GHL sends
        return switch (scenario.setup()) {
            case LOCAL -> InProcessPlatform.start(env, workerClock);
            case WORKER_PROCESS -> SplitPlatform.start(env, clockOffset, options.out().toAbsolutePath(), runId);
            case REDIS_CLUSTER -> {
                cluster = OwnRedisCluster.start(options.redisServer(),
                        Files.createTempDirectory(options.out().toAbsolutePath(), "redis-cluster-"));
                env.put("REDIS_URL", cluster.seedUrls());
                env.put("REDIS_CLUSTER", "true");
                yield InProcessPlatform.start(env, workerClock);
            }
            case INFERENCE_TIER -> {
                startInference(env);
                yield InProcessPlatform.startFollowingModel(env, workerClock);
            }
        };
    }

    /** The model the inference scenarios serve: the committed fault-test fixture (models/README.md). */
    static final String MODEL = "conversation-lead-score";

    /**
     * S3Mock with the fixture model live, the tier serving it, and the platform's settings pointing at both, as the
     * bot worker's are in AWS (MODEL_BUCKET, LEAD_SCORE_ENDPOINT; S3_ENDPOINT for a local S3).
     */
    private void startInference(Map<String, String> env) throws Exception {
        java.nio.file.Path modelDir = java.nio.file.Path.of(System.getProperty("faults.model",
                "../../models/artifacts/conversation-lead-score/fixture-1"));
        String version = modelDir.getFileName().toString();
        java.nio.file.Path dir = Files.createDirectories(options.out().toAbsolutePath().resolve("inference-" + runId));
        long began = System.nanoTime();
        registry = OwnModelRegistry.start(java.nio.file.Path.of(System.getProperty("faults.s3mockClasspath",
                "target/s3mock-classpath.txt")), dir);
        registry.publishLive(MODEL, version, modelDir);
        tier = OwnInferenceTier.start(java.nio.file.Path.of(System.getProperty("faults.inferenceJar",
                "../../gpu-inference/target/gpu-inference-0.1.0-SNAPSHOT.jar")), registry, MODEL, dir);
        System.out.printf("  model registry (S3Mock) at %s, %s %s live; inference tier pid %d at %s, ready and warm after %.1f s%n",
                registry.endpoint(), MODEL, version, tier.pid(), tier.endpoint(), (System.nanoTime() - began) / 1e9);
        env.put("MODEL_BUCKET", OwnModelRegistry.BUCKET);
        env.put("MODEL_PREFIX", OwnModelRegistry.PREFIX);
        env.put("S3_ENDPOINT", registry.endpoint().toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("LEAD_SCORE_ENDPOINT", tier.endpoint().toString());
        if (options.leadScoreTimeoutMs() != null) env.put("LEAD_SCORE_TIMEOUT_MS", options.leadScoreTimeoutMs().toString());
        // the worker's S3 client takes the SDK's default credentials; S3Mock accepts any
        if (System.getProperty("aws.accessKeyId") == null) System.setProperty("aws.accessKeyId", OwnModelRegistry.ACCESS_KEY);
        if (System.getProperty("aws.secretAccessKey") == null) {
            System.setProperty("aws.secretAccessKey", OwnModelRegistry.SECRET_KEY);
        }
    }

    private void closeInference() {
        if (tier != null) tier.close();
        if (registry != null) registry.close();
    }

    /**
     * Waits for the queue to empty, up to the drain time, giving up early when the backlog has not moved
     * for 8 s (a wedged lead never empties the queue). Both are stretched to let a failing message reach
     * the DLQ on the platform's redelivery schedule. Returns a note when it gave up.
     */
    private String drain() throws InterruptedException {
        long toDie = platform.deadLetterWithin().toNanos();
        long stall = Math.max(8_000_000_000L, toDie + 5_000_000_000L);
        long deadline = System.nanoTime() + Math.max(Duration.ofSeconds(options.drainSeconds()).toNanos(), toDie + 10_000_000_000L);
        long lastProgress = System.nanoTime();
        long backlog = platform.backlog();
        while (!platform.awaitIdle(Duration.ofSeconds(1))) {
            long now = System.nanoTime();
            long b = platform.backlog();
            if (b != backlog) {
                backlog = b;
                lastProgress = now;
            }
            if (now > deadline) return "the queue still held accepted webhooks after the " + options.drainSeconds() + " s drain; ";
            if (now - lastProgress > stall) {
                return "the queue still held accepted webhooks and made no progress for " + stall / 1_000_000_000L + " s; ";
            }
        }
        return "";
    }

    /** The outbox's retry schedule finishes after the queue (its waits reach 60 s in these runs). */
    static final Duration OUTBOX_DRAIN = Duration.ofMinutes(2);

    /**
     * Waits while decided replies wait in the outbox for their retry schedule (the worker acknowledged
     * their queue messages), up to {@link #OUTBOX_DRAIN}. Returns a note when it gave up.
     */
    private String drainOutbox(String jdbcUrl) throws InterruptedException {
        long deadline = System.nanoTime() + OUTBOX_DRAIN.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection db = postgres.connect(jdbcUrl);
                 var rs = db.createStatement().executeQuery("""
                         SELECT count(*) FROM webhook_events WHERE status = 'decided' AND next_delivery_at IS NOT NULL""")) {
                rs.next();
                if (rs.getLong(1) == 0) return "";
            } catch (java.sql.SQLException e) {
                // the database may be coming back from a restart scenario: ask again
            }
            Thread.sleep(1_000);
        }
        return "decided replies still waited in the outbox after " + OUTBOX_DRAIN.toSeconds() + " s; ";
    }

    private Webhook inbound(String locationId, String contactId, String text, Origin origin, int phase, long dueNanos) {
        Instant dueAt = Instant.now().plusNanos(Math.max(0, dueNanos - System.nanoTime()));
        String body = GhlWebhooks.inboundSms(locationId, contactId, text, dueAt);
        return new Webhook(locationId, HostilePayloads.webhookIdOf(body), contactId, "InboundMessage", text, body, origin,
                phase, dueAt, dueNanos);
    }

    private void send(Webhook w) {
        byKey.putIfAbsent(w.key(), w);
        sender.sendAt(w);
    }

    /** Two more copies at once, a replay 5 s later, and for every tenth a twin from another location. */
    private void duplicate(Webhook w, int i) {
        for (int copy = 0; copy < 2; copy++) sender.sendAt(withDue(w, w.dueNanos(), Origin.COPY));
        sender.sendAt(withDue(w, w.dueNanos() + 5_000_000_000L, Origin.COPY));
        if (i % 10 == 0) {
            String location = w.locationId() + "-twin";
            String contact = w.contactId() + "-twin";
            Webhook fresh = inbound(location, contact, w.text(), Origin.EXTRA, w.phase(), w.dueNanos());
            String body = fresh.body().replace(fresh.webhookId(), w.webhookId());
            send(new Webhook(location, w.webhookId(), contact, "InboundMessage", w.text(), body, Origin.EXTRA, w.phase(),
                    fresh.dueAt(), fresh.dueNanos()));
        }
    }

    private static Webhook withDue(Webhook w, long dueNanos, Origin origin) {
        return new Webhook(w.locationId(), w.webhookId(), w.contactId(), w.eventType(), w.text(), w.body(), origin, w.phase(),
                w.dueAt().plusNanos(dueNanos - w.dueNanos()), dueNanos);
    }

    @Override
    public void duplicating(boolean on) {
        duplicating = on;
    }

    @Override
    public void sendHostile() {
        String location = "loc-" + runId + "-hostile";
        Instant now = Instant.now();
        long due = System.nanoTime();
        Set<String> contacts = new LinkedHashSet<>();
        for (HostilePayloads.Payload p : HostilePayloads.all(location, runId + "-hostile", now)) {
            send(new Webhook(location, HostilePayloads.webhookIdOf(p.body()), p.contactId(), p.eventType(), p.text(), p.body(),
                    Origin.HOSTILE, currentPhase, now, due));
            contacts.add(p.contactId());
        }
        long later = due + 3_000_000_000L;
        for (String contact : contacts) send(inbound(location, contact, "Hi, are you still there?", Origin.EXTRA, currentPhase, later));
    }

    /** The first webhook per key that got a 200; a copy counts for its original. */
    private List<Webhook> acceptedWebhooks() {
        Set<String> accepted = new HashSet<>();
        for (Delivery d : sender.deliveries()) if (d.status() == 200) accepted.add(d.webhook().key());
        return byKey.values().stream().filter(w -> accepted.contains(w.key())).toList();
    }
}
