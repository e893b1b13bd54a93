package com.jorge.platform.alerts.state;

import com.jorge.platform.alerts.forecast.Evidence;
import com.jorge.platform.cache.RedisConnector;
import io.lettuce.core.ScriptOutputType;

import java.time.Duration;
import java.time.Instant;

/**
 * Alert state in Redis, one hash per rule ({@code firing}, {@code lastSentAt}), changed only by one Lua
 * script so that two overlapping runs (EventBridge retries, a slow run meeting the next) cannot both send.
 * The keys expire after a day without evaluations, so a deleted rule leaves nothing behind.
 */
public final class RedisAlertState implements AlertStateStore {

    // KEYS[1] = state hash; ARGV: evidence, now ms, cooldown ms, ttl s
    private static final String DECIDE = """
            local firing = redis.call('HGET', KEYS[1], 'firing')
            local last = tonumber(redis.call('HGET', KEYS[1], 'lastSentAt') or '0')
            local now = tonumber(ARGV[2])
            local result = 'NONE'
            if ARGV[1] == 'CONFIRMED_BAD' then
              if firing ~= '1' then
                redis.call('HSET', KEYS[1], 'firing', '1', 'lastSentAt', ARGV[2], 'firedAt', ARGV[2])
                result = 'FIRE'
              elseif now - last >= tonumber(ARGV[3]) then
                redis.call('HSET', KEYS[1], 'lastSentAt', ARGV[2])
                result = 'REPEAT'
              end
            elseif ARGV[1] == 'CONFIRMED_CLEAR' and firing == '1' then
              redis.call('DEL', KEYS[1])
              result = 'RESOLVE'
            end
            if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4])) end
            return result
            """;

    private final RedisConnector redis;
    private final String keyPrefix;
    private final Duration cooldown;
    private static final Duration TTL = Duration.ofDays(1);

    /** @param keyPrefix e.g. {@code "alerts:"}; tests give each class its own */
    public RedisAlertState(RedisConnector redis, String keyPrefix, Duration cooldown) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.cooldown = cooldown;
    }

    @Override
    public Transition decide(String rule, Evidence evidence, Instant now) {
        String result = redis.commands().eval(DECIDE, ScriptOutputType.VALUE, new String[]{key(rule)},
                evidence.name(), Long.toString(now.toEpochMilli()), Long.toString(cooldown.toMillis()), Long.toString(TTL.toSeconds()));
        return Transition.valueOf(result);
    }

    @Override
    public void sendFailed(String rule, Transition transition) {
        switch (transition) {
            // forget the alert so the next run fires it again
            case FIRE -> redis.commands().del(key(rule));
            // make the reminder due again
            case REPEAT -> redis.commands().hset(key(rule), "lastSentAt", "0");
            // still firing: the next clear evaluation resolves (and sends) again
            case RESOLVE -> redis.commands().hset(key(rule), java.util.Map.of("firing", "1", "lastSentAt", "0"));
            default -> { }
        }
    }

    private String key(String rule) {
        // the hash tag keeps every rule's key usable in cluster mode without cross-slot scripts
        return keyPrefix + "{alert}:" + rule;
    }
}
