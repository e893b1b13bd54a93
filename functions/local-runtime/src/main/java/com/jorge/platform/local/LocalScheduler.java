package com.jorge.platform.local;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The EventBridge schedules on one machine: each job runs the same code its scheduled Lambda runs, at
 * its own rate (shortened locally so the demo shows it).
 */
final class LocalScheduler implements AutoCloseable {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "local-eventbridge");
        t.setDaemon(true);
        return t;
    });

    void every(String rule, Duration rate, Runnable job) {
        executor.scheduleAtFixedRate(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                // a failed scheduled run is retried at the next tick, as EventBridge would
                System.err.println("schedule " + rule + " failed: " + e.getMessage());
            }
        }, rate.toMillis(), rate.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
