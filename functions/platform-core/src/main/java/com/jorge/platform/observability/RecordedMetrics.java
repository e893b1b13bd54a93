package com.jorge.platform.observability;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/** Metrics kept in memory: the local runtime prints them, tests read them. Thread-safe. */
public final class RecordedMetrics implements PlatformMetrics {

    private final Map<String, LongAdder> counters = new ConcurrentSkipListMap<>();
    private final Map<String, LongAdder> latencyCount = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> latencyTotalMicros = new ConcurrentHashMap<>();
    private final Map<String, Duration> lastLatency = new ConcurrentHashMap<>();

    @Override
    public void count(String metric, String dimension, long value) {
        counters.computeIfAbsent(key(metric, dimension), k -> new LongAdder()).add(value);
    }

    @Override
    public void latency(String metric, Duration duration) {
        latencyCount.computeIfAbsent(metric, k -> new LongAdder()).increment();
        latencyTotalMicros.computeIfAbsent(metric, k -> new LongAdder()).add(duration.toNanos() / 1_000);
        lastLatency.put(metric, duration);
    }

    /** The value last recorded for a latency (or age) metric, null when none was. */
    public Duration lastLatency(String metric) {
        return lastLatency.get(metric);
    }

    public long counter(String metric) {
        return counter(metric, null);
    }

    public long counter(String metric, String dimension) {
        LongAdder a = counters.get(key(metric, dimension));
        return a == null ? 0 : a.sum();
    }

    public long latencySamples(String metric) {
        LongAdder a = latencyCount.get(metric);
        return a == null ? 0 : a.sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private static String key(String metric, String dimension) {
        return dimension == null ? metric : metric + "[" + dimension + "]";
    }
}
