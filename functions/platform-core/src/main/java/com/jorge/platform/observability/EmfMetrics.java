package com.jorge.platform.observability;

import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * CloudWatch embedded-metric-format metrics through Powertools. Metrics with a dimension (a rejection
 * reason, an event type) go out as single-metric lines so they never mix with the function's default
 * dimensions: such a line carries that one dimension only, not Service (what an alarm or alert rule on
 * it must name). Namespace and service come from POWERTOOLS_METRICS_NAMESPACE / POWERTOOLS_SERVICE_NAME.
 * A flush with nothing recorded writes nothing (Powertools would log a "No metrics were emitted" warning
 * for every such invocation, e.g. each alert-evaluator run).
 */
public final class EmfMetrics implements PlatformMetrics {

    private final Metrics metrics = MetricsFactory.getMetricsInstance();
    /** Static as Powertools' metrics instance is: any EmfMetrics may add what another flushes. */
    private static final AtomicBoolean PENDING = new AtomicBoolean();

    @Override
    public void count(String metric, String dimension, long value) {
        if (dimension == null) {
            metrics.addMetric(metric, value, MetricUnit.COUNT);
            PENDING.set(true);
        } else {
            metrics.flushSingleMetric(metric, value, MetricUnit.COUNT, null, DimensionSet.of(dimensionName(metric), dimension));
        }
    }

    /** The dimension a count with a dimension value carries (dashboards and alert rules must name this one). */
    public static String dimensionName(String metric) {
        return switch (metric) {
            case WEBHOOKS_REJECTED, WEBHOOKS_THROTTLED, OUTBOX_DEFERRED -> "Reason";
            case WEBHOOKS_ENQUEUED, WEBHOOKS_UNKNOWN_TYPE, EVENTS_PROCESSED -> "EventType";
            case GHL_API_ERRORS -> "Status";
            case GHL_API_RATE_LIMITED -> "Source";
            case CACHE_UNAVAILABLE -> "Component";
            case LEAD_SCORES -> "Path";
            default -> "Kind";
        };
    }

    @Override
    public void latency(String metric, Duration duration) {
        metrics.addMetric(metric, duration.toNanos() / 1_000_000.0, MetricUnit.MILLISECONDS);
        PENDING.set(true);
    }

    @Override
    public void flush() {
        if (PENDING.getAndSet(false)) metrics.flush();
    }
}
