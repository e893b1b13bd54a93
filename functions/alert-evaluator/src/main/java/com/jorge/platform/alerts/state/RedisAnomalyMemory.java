package com.jorge.platform.alerts.state;

import com.jorge.platform.cache.RedisConnector;
import io.lettuce.core.ScriptOutputType;

import java.time.Duration;
import java.util.Optional;

/**
 * The streaming detector's memory per rule as one Redis string ({@code <prefix>anomaly:<rule>}, about 3 KB for a
 * 288-point window), replaced by a compare-and-set script; the key expires after a day unused, and a lost key
 * only means the detector warms up again.
 */
public final class RedisAnomalyMemory implements AnomalyMemoryStore {

    // KEYS[1] = memory key; ARGV: expected ('' = none), new memory, ttl s
    private static final String REPLACE = """
            local current = redis.call('GET', KEYS[1])
            if (current == false and ARGV[1] == '') or current == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2], 'EX', tonumber(ARGV[3]))
              return 1
            end
            return 0
            """;
    private static final Duration TTL = Duration.ofDays(1);

    private final RedisConnector redis;
    private final String keyPrefix;

    /** @param keyPrefix e.g. {@code "alerts:"}; tests give each class its own */
    public RedisAnomalyMemory(RedisConnector redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public Optional<String> load(String rule) {
        return Optional.ofNullable(redis.commands().get(key(rule)));
    }

    @Override
    public boolean replace(String rule, String expected, String memory) {
        Long done = redis.commands().eval(REPLACE, ScriptOutputType.INTEGER, new String[]{key(rule)},
                expected == null ? "" : expected, memory, Long.toString(TTL.toSeconds()));
        return done != null && done == 1L;
    }

    private String key(String rule) {
        return keyPrefix + "anomaly:" + rule;
    }
}
