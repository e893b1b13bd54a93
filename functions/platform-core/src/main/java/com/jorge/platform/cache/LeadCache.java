package com.jorge.platform.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.storage.ContactRecord;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;

import java.time.Duration;
import java.util.Optional;

/**
 * The hot copy of a lead's conversation state and profile in Redis. Every failure surfaces as
 * {@link CacheUnavailableException} so callers have exactly one thing to fall back on. Nothing is
 * cached for a lead while its erased marker lives ({@link #markErased}).
 */
public final class LeadCache {

    /** SET with a TTL unless the lead's erased marker exists (same hash tag: one slot, one atomic step). */
    private static final String PUT_UNLESS_ERASED = "if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end "
            + "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1";

    private final RedisConnector redis;
    private final CacheKeys keys;
    private final ObjectMapper json;
    private final Duration conversationTtl;
    private final Duration profileTtl;
    private final AccessCapture capture; // null: gets are not captured

    public LeadCache(RedisConnector redis, CacheKeys keys, ObjectMapper json, Duration conversationTtl,
                     Duration profileTtl) {
        this(redis, keys, json, conversationTtl, profileTtl, null);
    }

    private LeadCache(RedisConnector redis, CacheKeys keys, ObjectMapper json, Duration conversationTtl,
                      Duration profileTtl, AccessCapture capture) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.conversationTtl = conversationTtl;
        this.profileTtl = profileTtl;
        this.capture = capture;
    }

    /** This cache with its gets recorded (sampled, off the reply path) for the cache-warmer's predictor. */
    public LeadCache withAccessCapture(AccessCapture capture) {
        return new LeadCache(redis, keys, json, conversationTtl, profileTtl, capture);
    }

    public Optional<ConversationState> conversation(LeadRef lead) {
        if (capture != null) capture.record(AccessCapture.KeyClass.CONVERSATION, lead.locationId(), lead.contactId());
        return read(keys.conversation(lead), ConversationState.class);
    }

    public void putConversation(LeadRef lead, ConversationState state) {
        write(lead, keys.conversation(lead), state, conversationTtl);
    }

    public Optional<ContactRecord> profile(LeadRef lead) {
        if (capture != null) capture.record(AccessCapture.KeyClass.PROFILE, lead.locationId(), lead.contactId());
        return read(keys.profile(lead), ContactRecord.class);
    }

    public void putProfile(LeadRef lead, ContactRecord profile) {
        write(lead, keys.profile(lead), profile, profileTtl);
    }

    /** Drops the lead's cached copies (its contact changed or was deleted in GHL). */
    public void evict(LeadRef lead) {
        try {
            redis.commands().del(keys.conversation(lead), keys.profile(lead));
        } catch (RedisException e) {
            throw new CacheUnavailableException("Redis DEL failed", e);
        }
    }

    /**
     * Marks the lead erased for {@code ttl}: a write-through from a worker that loaded the lead before a
     * GDPR erasure finds the marker and caches nothing, so the erased data cannot come back.
     */
    public void markErased(LeadRef lead, Duration ttl) {
        try {
            redis.commands().set(keys.erased(lead), "1", SetArgs.Builder.px(ttl.toMillis()));
        } catch (RedisException e) {
            throw new CacheUnavailableException("Redis SET failed", e);
        }
    }

    private <T> Optional<T> read(String key, Class<T> type) {
        String value;
        try {
            value = redis.commands().get(key);
        } catch (RedisException e) {
            throw new CacheUnavailableException("Redis GET failed", e);
        }
        if (value == null) return Optional.empty();
        try {
            return Optional.of(json.readValue(value, type));
        } catch (JsonProcessingException e) {
            // a shape from an older release: treat as a miss, the database copy wins
            return Optional.empty();
        }
    }

    private void write(LeadRef lead, String key, Object value, Duration ttl) {
        String body;
        try {
            body = json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try {
            redis.commands().eval(PUT_UNLESS_ERASED, ScriptOutputType.INTEGER, new String[] {key, keys.erased(lead)},
                    body, Long.toString(ttl.toMillis()));
        } catch (RedisException e) {
            throw new CacheUnavailableException("Redis SET failed", e);
        }
    }
}
