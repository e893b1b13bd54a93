package com.jorge.platform.perf;

import org.HdrHistogram.Histogram;

import java.util.Map;

/**
 * One measured phase: what was sent, what became of it, the latencies (webhook to reply at the fake
 * GHL API, and the intake's HTTP answer), and what the resources did meanwhile.
 *
 * @param silent processed webhooks the bot decided not to answer (opted out, handed off, wrong number)
 * @param errors refused or failed deliveries, dead letters, and accepted webhooks never processed
 */
record PhaseResult(String label, String bot, double seconds, long sent, long replies, long silent, long errors,
                   Map<String, Integer> errorKinds, Histogram latency, Histogram intake, long[] worstBySecondMs,
                   Map<String, Double> ghlCallsPerWebhook, ResourceSampler.Usage usage) {

    double ms(double percentile) {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1e6;
    }

    double maxMs() {
        return latency.getMaxValue() / 1e6;
    }

    double intakeMs(double percentile) {
        return intake.getTotalCount() == 0 ? Double.NaN : intake.getValueAtPercentile(percentile) / 1e6;
    }

    double repliesPerSecond() {
        return replies / seconds;
    }

    double cpuMsPerWebhook() {
        return sent == 0 ? Double.NaN : usage.cpuMsTotal() / sent;
    }

    /** A table row: the phase's numbers on one line. */
    String row() {
        var u = usage;
        return String.format("%-10s %-8s %6d %6d %5d %5d %8.1f %8.1f %8.1f %8.1f %8.1f %7.2f %6.2f %4d/%-6.0f %7d %5d/%-4.1f %4d/%-4.1f %5.1f",
                label, bot, sent, replies, silent, errors, ms(50), ms(95), ms(99), ms(99.9), maxMs(), cpuMsPerWebhook(),
                u.cpuCores(), u.gcPauses(), u.gcMaxPauseMs(), u.maxQueueDepth(), u.maxBusySlots(), u.meanBusySlots(),
                u.maxPoolWaiting(), u.meanPoolWaiting(), u.loadAverage());
    }

    static String header() {
        return String.format("%-10s %-8s %6s %6s %5s %5s %8s %8s %8s %8s %8s %7s %6s %11s %7s %10s %9s %5s",
                "phase", "bot", "sent", "replies", "silent", "errors", "p50 ms", "p95 ms", "p99 ms", "p99.9 ms", "max ms",
                "cpu ms/wh", "cores", "gc n/max ms", "queue", "workers max/mean", "pool wait", "load");
    }
}
