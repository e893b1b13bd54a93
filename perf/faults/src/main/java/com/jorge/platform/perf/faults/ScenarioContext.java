package com.jorge.platform.perf.faults;

import com.jorge.platform.local.LocalPlatform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

/** What a scenario's fault acts on: the platform, the harness's own Redis and PostgreSQL, the traffic. */
record ScenarioContext(LocalPlatform platform, OwnRedis redis, OwnPostgres postgres, String jdbcUrl, Traffic traffic,
                       AtomicReference<Connection> lock) {

    /** Extra traffic a scenario switches on. */
    interface Traffic {
        void duplicating(boolean on);

        void sendHostile();
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
