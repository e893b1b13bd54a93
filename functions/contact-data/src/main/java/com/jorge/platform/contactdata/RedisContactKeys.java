package com.jorge.platform.contactdata;

import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.search.cache.SemanticSearchCache;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A contact's keys in Redis: every key under the lead's hash tag {@code <namespace>:{location:contact}:}
 * (the worker's conversation and profile, and whatever later shares the tag), found by SCAN, and the
 * answers the contact's property searches left in the semantic cache. The erasure first sets the lead's
 * erased marker ({@link CacheKeys#erased}), which the worker's {@code LeadCache} honours, so a write-through
 * of state loaded before the erasure caches nothing; the marker is neither exported nor counted.
 */
public final class RedisContactKeys {

    private final RedisClusterCommands<String, String> redis;
    private final String namespace;
    private final SemanticSearchCache searchCache;
    private final Duration erasedMarkerTtl;

    public RedisContactKeys(RedisClusterCommands<String, String> redis, String namespace, SemanticSearchCache searchCache,
                            Duration erasedMarkerTtl) {
        this.redis = redis;
        this.namespace = namespace;
        this.searchCache = searchCache;
        this.erasedMarkerTtl = erasedMarkerTtl;
    }

    /** From now on (for the marker's lifetime) nothing is cached for the lead: see {@code LeadCache}. */
    void markErased(LeadRef lead) {
        redis.set(new CacheKeys(namespace).erased(lead), "1", SetArgs.Builder.px(erasedMarkerTtl.toMillis()));
    }

    /** Key to value (a string, or a hash, set, list or sorted set as JSON-able collections). */
    Map<String, Object> export(LeadRef lead) {
        Map<String, Object> out = new TreeMap<>();
        for (String key : keys(lead)) {
            Object value = switch (redis.type(key)) {
                case "string" -> redis.get(key);
                case "hash" -> new TreeMap<>(redis.hgetall(key));
                case "set" -> new ArrayList<>(new java.util.TreeSet<>(redis.smembers(key)));
                case "list" -> redis.lrange(key, 0, -1);
                case "zset" -> redis.zrangeWithScores(key, 0, -1).stream()
                        .map(v -> Map.of("member", v.getValue(), "score", v.getScore())).toList();
                default -> null;  // gone meanwhile, or a type no one here writes
            };
            if (value != null) out.put(key, value);
        }
        out.putAll(searchCache.contactEntries(lead.locationId(), lead.contactId()));
        return out;
    }

    /** Deletes them; returns how many keys and cached answers went. */
    int erase(LeadRef lead) {
        int erased = 0;
        for (String key : keys(lead)) erased += redis.del(key).intValue();
        return erased + searchCache.eraseContact(lead.locationId(), lead.contactId());
    }

    private List<String> keys(LeadRef lead) {
        String match = glob(namespace + ":{" + lead.locationId() + ":" + lead.contactId() + "}:") + "*";
        List<String> out = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(match).limit(1000));
            out.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        String marker = new CacheKeys(namespace).erased(lead);
        return out.stream().filter(key -> !key.equals(marker)).distinct().sorted().toList();
    }

    /** Escapes the glob metacharacters a GHL id could carry. */
    private static String glob(String literal) {
        return literal.replaceAll("([\\\\*?\\[\\]])", "\\\\$1");
    }
}
