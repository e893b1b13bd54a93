package com.jorge.platform.inference.metrics;

import com.jorge.platform.inference.batching.BatchObserver;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;

/** The service's Prometheus metrics, per model and version; scraped at GET /metrics. */
public final class InferenceMetrics {

    private static final double[] LATENCY_BOUNDS = {
            0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
    private static final double[] BATCH_BOUNDS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    private final Counter requests = Counter.builder().name("inference_requests_total")
            .help("Inference requests by model, version and outcome (success, bad_request, not_found, overloaded, error)")
            .labelNames("model", "version", "outcome").register(registry);
    private final Histogram latency = Histogram.builder().name("inference_request_duration_seconds")
            .help("Time from request decoded to response ready, per model and version")
            .labelNames("model", "version").classicOnly().classicUpperBounds(LATENCY_BOUNDS).register(registry);
    private final Histogram queueTime = Histogram.builder().name("inference_queue_duration_seconds")
            .help("Time a request waited in the model's batching queue")
            .labelNames("model", "version").classicOnly().classicUpperBounds(LATENCY_BOUNDS).register(registry);
    private final Histogram computeTime = Histogram.builder().name("inference_compute_duration_seconds")
            .help("ONNX Runtime time for one batch")
            .labelNames("model", "version").classicOnly().classicUpperBounds(LATENCY_BOUNDS).register(registry);
    private final Histogram batchSize = Histogram.builder().name("inference_batch_size")
            .help("Rows per executed batch").labelNames("model", "version")
            .classicOnly().classicUpperBounds(BATCH_BOUNDS).register(registry);
    private final Counter rejected = Counter.builder().name("inference_queue_rejections_total")
            .help("Requests refused with 429 because the model's queue was full")
            .labelNames("model", "version").register(registry);
    private final Counter shadow = Counter.builder().name("inference_shadow_requests_total")
            .help("Requests mirrored to a shadow version, by outcome").labelNames("model", "version", "outcome")
            .register(registry);
    private final Counter loads = Counter.builder().name("model_loads_total")
            .help("Model version loads by outcome (loaded, checksum_mismatch, encoder_mismatch, failed)")
            .labelNames("model", "version", "outcome").register(registry);
    private final Info provider = Info.builder().name("inference_execution_provider")
            .help("The execution provider chosen at start-up").labelNames("provider").register(registry);
    private final Counter httpErrors = Counter.builder().name("http_errors_total")
            .help("Requests answered with an error before reaching a model, by status")
            .labelNames("status").register(registry);

    public void executionProvider(String name) {
        provider.setLabelValues(name);
    }

    public void request(String model, String version, String outcome, long nanos) {
        requests.labelValues(model, version, outcome).inc();
        if (nanos >= 0) {
            latency.labelValues(model, version).observe(nanos / 1e9);
        }
    }

    public void httpError(int status) {
        httpErrors.labelValues(Integer.toString(status)).inc();
    }

    public void shadow(String model, String version, String outcome) {
        shadow.labelValues(model, version, outcome).inc();
    }

    public void load(String model, String version, String outcome) {
        loads.labelValues(model, version, outcome).inc();
    }

    public BatchObserver observer(String model, String version) {
        var queue = queueTime.labelValues(model, version);
        var compute = computeTime.labelValues(model, version);
        var size = batchSize.labelValues(model, version);
        var refused = rejected.labelValues(model, version);
        return new BatchObserver() {
            @Override
            public void queued(long queueNanos) {
                queue.observe(queueNanos / 1e9);
            }

            @Override
            public void batch(int rows, int requestCount, long runNanos) {
                size.observe(rows);
                compute.observe(runNanos / 1e9);
            }

            @Override
            public void rejected() {
                refused.inc();
            }
        };
    }

    public String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }

    public void write(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }
}
