package com.jorge.platform.cachewarmer;

import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.CacheUnavailableException;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.cache.RedisLoad;
import com.jorge.platform.cache.RedisLoadProbe;
import com.jorge.platform.cache.RedisPipeline;
import com.jorge.platform.conversation.LeadRef;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes a lead's entries into the worker's keys without ever replacing newer data: a cached conversation
 * whose version is at least ours stays (the worker caches after each commit, maybe after we read Aurora),
 * a cached profile stays (the worker evicts profiles on every contact change), and entries that stay get
 * their TTL extended, never shortened. One Lua script per lead: both keys share the lead's hash tag, so
 * in cluster mode they live in one slot and the check and the write are atomic. A batch of leads goes
 * pipelined, one pipeline per master ({@link RedisPipeline#eval}).
 */
public final class GuardedCacheWriter {

    /** One lead to warm: what the worker would cache for it (null: nothing) and the conversation's version. */
    public record Warm(LeadRef lead, String conversationJson, long version, String profileJson) {}

    /** What the script did for one lead. */
    public record Written(boolean conversation, boolean profile) {
        public boolean any() {
            return conversation || profile;
        }
    }

    // KEYS: conversation, profile. ARGV: conversation JSON ('' = none), its version, profile JSON ('' = none), TTL ms.
    private static final String WARM = """
            local ttl = tonumber(ARGV[4])
            local function extend(key)
              local left = redis.call('PTTL', key)
              if left >= 0 and left < ttl then redis.call('PEXPIRE', key, ttl) end
            end
            local wroteConversation, wroteProfile = 0, 0
            if ARGV[1] ~= '' then
              local cached = redis.call('GET', KEYS[1])
              local keep = false
              if cached then
                local ok, doc = pcall(cjson.decode, cached)
                if ok and type(doc) == 'table' and tonumber(doc['version']) ~= nil
                   and tonumber(doc['version']) >= tonumber(ARGV[2]) then keep = true end
              end
              if keep then extend(KEYS[1])
              else redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl); wroteConversation = 1 end
            end
            if ARGV[3] ~= '' then
              if redis.call('SET', KEYS[2], ARGV[3], 'PX', ttl, 'NX') then wroteProfile = 1 else extend(KEYS[2]) end
            end
            return {wroteConversation, wroteProfile}
            """;

    // KEYS: conversation, profile. ARGV: the values written ('' = leave the key alone). Deletes only our own copy.
    private static final String RETRACT = """
            local removed = 0
            for i = 1, 2 do
              if ARGV[i] ~= '' and redis.call('GET', KEYS[i]) == ARGV[i] then
                redis.call('DEL', KEYS[i]); removed = removed + 1
              end
            end
            return removed
            """;

    private static final String WARM_SHA = sha1(WARM);
    private static final String RETRACT_SHA = sha1(RETRACT);

    private final RedisConnector redis;
    private final RedisPipeline pipeline;
    private final RedisLoadProbe loadProbe;
    private final CacheKeys keys;
    private final Duration ttl;

    public GuardedCacheWriter(RedisConnector redis, CacheKeys keys, Duration ttl) {
        this.redis = redis;
        this.pipeline = new RedisPipeline(redis);
        this.loadProbe = new RedisLoadProbe(redis);
        this.keys = keys;
        this.ttl = ttl;
    }

    /** RedisConnector.replicationLagBytes: -1 when a master has no replica online (standalone without replicas). */
    public long replicationLagBytes() {
        return redis.replicationLagBytes();
    }

    /** Fails with {@link CacheUnavailableException} when Redis does not answer. */
    public void ping() {
        try {
            redis.commands().ping();
        } catch (RedisException e) {
            throw new CacheUnavailableException("Redis PING failed", e);
        }
    }

    /**
     * @param conversationJson the state as the worker caches it, or null when there is none to cache
     * @param profileJson      the contact as the worker caches it, or null
     */
    public Written warm(LeadRef lead, String conversationJson, long version, String profileJson) {
        return warmAll(List.of(new Warm(lead, conversationJson, version, profileJson))).get(0);
    }

    /**
     * Warms a batch in one pipeline per master (the leads grouped by the node owning their slot), answers
     * in the batch's order. Fails with {@link CacheUnavailableException} when Redis does not answer.
     */
    public List<Written> warmAll(List<Warm> batch) {
        String ttlMillis = Long.toString(ttl.toMillis());
        List<RedisPipeline.ScriptCall> calls = batch.stream().map(w -> new RedisPipeline.ScriptCall(
                new String[] {keys.conversation(w.lead()), keys.profile(w.lead())},
                new String[] {w.conversationJson() == null ? "" : w.conversationJson(), Long.toString(w.version()),
                        w.profileJson() == null ? "" : w.profileJson(), ttlMillis})).toList();
        return pipeline.eval(WARM, WARM_SHA, ScriptOutputType.MULTI, calls).stream().map(answer -> {
            List<?> flags = (List<?>) answer;
            return new Written(((Long) flags.get(0)) == 1, ((Long) flags.get(1)) == 1);
        }).toList();
    }

    /** How busy Redis is now (the slowest master's PING, each master's CPU seconds): the run's back-off reads it. */
    public RedisLoad redisLoad() {
        return loadProbe.probe();
    }

    /** Deletes the entries this run wrote, where they still hold what it wrote; returns how many went. */
    public long retract(LeadRef lead, String conversationJson, String profileJson) {
        Object removed = run(RETRACT, RETRACT_SHA, ScriptOutputType.INTEGER, lead, conversationJson == null ? "" : conversationJson,
                profileJson == null ? "" : profileJson);
        return (Long) removed;
    }

    public String conversationKey(LeadRef lead) {
        return keys.conversation(lead);
    }

    public String profileKey(LeadRef lead) {
        return keys.profile(lead);
    }

    @SuppressWarnings("unchecked")
    private <T> T run(String script, String sha, ScriptOutputType type, LeadRef lead, String... args) {
        String[] k = {keys.conversation(lead), keys.profile(lead)};
        try {
            try {
                return (T) redis.commands().evalsha(sha, type, k, args);
            } catch (RedisNoScriptException e) {
                return (T) redis.commands().eval(script, type, k, args); // loads it on this node for next time
            }
        } catch (RedisException e) {
            throw new CacheUnavailableException("Redis script failed", e);
        }
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
