package com.jorge.platform.perf.faults;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a scenario's fault acts on: the platform, the harness's own Redis (or Redis cluster, null unless the
 * scenario runs on one) and PostgreSQL, the traffic, the inference tier (null unless the scenario has one).
 */
record ScenarioContext(PlatformUnderTest platform, OwnRedis redis, OwnRedisCluster cluster, OwnPostgres postgres,
                       String jdbcUrl, Traffic traffic, AtomicReference<Connection> lock, OwnInferenceTier inference) {

    /** Extra traffic a scenario switches on. */
    interface Traffic {
        void duplicating(boolean on);

        void sendHostile();
    }

    /** The split platform of a {@link Scenario.Setup#WORKER_PROCESS} scenario. */
    SplitPlatform split() {
        if (platform instanceof SplitPlatform s) return s;
        throw new IllegalStateException("this scenario's platform has no worker process");
    }

    /** The inference tier of a {@link Scenario.Setup#INFERENCE_TIER} scenario. */
    OwnInferenceTier tier() {
        if (inference == null) throw new IllegalStateException("this scenario's platform has no inference tier");
        return inference;
    }

    void holdLock(Connection c) {
        lock.set(c);
    }

    void releaseLock() throws SQLException {
        Connection c = lock.getAndSet(null);
        if (c != null) {
            c.rollback();
            c.close();
        }
    }
}
