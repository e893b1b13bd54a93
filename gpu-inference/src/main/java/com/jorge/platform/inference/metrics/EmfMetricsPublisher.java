package com.jorge.platform.inference.metrics;

import com.jorge.platform.inference.metrics.EmfLineWriter.Distribution;
import com.jorge.platform.inference.metrics.EmfLineWriter.Metric;
import com.jorge.platform.inference.metrics.EmfLineWriter.Single;
import com.jorge.platform.inference.metrics.EmfLineWriter.Unit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's CloudWatch metrics, written to stdout as EMF lines (on ECS the awslogs driver sends
 * stdout to CloudWatch Logs, which extracts them). Every flush interval it writes, per model, version
 * and role that had traffic, {@code InferenceRequests} and {@code InferenceErrors} (Count) and the
 * {@code InferenceLatency} distribution (Milliseconds, for p99), with dimensions {@code Model,
 * ModelVersion} and {@code Model}; shadow copies go under {@code Model, ModelVersion, Role} so they
 * never mix with what the promotion workflow compares. Once per interval it also writes
 * {@code InferenceQueueDepth} (the average of the queue samples) and {@code InferenceQueueDepthMax}
 * with dimension {@code Service}, which ECS auto scaling tracks.
 */
public final class EmfMetricsPublisher implements VersionTraffic, AutoCloseable {

    public static final String REQUESTS = "InferenceRequests";
    public static final String ERRORS = "InferenceErrors";
    public static final String LATENCY = "InferenceLatency";
    public static final String QUEUE_DEPTH = "InferenceQueueDepth";
    public static final String QUEUE_DEPTH_MAX = "InferenceQueueDepthMax";

    private static final Logger log = LoggerFactory.getLogger(EmfMetricsPublisher.class);
    private static final List<List<String>> VERSION_DIMENSIONS = List.of(List.of("Model", "ModelVersion"), List.of("Model"));
    private static final List<List<String>> SHADOW_DIMENSIONS = List.of(List.of("Model", "ModelVersion", "Role"));
    private static final List<List<String>> SERVICE_DIMENSIONS = List.of(List.of("Service"));

    /**
     * @param flushInterval      how often lines are written (EMF_FLUSH_SECONDS); zero writes only on demand and at close
     * @param queueSampleInterval how often the queue depth is sampled (EMF_QUEUE_SAMPLE_MILLIS)
     */
    public record Settings(String namespace, String service, Duration flushInterval, Duration queueSampleInterval) {
        public Settings {
            if (service == null || service.isBlank()) {
                throw new IllegalArgumentException("EMF_SERVICE must not be blank");
            }
            if (flushInterval.isNegative()) {
                throw new IllegalArgumentException("EMF_FLUSH_SECONDS must not be negative");
            }
            if (queueSampleInterval.toMillis() < 10) {
                throw new IllegalArgumentException("EMF_QUEUE_SAMPLE_MILLIS must be at least 10");
            }
        }
    }

    private record Series(String model, String version, TrafficRole role) {
    }

    private static final class Totals {
        final LongAdder requests = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LatencyDistribution latency = new LatencyDistribution();
    }

    private final Settings settings;
    private final EmfLineWriter writer;
    private final Consumer<String> out;
    private final Clock clock;
    private final Map<Series, Totals> series = new ConcurrentHashMap<>();
    private volatile IntSupplier queueDepth = () -> 0;
    private ScheduledExecutorService scheduler;
    // queue-depth samples of the current interval, guarded by this
    private long sampleSum;
    private long sampleCount;
    private long sampleMax;

    public EmfMetricsPublisher(Settings settings, Consumer<String> out, Clock clock) {
        this.settings = settings;
        this.writer = new EmfLineWriter(settings.namespace());
        this.out = out;
        this.clock = clock;
    }

    /** Starts sampling {@code queueDepth} and, unless the interval is zero, flushing on a schedule. */
    public synchronized void start(IntSupplier queueDepth) {
        this.queueDepth = queueDepth;
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("emf-metrics").factory());
        long sample = settings.queueSampleInterval().toMillis();
        scheduler.scheduleAtFixedRate(this::sampleQuietly, sample, sample, TimeUnit.MILLISECONDS);
        long flush = settings.flushInterval().toMillis();
        if (flush > 0) {
            scheduler.scheduleAtFixedRate(this::flushQuietly, flush, flush, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void succeeded(String model, String version, TrafficRole role, long nanos) {
        Totals t = totals(model, version, role);
        t.requests.increment();
        t.latency.recordNanos(nanos);
    }

    @Override
    public void failed(String model, String version, TrafficRole role) {
        Totals t = totals(model, version, role);
        t.requests.increment();
        t.errors.increment();
    }

    @Override
    public void invalid(String model, String version, TrafficRole role) {
        totals(model, version, role).requests.increment();
    }

    private Totals totals(String model, String version, TrafficRole role) {
        return series.computeIfAbsent(new Series(model, version, role), s -> new Totals());
    }

    public synchronized void sampleQueueDepth() {
        long depth = Math.max(0, queueDepth.getAsInt());
        sampleSum += depth;
        sampleCount++;
        sampleMax = Math.max(sampleMax, depth);
    }

    /** Writes what was recorded since the last flush and starts a new interval. */
    public synchronized void flush() {
        if (sampleCount == 0) {
            sampleQueueDepth(); // an interval shorter than one sample still reports the queue
        }
        Instant now = clock.instant();
        List<String> lines = new ArrayList<>(writer.lines(now, SERVICE_DIMENSIONS, Map.of("Service", settings.service()), List.of(
                new Metric(QUEUE_DEPTH, Unit.COUNT, new Single((double) sampleSum / sampleCount)),
                new Metric(QUEUE_DEPTH_MAX, Unit.COUNT, new Single(sampleMax)))));
        sampleSum = 0;
        sampleCount = 0;
        sampleMax = 0;
        List<Series> keys = new ArrayList<>(series.keySet());
        keys.sort(Comparator.comparing(Series::model).thenComparing(Series::version).thenComparing(Series::role));
        for (Series s : keys) {
            Totals t = series.get(s);
            long requests = t.requests.sumThenReset();
            long errors = t.errors.sumThenReset();
            var latency = t.latency.drain();
            if (requests == 0 && latency.isEmpty()) {
                continue;
            }
            List<Metric> metrics = new ArrayList<>(3);
            metrics.add(new Metric(REQUESTS, Unit.COUNT, new Single(requests)));
            metrics.add(new Metric(ERRORS, Unit.COUNT, new Single(errors)));
            if (!latency.isEmpty()) {
                metrics.add(new Metric(LATENCY, Unit.MILLISECONDS, new Distribution(latency)));
            }
            Map<String, String> members = new LinkedHashMap<>();
            members.put("Service", settings.service());
            members.put("Model", s.model());
            members.put("ModelVersion", s.version());
            members.put("Role", s.role().label());
            lines.addAll(writer.lines(now, s.role() == TrafficRole.SHADOW ? SHADOW_DIMENSIONS : VERSION_DIMENSIONS, members, metrics));
        }
        lines.forEach(out);
    }

    private void sampleQuietly() {
        try {
            sampleQueueDepth();
        } catch (RuntimeException e) {
            log.warn("queue depth sample failed: {}", e.toString());
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("EMF flush failed: {}", e.toString());
        }
    }

    /** Stops the schedule and writes the last interval (called on shutdown). */
    @Override
    public void close() {
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
            scheduler = null;
        }
        if (s != null) {
            s.shutdownNow();
            try {
                s.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flushQuietly();
    }
}
