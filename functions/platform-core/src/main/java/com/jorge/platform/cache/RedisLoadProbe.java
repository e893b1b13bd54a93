package com.jorge.platform.cache;

import io.lettuce.core.RedisException;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.util.LinkedHashMap;
import java.util.Map;

/** Measures {@link RedisLoad}: a PING and INFO cpu on every master (on a standalone server, on it). */
public final class RedisLoadProbe {

    private final RedisConnector redis;

    public RedisLoadProbe(RedisConnector redis) {
        this.redis = redis;
    }

    public RedisLoad probe() {
        try {
            Map<String, Double> cpu = new LinkedHashMap<>();
            long slowest = 0;
            for (Map.Entry<String, RedisClusterCommands<String, String>> master : redis.masters().entrySet()) {
                long sent = System.nanoTime();
                master.getValue().ping();
                slowest = Math.max(slowest, System.nanoTime() - sent);
                cpu.put(master.getKey(), cpuSeconds(master.getValue().info("cpu")));
            }
            return new RedisLoad(slowest, cpu, System.nanoTime());
        } catch (RedisException e) {
            throw new CacheUnavailableException("Redis PING/INFO cpu failed", e);
        }
    }

    /** INFO cpu's user and system seconds. */
    static double cpuSeconds(String info) {
        double total = 0;
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
                total += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return total;
    }
}
