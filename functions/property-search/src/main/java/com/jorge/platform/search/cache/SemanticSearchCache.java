package com.jorge.platform.search.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.search.listing.Listing;
import com.jorge.platform.search.query.SearchConstraints;
import com.jorge.platform.search.retrieval.ListingCatalog.ListingChange;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Cached answers in Redis, one hash per location and exact {@link CacheKey}: a lookup reads only the
 * answers whose constraints are already equal, then compares free-text embeddings among those few
 * (tens at most), so no vector index is needed and a different constraint can never be a candidate.
 *
 * <p>Keys, all with the location as hash tag (one cluster slot per location): {@code
 * search:{loc}:q:<sha>} the answers for one key (field per answer, field {@code _c} the constraints);
 * {@code search:{loc}:keys} which keys exist and their constraints (for invalidation);
 * {@code search:{loc}:contact:<id>} the answers a contact's queries created (for erasure);
 * {@code search:locations} the locations with a cache. Answers hold listing ids, a vector, the polarity marks and a
 * time, never the query's words; an answer's field is a digest of its free text (one answer per distinct free text).
 */
public final class SemanticSearchCache {

    /** A cached answer that matched: the listing ids in rank order with their relevance, and how similar the query was. */
    public record CachedAnswer(List<Long> ids, List<Double> relevance, int matching, double similarity) {}

    private record Entry(String vector, String polarity, List<Long> ids, List<Double> relevance, int matching, long storedAt) {}

    private static final String CONSTRAINTS_FIELD = "_c";
    private static final String LOCATIONS = "search:locations";

    private final RedisClusterCommands<String, String> redis;
    private final SearchCacheSettings settings;
    private final Clock clock;
    private final String prefix;
    private final ObjectMapper json = new ObjectMapper();

    /** {@code prefix} namespaces every key ("" in production; a test's own namespace in tests). */
    /** {@code redis}: standalone or cluster commands (every key of a location shares its hash slot). */
    public SemanticSearchCache(RedisClusterCommands<String, String> redis, SearchCacheSettings settings, Clock clock, String prefix) {
        this.redis = redis;
        this.settings = settings;
        this.clock = clock;
        this.prefix = prefix;
    }

    /**
     * The best cached answer for a query with this key and free text. An answer stored for the very
     * same free text (same key, same words) is read first with one {@code HGET}: it is the answer the
     * similarity rule would pick (similarity 1, same polarity), so the free text is not embedded and
     * no other answer is read. Otherwise {@code vector} is computed and the key's answers compared.
     */
    public Optional<CachedAnswer> lookup(String locationId, CacheKey key, String freeText, String polarity, Supplier<float[]> vector) {
        String bucket = bucket(locationId, key);
        long now = clock.millis();
        String field = answerField(freeText);
        String same = redis.hget(bucket, field);
        if (same != null) {
            Entry e = read(same, Entry.class);
            if (fresh(e, now)) return Optional.of(new CachedAnswer(e.ids(), e.relevance(), e.matching(), 1.0));
            redis.hdel(bucket, field);
        }
        Map<String, String> fields = redis.hgetall(bucket);
        if (fields.size() <= 1) return Optional.empty(); // no answer, at most the constraints field: nothing to embed for
        float[] queryVector = vector.get();
        CachedAnswer best = null;
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (f.getKey().equals(CONSTRAINTS_FIELD)) continue;
            Entry e = read(f.getValue(), Entry.class);
            if (!fresh(e, now)) {
                redis.hdel(bucket, f.getKey());
                continue;
            }
            CacheDecision d = CacheDecision.decide(new CacheDecision.Side(key, polarity, queryVector),
                    new CacheDecision.Side(key, e.polarity(), decode(e.vector())), settings.similarity());
            if (d.hit() && (best == null || d.similarity() > best.similarity())) {
                best = new CachedAnswer(e.ids(), e.relevance(), e.matching(), d.similarity());
            }
        }
        return Optional.ofNullable(best);
    }

    /** Stores the answer to a query; an earlier answer to the same key and free text (expired, or else it would have hit) is replaced. */
    public void store(String locationId, String contactId, CacheKey key, String freeText, String polarity, SearchConstraints constraints,
                      float[] vector, List<Long> ids, List<Double> relevance, int matching) {
        String bucket = bucket(locationId, key);
        String entryId = answerField(freeText);
        long ttlSeconds = settings.ttl().toSeconds();
        String constraintsJson = write(constraints);
        redis.hset(bucket, Map.of(entryId, write(new Entry(encode(vector), polarity, ids, relevance, matching, clock.millis())), CONSTRAINTS_FIELD, constraintsJson));
        redis.expire(bucket, ttlSeconds);
        redis.hset(keys(locationId), bucket, constraintsJson);
        redis.expire(keys(locationId), ttlSeconds);
        redis.sadd(contact(locationId, contactId), bucket + "|" + entryId);
        redis.expire(contact(locationId, contactId), ttlSeconds);
        redis.sadd(prefix + LOCATIONS, locationId);
        trim(bucket);
    }

    /**
     * Drops every cached answer the change could make wrong, in every location: those whose
     * constraints admitted the listing before (it may be on the page) or admit it now (it may belong
     * on the page). Returns how many keys were dropped.
     */
    public int invalidate(ListingChange change) {
        int dropped = 0;
        for (String location : redis.smembers(prefix + LOCATIONS)) {
            for (Map.Entry<String, String> k : redis.hgetall(keys(location)).entrySet()) {
                SearchConstraints c = read(k.getValue(), SearchConstraints.class);
                if (affects(c, change.before()) || affects(c, change.after())) {
                    redis.del(k.getKey());
                    redis.hdel(keys(location), k.getKey());
                    dropped++;
                }
            }
        }
        return dropped;
    }

    /** The answers a contact's queries created in a location, as stored (GDPR export): answer reference to entry. */
    public Map<String, String> contactEntries(String locationId, String contactId) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String ref : redis.smembers(contact(locationId, contactId))) {
            int bar = ref.lastIndexOf('|');
            String entry = redis.hget(ref.substring(0, bar), ref.substring(bar + 1));
            if (entry != null) out.put(ref, entry);
        }
        return out;
    }

    /** Erases the answers a contact's queries created in a location (GDPR erasure); returns how many. */
    public int eraseContact(String locationId, String contactId) {
        int erased = 0;
        for (String ref : redis.smembers(contact(locationId, contactId))) {
            int bar = ref.lastIndexOf('|');
            erased += redis.hdel(ref.substring(0, bar), ref.substring(bar + 1)).intValue();
        }
        redis.del(contact(locationId, contactId));
        return erased;
    }

    private static boolean affects(SearchConstraints c, Listing l) {
        return l.active() && c.admits(l);
    }

    /** Keeps the newest answers of a key; a key has as many answers as distinct free texts seen. */
    private void trim(String bucket) {
        Map<String, String> fields = redis.hgetall(bucket);
        int answers = fields.size() - 1;
        if (answers <= settings.maxEntriesPerKey()) return;
        List<Map.Entry<String, String>> byAge = new ArrayList<>(fields.entrySet().stream()
                .filter(f -> !f.getKey().equals(CONSTRAINTS_FIELD)).toList());
        byAge.sort(Comparator.comparingLong(f -> read(f.getValue(), Entry.class).storedAt()));
        for (int i = 0; i < answers - settings.maxEntriesPerKey(); i++) {
            redis.hdel(bucket, byAge.get(i).getKey());
        }
    }

    private boolean fresh(Entry e, long now) {
        return now - e.storedAt() < settings.ttl().toMillis();
    }

    /** An answer's field in its key's hash: a digest of the free text, so the same words find their answer without a scan. */
    private static String answerField(String freeText) {
        return "t" + sha(freeText);
    }

    private String bucket(String locationId, CacheKey key) {
        return prefix + "search:{" + locationId + "}:q:" + sha(key.exact());
    }

    private String keys(String locationId) {
        return prefix + "search:{" + locationId + "}:keys";
    }

    private String contact(String locationId, String contactId) {
        return prefix + "search:{" + locationId + "}:contact:" + contactId;
    }

    private static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4);
        for (float x : v) b.putFloat(x);
        return Base64.getEncoder().encodeToString(b.array());
    }

    private static float[] decode(String s) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(s));
        float[] v = new float[b.remaining() / 4];
        for (int i = 0; i < v.length; i++) v[i] = b.getFloat();
        return v;
    }

    private <T> T read(String s, Class<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable cache entry (" + type.getSimpleName() + ")", e);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
