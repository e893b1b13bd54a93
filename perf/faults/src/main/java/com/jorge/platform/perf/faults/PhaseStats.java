package com.jorge.platform.perf.faults;

import org.HdrHistogram.Histogram;

import java.util.Map;

/** One phase of a scenario, as reported: latencies in milliseconds, throughput in replies per second. */
record PhaseStats(String name, double seconds, int sent, int accepted, Histogram ack, Histogram reply, double repliesPerSecond,
                  Map<String, Integer> errors, long maxQueueDepth, double maxOutboxAgeSeconds, String cacheHitRate,
                  Map<String, Long> inferencePaths) {

    static Histogram histogram() {
        return new Histogram(3_600_000_000_000L, 3);
    }

    static String ms(Histogram h, double percentile) {
        if (h.getTotalCount() == 0) return "-";
        return String.format("%.0f", h.getValueAtPercentile(percentile) / 1e6);
    }

    static String max(Histogram h) {
        return h.getTotalCount() == 0 ? "-" : String.format("%.0f", h.getMaxValue() / 1e6);
    }
}
