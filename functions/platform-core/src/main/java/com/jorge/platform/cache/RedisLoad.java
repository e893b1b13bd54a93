package com.jorge.platform.cache;

import java.util.Map;

/**
 * How busy Redis was at one probe ({@link RedisLoadProbe}), for a job that should yield to the function's
 * users: the slowest of the masters' PING round trips, and each master's CPU seconds so far, by node.
 */
public record RedisLoad(long slowestRoundTripNanos, Map<String, Double> cpuSeconds, long atNanos) {

    /** The busiest master's CPU use between {@code earlier} and this probe, as a share of one core (Redis runs commands on one thread). */
    public double busiestCpuShareSince(RedisLoad earlier) {
        double seconds = (atNanos - earlier.atNanos) / 1e9, busiest = 0;
        if (seconds <= 0) return 0;
        for (Map.Entry<String, Double> node : cpuSeconds.entrySet()) {
            Double before = earlier.cpuSeconds.get(node.getKey());
            if (before != null) busiest = Math.max(busiest, (node.getValue() - before) / seconds);
        }
        return busiest;
    }
}
