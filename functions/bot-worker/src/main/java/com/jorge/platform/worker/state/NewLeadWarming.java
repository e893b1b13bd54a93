package com.jorge.platform.worker.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.CacheUnavailableException;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.storage.ContactRecord;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;

import java.time.Duration;
import java.util.List;

/**
 * Writes, when GHL creates a contact (its ContactCreate webhook), the two keys a new lead's first turn reads
 * ({@code InboundTurns}: the conversation state, then the profile), so that the first text of a form, ad or
 * portal lead, whose contact GHL creates before the lead writes, hits instead of reading Aurora. No cache can
 * hold a key nobody wrote; this is the only signal before that first read.
 *
 * <p>What it writes is what the first turn would compute: the conversation as {@link ConversationState#fresh}
 * on the side the contact's tags give (version 0), and the contact as Aurora holds it after the event's upsert,
 * in the worker's keys and JSON. The rules are the cache-warmer's:
 * <ul>
 *   <li><b>TTL</b> short ({@code NEW_LEAD_WARM_TTL_MINUTES}, 120 as the warmer's {@code WARMER_TTL_MINUTES}): a
 *       contact that never texts costs its 3 KB for two hours; the worker's write after the first turn gives the
 *       long TTLs (7 d, 1 d).</li>
 *   <li><b>Never replacing newer data</b>: the conversation is written only if absent ({@code SET NX}: anything
 *       cached is at least version 0); the profile replaces the cached one, which is exactly what evicting it
 *       and reading it through (the worker's rule on every contact change) would leave.</li>
 *   <li><b>Never pushing out hotter keys</b>: the write is made only while the node owning the lead's slot has
 *       room below {@code NEW_LEAD_WARM_MAX_MEMORY_PERCENT} (90) of its {@code maxmemory} ({@code INFO memory},
 *       inside the same script), so it never makes Redis evict anything; a Redis without {@code maxmemory} evicts
 *       nothing anyway.</li>
 *   <li><b>GDPR</b>: nothing is written while the lead's erased marker lives (as {@code LeadCache}).</li>
 * </ul>
 * One script: the three keys share the lead's hash tag, so in cluster mode it runs on one node, atomically.
 * Idempotent: a redelivered ContactCreate finds its webhook claimed and writes nothing, and the script itself
 * writes the same values again at most.
 */
public final class NewLeadWarming {

    /**
     * @param ttl              TTL of the written keys; zero switches the write-through off (the contact event then
     *                         evicts the lead's keys, as every other contact change does)
     * @param maxMemoryPercent the write is skipped once the node's used memory would pass this share of maxmemory
     */
    public record Settings(Duration ttl, int maxMemoryPercent) {

        public Settings {
            if (ttl.isNegative()) throw new IllegalArgumentException("configuration NEW_LEAD_WARM_TTL_MINUTES must be at least 0 (was " + ttl.toMinutes() + ")");
            if (maxMemoryPercent < 1 || maxMemoryPercent > 100) {
                throw new IllegalArgumentException("configuration NEW_LEAD_WARM_MAX_MEMORY_PERCENT must be 1..100 (was " + maxMemoryPercent + ")");
            }
        }

        public static final Settings DEFAULTS = new Settings(Duration.ofMinutes(120), 90);

        public static Settings fromConfig(PlatformConfig config) {
            return new Settings(Duration.ofMinutes(config.getInt("NEW_LEAD_WARM_TTL_MINUTES", (int) DEFAULTS.ttl().toMinutes())),
                    config.getInt("NEW_LEAD_WARM_MAX_MEMORY_PERCENT", DEFAULTS.maxMemoryPercent()));
        }

        public boolean on() {
            return !ttl.isZero();
        }

        public Settings withTtl(Duration other) {
            return new Settings(other, maxMemoryPercent);
        }

        public Settings withMaxMemoryPercent(int other) {
            return new Settings(ttl, other);
        }
    }

    /** What the write-through did. */
    public enum Outcome {
        /** Both keys written (or the profile only, when a conversation was cached already). */
        WRITTEN,
        /** The lead's erased marker lives: nothing written. */
        ERASED,
        /** The node had no room under the memory limit: nothing written, nothing pushed out. */
        NO_ROOM
    }

    /** @param conversation the conversation key was written (false: one was cached already, and it stays) */
    public record Written(Outcome outcome, boolean conversation, boolean profile) {}

    // KEYS: conversation, profile, erased marker. ARGV: conversation JSON, profile JSON ('' = none), TTL ms, memory percent.
    private static final String WRITE = """
            if redis.call('EXISTS', KEYS[3]) == 1 then return {0, 0, 1} end
            local info = redis.call('INFO', 'memory')
            local maxmemory = tonumber(string.match(info, 'maxmemory:(%d+)')) or 0
            if maxmemory > 0 then
              local used = tonumber(string.match(info, 'used_memory:(%d+)')) or 0
              local adding = string.len(KEYS[1]) + string.len(ARGV[1]) + string.len(KEYS[2]) + string.len(ARGV[2])
              if used + adding > maxmemory * tonumber(ARGV[4]) / 100 then return {0, 0, 2} end
            end
            local conversation, profile = 0, 0
            if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3], 'NX') then conversation = 1 end
            if ARGV[2] ~= '' then redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]); profile = 1 end
            return {conversation, profile, 0}
            """;

    private final RedisConnector redis;
    private final CacheKeys keys;
    private final ObjectMapper json;
    private final Settings settings;

    public NewLeadWarming(RedisConnector redis, CacheKeys keys, ObjectMapper json, Settings settings) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Writes the new lead's keys; fails with {@link CacheUnavailableException} when Redis does not answer.
     *
     * @param profile the contact as Aurora holds it, or null (then only the conversation is written)
     */
    public Written write(LeadRef lead, ConversationState fresh, ContactRecord profile) {
        List<?> answer;
        try {
            answer = redis.commands().eval(WRITE, ScriptOutputType.MULTI,
                    new String[] {keys.conversation(lead), keys.profile(lead), keys.erased(lead)},
                    json(fresh), profile == null ? "" : json(profile), Long.toString(settings.ttl().toMillis()),
                    Integer.toString(settings.maxMemoryPercent()));
        } catch (RedisException e) {
            throw new CacheUnavailableException("Redis new-lead write failed", e);
        }
        long reason = (Long) answer.get(2);
        Outcome outcome = reason == 1 ? Outcome.ERASED : reason == 2 ? Outcome.NO_ROOM : Outcome.WRITTEN;
        return new Written(outcome, (Long) answer.get(0) == 1, (Long) answer.get(1) == 1);
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
