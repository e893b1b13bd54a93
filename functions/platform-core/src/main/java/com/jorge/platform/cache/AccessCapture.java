package com.jorge.platform.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Access capture (issue 18: "every cache get records, sampled, cheaply, off the hot path, the key class,
 * location, lead and time"), wired into {@link LeadCache#withAccessCapture}; its cost on a get is measured
 * by perf/cache-warming/capture.sh. On the reply path: one
 * random draw, and for a sampled get one small record added to a lock-free queue with a bound (over it,
 * the record is dropped and counted). Nothing on the reply path wakes a thread: a blocking queue's
 * signal to a parked consumer cost microseconds per sampled get on the shared machine. A daemon thread
 * wakes every {@link #FLUSH_EVERY_MILLIS} ms and drains the queue in batches into a {@link Sink}
 * ({@link AccessStream}, the Redis stream the warmer reads). Lead ids are GHL ids, no personal data.
 */
public final class AccessCapture implements AutoCloseable {

    public enum KeyClass { CONVERSATION, PROFILE, BI }

    public record Access(KeyClass keyClass, String locationId, String contactId, long atMillis) {}

    /** Where batches go; called on the capture's own thread only. */
    public interface Sink {
        void write(List<Access> batch);
    }

    static final int BATCH = 512;
    static final long FLUSH_EVERY_MILLIS = 20;
    private final int sampleEvery, capacity;
    private final ConcurrentLinkedQueue<Access> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Sink sink;
    private final LongAdder dropped = new LongAdder();
    private final LongAdder written = new LongAdder();
    private final Thread flusher;
    private volatile boolean running = true;

    /** Settings: ACCESS_CAPTURE_SAMPLE_EVERY (0 = off, the default) and ACCESS_CAPTURE_QUEUE. */
    public record Settings(int sampleEvery, int queueCapacity) {
        public static Settings fromConfig(com.jorge.platform.config.PlatformConfig config) {
            int every = config.getInt("ACCESS_CAPTURE_SAMPLE_EVERY", 0);
            int queue = config.getInt("ACCESS_CAPTURE_QUEUE", 8_192);
            if (every < 0) throw new IllegalArgumentException("configuration ACCESS_CAPTURE_SAMPLE_EVERY must be at least 0 (was " + every + ")");
            if (queue < 1) throw new IllegalArgumentException("configuration ACCESS_CAPTURE_QUEUE must be at least 1 (was " + queue + ")");
            return new Settings(every, queue);
        }

        public boolean enabled() {
            return sampleEvery > 0;
        }
    }

    /** @param sampleEvery record one get in this many (1 = all) */
    public AccessCapture(int sampleEvery, int queueCapacity, Sink sink) {
        if (sampleEvery < 1 || queueCapacity < 1) throw new IllegalArgumentException("sampleEvery and queueCapacity must be at least 1");
        this.sampleEvery = sampleEvery;
        this.capacity = queueCapacity;
        this.sink = sink;
        flusher = Thread.ofPlatform().daemon().name("access-capture").start(this::drain);
    }

    /** The hot-path call: a get of {@code keyClass} for a lead, now; the clock is read only for a sampled get. */
    public void record(KeyClass keyClass, String locationId, String contactId) {
        if (sampleEvery > 1 && ThreadLocalRandom.current().nextInt(sampleEvery) != 0) return;
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            dropped.increment();
            return;
        }
        queue.add(new Access(keyClass, locationId, contactId, System.currentTimeMillis()));
    }

    public long dropped() {
        return dropped.sum();
    }

    public long written() {
        return written.sum();
    }

    private void drain() {
        List<Access> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            if (queue.isEmpty()) {
                try {
                    Thread.sleep(FLUSH_EVERY_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                continue;
            }
            Access a;
            while (batch.size() < BATCH && (a = queue.poll()) != null) batch.add(a);
            queued.addAndGet(-batch.size());
            try {
                sink.write(batch);
                written.add(batch.size());
            } catch (RuntimeException e) {
                dropped.add(batch.size()); // the sink failed: capture is best effort, the reply path never sees it
            }
            batch.clear();
        }
    }

    /** Stops after writing what is queued. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        flusher.join(10_000);
    }
}
