package com.jorge.platform.alerts.state;

import com.jorge.platform.alerts.forecast.Evidence;
import com.jorge.platform.cache.RedisConnector;
import io.lettuce.core.ScriptOutputType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Alert state in Redis, one hash per rule ({@code firing}, {@code lastSentAt}), changed only by one Lua
 * script so that two overlapping runs (EventBridge retries, a slow run meeting the next) cannot both send.
 * The keys expire after a day without evaluations, so a deleted rule leaves nothing behind.
 *
 * <p>Redis holds the only copy of this state, so every change is followed by WAIT on the master that owns
 * the rule's slot ({@link RedisConnector#evalReplicated}): a change is acknowledged once a replica holds
 * it, and a master's death then loses nothing (an alert that forgot it fired would page again, one that
 * forgot it was resolved would never resolve). WAIT has its own timeout (at most 5 s). An unconfirmed
 * change is still acted on (the notice goes out: a lost state at worst repeats it) and logged and counted.
 * A standalone server (the local runtime) has no replica to wait for: no WAIT there.
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

    // KEYS[1] = state hash; ARGV[1] = the transition whose notice could not be sent
    private static final String UNDO = """
            if ARGV[1] == 'FIRE' then redis.call('DEL', KEYS[1])
            elseif ARGV[1] == 'REPEAT' then redis.call('HSET', KEYS[1], 'lastSentAt', '0')
            elseif ARGV[1] == 'RESOLVE' then redis.call('HSET', KEYS[1], 'firing', '1', 'lastSentAt', '0') end
            return 'OK'
            """;

    private static final Logger log = LoggerFactory.getLogger(RedisAlertState.class);
    private static final Duration TTL = Duration.ofDays(1);
    /** How long a change waits for its replica (WAIT's timeout; RedisConnector caps it at 5 s). */
    public static final Duration DEFAULT_REPLICATION_WAIT = Duration.ofSeconds(1);

    private final RedisConnector redis;
    private final String keyPrefix;
    private final Duration cooldown;
    private final int replicas;
    private final Duration replicationWait;
    private final AtomicLong unconfirmed = new AtomicLong();

    /** One replica confirms every change in a cluster, within {@link #DEFAULT_REPLICATION_WAIT}; none on a standalone server. */
    public RedisAlertState(RedisConnector redis, String keyPrefix, Duration cooldown) {
        this(redis, keyPrefix, cooldown, redis.isCluster() ? 1 : 0, DEFAULT_REPLICATION_WAIT);
    }

    /**
     * @param keyPrefix       e.g. {@code "alerts:"}; tests give each class its own
     * @param replicas        replicas that must confirm a change (0: no WAIT)
     * @param replicationWait WAIT's own timeout (capped at 5 s)
     */
    public RedisAlertState(RedisConnector redis, String keyPrefix, Duration cooldown, int replicas, Duration replicationWait) {
        if (replicas < 0) throw new IllegalArgumentException("replicas must be at least 0 (was " + replicas + ")");
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.cooldown = cooldown;
        this.replicas = replicas;
        this.replicationWait = replicationWait;
    }

    @Override
    public Transition decide(String rule, Evidence evidence, Instant now) {
        return Transition.valueOf((String) change(DECIDE, rule,
                evidence.name(), Long.toString(now.toEpochMilli()), Long.toString(cooldown.toMillis()), Long.toString(TTL.toSeconds())));
    }

    /** Undoes a change whose notice could not be sent: FIRE is forgotten, REPEAT made due again, RESOLVE left firing. */
    @Override
    public void sendFailed(String rule, Transition transition) {
        if (transition == Transition.NONE) return;
        change(UNDO, rule, transition.name());
    }

    /** Changes since start that no replica confirmed within the wait (the master held them, a failover could lose them). */
    public long unconfirmedChanges() {
        return unconfirmed.get();
    }

    private Object change(String script, String rule, String... args) {
        String[] keys = {key(rule)};
        if (replicas == 0) return redis.commands().eval(script, ScriptOutputType.VALUE, keys, args);
        RedisConnector.Replicated result = redis.evalReplicated(script, ScriptOutputType.VALUE, keys, replicas, replicationWait, args);
        if (!result.confirmed()) {
            unconfirmed.incrementAndGet();
            log.warn("alert state of rule {} not confirmed by {} replica(s) within {} ms: acted on, but a failover of its master could lose it",
                    rule, replicas, replicationWait.toMillis());
        }
        return result.answer();
    }

    private String key(String rule) {
        // the hash tag keeps every rule's key usable in cluster mode without cross-slot scripts
        return keyPrefix + "{alert}:" + rule;
    }
}
