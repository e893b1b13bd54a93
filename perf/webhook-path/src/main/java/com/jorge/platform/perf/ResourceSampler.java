package com.jorge.platform.perf;

import com.jorge.platform.local.LocalPlatform;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What might saturate, sampled every 100 ms during a phase: the process's CPU, GC pauses (each one, from
 * the JVM's GC notifications), the queue's depth and busy worker threads (8 locally, as the worker's reserved concurrency), the database pool's active
 * connections and waiting threads, and the machine's load average (other work on the machine).
 */
final class ResourceSampler implements AutoCloseable {

    record Usage(double cpuMsTotal, double cpuCores, int gcPauses, double gcPauseMs, double gcMaxPauseMs, int maxQueueDepth,
                 int maxBusySlots, double meanBusySlots, int maxPoolActive, int maxPoolWaiting, double meanPoolWaiting,
                 double loadAverage) {}

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final LocalPlatform platform;
    private final HikariPoolMXBean pool;
    private final List<double[]> pauses = new ArrayList<>();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final NotificationListener listener = (notification, handback) -> {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (info.getGcName().contains("Concurrent") || info.getGcName().contains("Cycles")) return; // not a pause
        synchronized (pauses) {
            pauses.add(new double[] {System.nanoTime(), info.getGcInfo().getDuration()});
        }
    };
    private final Thread thread;
    private volatile boolean running = true;
    private final long startNanos = System.nanoTime();
    private final long startCpu = OS.getProcessCpuTime();
    private int samples;
    private int maxDepth;
    private int maxBusy;
    private long busySum;
    private int maxActive;
    private int maxWaiting;
    private long waitingSum;
    private double loadSum;

    ResourceSampler(LocalPlatform platform) {
        this.platform = platform;
        this.pool = hikari(platform);
        for (GarbageCollectorMXBean gc : collectors) ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        thread = Thread.ofPlatform().name("benchmark-sampler").daemon().start(this::loop);
    }

    private static HikariPoolMXBean hikari(LocalPlatform platform) {
        try {
            return platform.worker().database().dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean();
        } catch (SQLException e) {
            return null;
        }
    }

    private void loop() {
        while (running) {
            int depth = platform.queue().depth();
            int busy = platform.queue().busyWorkers();
            int active = pool == null ? 0 : pool.getActiveConnections();
            int waiting = pool == null ? 0 : pool.getThreadsAwaitingConnection();
            synchronized (this) {
                samples++;
                maxDepth = Math.max(maxDepth, depth);
                maxBusy = Math.max(maxBusy, busy);
                busySum += busy;
                maxActive = Math.max(maxActive, active);
                maxWaiting = Math.max(maxWaiting, waiting);
                waitingSum += waiting;
                loadSum += OS.getSystemLoadAverage();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling and sums up. */
    synchronized Usage usage() {
        close();
        double cpuMs = (OS.getProcessCpuTime() - startCpu) / 1e6;
        double wallMs = (System.nanoTime() - startNanos) / 1e6;
        double pauseMs = 0;
        double maxPause = 0;
        int count;
        synchronized (pauses) {
            count = pauses.size();
            for (double[] p : pauses) {
                pauseMs += p[1];
                maxPause = Math.max(maxPause, p[1]);
            }
        }
        int n = Math.max(1, samples);
        return new Usage(cpuMs, cpuMs / wallMs, count, pauseMs, maxPause, maxDepth, maxBusy, (double) busySum / n, maxActive,
                maxWaiting, (double) waitingSum / n, loadSum / n);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        for (GarbageCollectorMXBean gc : collectors) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException gone) {
                // removed before
            }
        }
    }
}
