package com.jorge.platform.perf.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/**
 * Once a second during a scenario: how many accepted webhooks are not yet processed (queue depth, from
 * the count accepted minus webhook_events rows and dead letters), the pending outbox and its oldest
 * reply's age, and the platform's counters. While the database is down it records what it can.
 */
final class PlatformSampler implements AutoCloseable {

    /** {@code outboxPending} and {@code processed} are -1 while the database does not answer. */
    record Sample(long atNanos, int accepted, long processed, int deadLetters, long outboxPending,
                  double outboxOldestSeconds, Map<String, Long> counters) {
        long queueDepth() {
            return processed < 0 ? -1 : Math.max(0, accepted - processed - deadLetters);
        }
    }

    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    PlatformSampler(PlatformUnderTest platform, String jdbcUrl, String user, String password, IntSupplier accepted) {
        thread = Thread.ofVirtual().name("faults-sampler").start(() -> {
            Connection db = null;
            while (running) {
                long at = System.nanoTime();
                long processed = -1;
                long pending = -1;
                double oldest = 0;
                try {
                    if (db == null || db.isClosed()) db = DriverManager.getConnection(jdbcUrl + "&connectTimeout=1&socketTimeout=2", user, password);
                    try (Statement s = db.createStatement();
                         ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM webhook_events), count(*), "
                                 + "coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM messages "
                                 + "WHERE status = 'pending' AND author = 'bot'")) {
                        rs.next();
                        processed = rs.getLong(1);
                        pending = rs.getLong(2);
                        oldest = rs.getDouble(3);
                    }
                } catch (SQLException e) {
                    closeQuietly(db);
                    db = null;
                }
                samples.add(new Sample(at, accepted.getAsInt(), processed, deadLetters(platform), pending, oldest,
                        platform.counters()));
                WebhookSender.parkUntil(at + 1_000_000_000L);
            }
            closeQuietly(db);
        });
    }

    private static int deadLetters(PlatformUnderTest platform) {
        try {
            return platform.deadLetterCount();
        } catch (RuntimeException e) {
            return 0; // the queue endpoint did not answer this once
        }
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    private static void closeQuietly(Connection c) {
        try {
            if (c != null) c.close();
        } catch (SQLException ignored) {
            // the database is what the scenario broke
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
