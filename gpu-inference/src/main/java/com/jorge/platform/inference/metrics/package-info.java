/**
 * What the service reports about itself: Prometheus metrics scraped at {@code GET /metrics}
 * ({@code InferenceMetrics}) and CloudWatch metrics written to stdout as EMF lines
 * ({@code EmfMetricsPublisher} aggregates per model, version and {@code TrafficRole} on the request
 * path; {@code EmfLineWriter} writes the lines once per flush interval, latencies as a
 * {@code LatencyDistribution} of values and counts). The EMF code is hand-written rather than
 * aws-embedded-metrics: perf/inference/emf.sh measures why (gpu-inference/README.md, Performance).
 */
package com.jorge.platform.inference.metrics;
