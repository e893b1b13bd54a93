package com.jorge.platform.perf.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.jorge.platform.inference.metrics.EmfLineWriter;
import com.jorge.platform.inference.metrics.EmfLineWriter.Distribution;
import com.jorge.platform.inference.metrics.EmfLineWriter.Metric;
import com.jorge.platform.inference.metrics.EmfLineWriter.Single;
import com.jorge.platform.inference.metrics.EmfLineWriter.Unit;
import com.jorge.platform.inference.metrics.EmfMetricsPublisher;
import com.jorge.platform.inference.metrics.LatencyDistribution;
import com.jorge.platform.inference.metrics.TrafficRole;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;

/**
 * What one inference request's CloudWatch metrics cost on the request thread: InferenceRequests,
 * InferenceErrors and InferenceLatency by Model and ModelVersion, InferenceQueueDepth by Service.
 * <ul>
 * <li>{@code service}: what gpu-inference does (EmfMetricsPublisher.succeeded: two counters and a
 * latency bucket; the hand-written writer turns them into lines once per flush interval, off the
 * request path).</li>
 * <li>{@code handWrittenLines}: EmfLineWriter writing this request's two lines itself.</li>
 * <li>{@code library}: aws-embedded-metrics as it is meant to be used, a MetricsLogger per unit of work
 * flushed at its end (two: the version's metrics, the service's queue depth), into a sink that keeps
 * the lines in memory instead of printing them.</li>
 * </ul>
 * SampleTime for the median; run with {@code -prof gc} for bytes allocated per request.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class EmfMetricsBenchmark {

    private static final String NAMESPACE = "JorgePlatform";
    private static final String SERVICE = "gpu-inference";
    private static final List<List<String>> VERSION_DIMENSIONS = List.of(List.of("Model", "ModelVersion"), List.of("Model"));
    private static final List<List<String>> SERVICE_DIMENSIONS = List.of(List.of("Service"));

    private EmfMetricsPublisher publisher;
    private EmfLineWriter writer;
    private Environment environment;
    private MetricsLogger versionLogger;
    private MetricsLogger serviceLogger;
    private List<String> lastLines = List.of();
    private long latencyNanos = 850_000;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        // flush interval zero: nothing flushes during the measurement, as between two real flushes
        publisher = new EmfMetricsPublisher(new EmfMetricsPublisher.Settings(NAMESPACE, SERVICE, Duration.ZERO,
                Duration.ofSeconds(1)), line -> { }, Clock.systemUTC());
        writer = new EmfLineWriter(NAMESPACE);
        environment = new InMemoryEnvironment(this);
        versionLogger = versionLogger();
        serviceLogger = serviceLogger();
    }

    private MetricsLogger versionLogger() throws Exception {
        MetricsLogger logger = new MetricsLogger(environment);
        logger.setNamespace(NAMESPACE);
        logger.setDimensions(false, DimensionSet.of("Model", "lead-score", "ModelVersion", "3"), DimensionSet.of("Model", "lead-score"));
        logger.putProperty("Service", SERVICE);
        logger.putProperty("Role", "live");
        return logger;
    }

    private MetricsLogger serviceLogger() throws Exception {
        MetricsLogger logger = new MetricsLogger(environment);
        logger.setNamespace(NAMESPACE);
        logger.setDimensions(false, DimensionSet.of("Service", SERVICE));
        return logger;
    }

    private long nextLatency() {
        latencyNanos = latencyNanos * 1_103_515_245L + 12_345 & 0x3fffff; // 0 to 4.2 ms, cheap and varied
        return latencyNanos + 100_000;
    }

    @Benchmark
    public void service() {
        publisher.succeeded("lead-score", "3", TrafficRole.LIVE, nextLatency());
    }

    @Benchmark
    public void handWrittenLines(Blackhole bh) {
        Instant now = Instant.now();
        Map<String, String> members = new LinkedHashMap<>();
        members.put("Service", SERVICE);
        members.put("Model", "lead-score");
        members.put("ModelVersion", "3");
        members.put("Role", "live");
        bh.consume(writer.lines(now, VERSION_DIMENSIONS, members, List.of(
                new Metric(EmfMetricsPublisher.REQUESTS, Unit.COUNT, new Single(1)),
                new Metric(EmfMetricsPublisher.ERRORS, Unit.COUNT, new Single(0)),
                new Metric(EmfMetricsPublisher.LATENCY, Unit.MILLISECONDS,
                        new Distribution(List.of(new LatencyDistribution.Bucket(nextLatency() / 1e6, 1)))))));
        bh.consume(writer.lines(now, SERVICE_DIMENSIONS, Map.of("Service", SERVICE), List.of(
                new Metric(EmfMetricsPublisher.QUEUE_DEPTH, Unit.COUNT, new Single(3)))));
    }

    /** A logger per request, the library's documented use. */
    @Benchmark
    public List<String> library() throws Exception {
        record(versionLogger(), serviceLogger());
        return lastLines;
    }

    /** The cheapest use: two long-lived loggers, dimensions set once, flushed per request. */
    @Benchmark
    public List<String> libraryReusedLoggers() throws Exception {
        record(versionLogger, serviceLogger);
        return lastLines;
    }

    private void record(MetricsLogger version, MetricsLogger service) throws Exception {
        version.putMetric(EmfMetricsPublisher.REQUESTS, 1, software.amazon.cloudwatchlogs.emf.model.Unit.COUNT);
        version.putMetric(EmfMetricsPublisher.ERRORS, 0, software.amazon.cloudwatchlogs.emf.model.Unit.COUNT);
        version.putMetric(EmfMetricsPublisher.LATENCY, nextLatency() / 1e6, software.amazon.cloudwatchlogs.emf.model.Unit.MILLISECONDS);
        version.flush();
        service.putMetric(EmfMetricsPublisher.QUEUE_DEPTH, 3, software.amazon.cloudwatchlogs.emf.model.Unit.COUNT);
        service.flush();
    }

    /** The library's environment with a sink that serialises as its console sink does, keeping the lines. */
    private record InMemoryEnvironment(EmfMetricsBenchmark benchmark) implements Environment {
        @Override
        public boolean probe() {
            return true;
        }

        @Override
        public String getName() {
            return SERVICE;
        }

        @Override
        public String getType() {
            return "ECS";
        }

        @Override
        public String getLogGroupName() {
            return "";
        }

        @Override
        public void configureContext(MetricsContext context) {
        }

        @Override
        public ISink getSink() {
            return new ISink() {
                @Override
                public void accept(MetricsContext context) {
                    try {
                        benchmark.lastLines = context.serialize();
                    } catch (JsonProcessingException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public CompletableFuture<Void> shutdown() {
                    return CompletableFuture.completedFuture(null);
                }
            };
        }
    }
}
