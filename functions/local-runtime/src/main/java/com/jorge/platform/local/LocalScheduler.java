package com.jorge.platform.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The EventBridge schedules on one machine: each job runs the same code its scheduled Lambda runs, at
 * its own rate (shortened locally so the demo shows it).
 */
final class LocalScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalScheduler.class);
    /** How long closing waits for a run in progress, so shutting down never cuts a job off mid-transaction. */
    private static final Duration DRAIN = Duration.ofSeconds(10);

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
                // a failed scheduled run is retried at the next tick, as EventBridge would; the layout
                // scrubs what a driver's message may echo
                log.warn("schedule {} failed; it runs again at the next tick", rule, e);
            }
        }, rate.toMillis(), rate.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops scheduling and lets a run in progress finish (up to {@link #DRAIN}) before the services close. */
    @Override
    public void close() {
        executor.shutdown(); // periodic tasks are dropped on shutdown; a running one completes
        try {
            if (!executor.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) executor.shutdownNow();
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
