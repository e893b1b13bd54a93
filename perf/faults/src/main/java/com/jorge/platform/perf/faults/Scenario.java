package com.jorge.platform.perf.faults;

import com.jorge.platform.ghlfake.GhlFault;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A fault injected under steady load for {@code faultSeconds}, then removed. {@code quick} scenarios run
 * in {@code run.sh --quick}; the rest only in a full run. {@code setup} is the shape of the platform the
 * fault needs.
 */
record Scenario(String name, String description, double faultSeconds, boolean quick, Setup setup, Action inject, Action remove) {

    enum Setup {
        /** The local runtime in the harness's process, on the harness's redis-server. */
        LOCAL,
        /** Intake here, a real SQS endpoint, the worker in a child process ({@link SplitPlatform}). */
        WORKER_PROCESS,
        /** The local runtime on the harness's six-node Redis cluster ({@link OwnRedisCluster}). */
        REDIS_CLUSTER,
        /**
         * The local runtime whose bots follow the live conversation-lead-score model in an S3 registry
         * ({@link OwnModelRegistry}) and score on the inference tier in a child process ({@link OwnInferenceTier}).
         */
        INFERENCE_TIER
    }

    interface Action {
        void run(ScenarioContext context) throws Exception;
    }

    private static final Action NOTHING = c -> { };
    private static final List<String> SEND_SMS = List.of("POST /conversations/messages");

    /** Load without a fault, run before the scenarios and not reported. */
    static Scenario warmup() {
        return new Scenario("warmup", "load without a fault", 0, false, Setup.LOCAL, NOTHING, NOTHING);
    }

    static List<Scenario> catalog() {
        List<Scenario> all = new ArrayList<>();
        all.add(ghl("ghl-429-1m", "GHL answers every call 429 with Retry-After: 10 for a minute", 60, true,
                new GhlFault.Status(429, Duration.ofSeconds(10)), List.of()));
        // --quick keeps seven scenarios under ten minutes: a 500 is a 429 without Retry-After to the outbox, a timeout
        // a slower 500, a paused Redis the killed one without the restart, and the standalone Redis kill a cluster
        // master's without the failover; they run in a full run
        all.add(ghl("ghl-500-1m", "GHL answers every call 500 for a minute", 60, false, new GhlFault.Status(500, null), List.of()));
        all.add(ghl("ghl-timeout-1m", "GHL holds every call unanswered for a minute (client timeouts)", 60, false,
                new GhlFault.Timeout(Duration.ofSeconds(60)), List.of()));
        all.add(ghl("ghl-processed-502", "GHL takes each SMS, then answers 502, for 15 s", 15, true,
                new GhlFault.ProcessedThen502(), SEND_SMS));
        all.add(local("redis-kill", "redis-server SIGKILLed, restarted empty on the same port 10 s later", 10, false,
                c -> c.redis().kill(), c -> c.redis().restart()));
        all.add(local("redis-pause", "redis-server SIGSTOPped for 10 s, then SIGCONT", 10, false,
                c -> c.redis().pause(), c -> c.redis().resume()));
        all.add(local("postgres-restart", "PostgreSQL stopped (fast shutdown), started again 10 s later", 10, true,
                c -> c.postgres().stop(), c -> c.postgres().startAgain()));
        all.add(local("duplicate-flood", "for 15 s every webhook is delivered three times at once and replayed 5 s "
                + "later; every tenth also has a twin with the same webhookId from another location", 15, true,
                c -> c.traffic().duplicating(true), c -> c.traffic().duplicating(false)));
        all.add(local("hostile-payloads", "issue 11 findings 1-3 (long repetitive text, NUL, lone surrogates, "
                + "monetaryValue 1e12 and 1e309, endTime year -999999999), each lead texting normally 3 s later", 15, true,
                c -> c.traffic().sendHostile(), NOTHING));
        all.add(new Scenario("worker-kill", "the worker process SIGKILLed mid-batch, started again 10 s later; its "
                + "messages reappear on the SQS endpoint after the visibility timeout", 10, true, Setup.WORKER_PROCESS,
                c -> c.split().killWorker(), c -> c.split().restartWorker()));
        all.add(new Scenario("redis-cluster-master-kill", "the Redis cluster master owning slot 0 SIGKILLed, its replica "
                + "promoted, the old master started again 10 s later", 10, true, Setup.REDIS_CLUSTER,
                c -> c.cluster().killMaster(), c -> c.cluster().restartKilled()));
        // not in --quick: each starts S3Mock and the tier (20 to 40 s on two loaded cores) and needs the breaker's
        // 10 s open state plus the restart inside its after-phase, which --quick's 6 s do not hold
        all.add(new Scenario("inference-down", "the inference tier (gpu-inference on the CPU, a child process) SIGKILLed,"
                + " started again 10 s later on the same port", 10, false, Setup.INFERENCE_TIER,
                c -> c.tier().kill(), c -> c.tier().restart()));
        all.add(new Scenario("inference-slow", "the inference tier SIGSTOPped for 10 s: connections accepted, nothing"
                + " answered, every call past its attempt deadline (50 ms by default); then SIGCONT", 10, false, Setup.INFERENCE_TIER,
                c -> c.tier().pause(), c -> c.tier().resume()));
        all.add(ghl("ghl-429-10m", "GHL answers every call 429 with Retry-After: 10 for ten minutes", 600, false,
                new GhlFault.Status(429, Duration.ofSeconds(10)), List.of()));
        all.add(ghl("ghl-500-10m", "GHL answers every call 500 for ten minutes", 600, false, new GhlFault.Status(500, null), List.of()));
        all.add(ghl("ghl-timeout-10m", "GHL holds every call unanswered for ten minutes", 600, false,
                new GhlFault.Timeout(Duration.ofSeconds(60)), List.of()));
        all.add(ghl("ghl-slow", "GHL answers every call after 3 s for a minute", 60, false,
                new GhlFault.Latency(Duration.ofSeconds(3)), List.of()));
        all.add(local("postgres-pool-exhausted", "a slow transaction holds an exclusive lock on conversations for "
                + "20 s: every worker transaction waits on it holding a pooled connection", 20, false,
                Scenario::lockConversations, c -> c.releaseLock()));
        return all;
    }

    private static Scenario local(String name, String description, double seconds, boolean quick, Action inject, Action remove) {
        return new Scenario(name, description, seconds, quick, Setup.LOCAL, inject, remove);
    }

    private static Scenario ghl(String name, String description, double seconds, boolean quick, GhlFault fault, List<String> routes) {
        return new Scenario(name, description, seconds, quick, Setup.LOCAL,
                c -> c.platform().ghl().faults().inject(fault, null, routes), c -> c.platform().ghl().faults().clear());
    }

    private static void lockConversations(ScenarioContext c) throws Exception {
        Connection lock = c.postgres().connect(c.jdbcUrl());
        lock.setAutoCommit(false);
        try (Statement s = lock.createStatement()) {
            s.execute("LOCK TABLE conversations IN ACCESS EXCLUSIVE MODE");
        }
        c.holdLock(lock);
    }
}
