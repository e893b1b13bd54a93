package com.jorge.platform.cache;

import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Redis stream of captured cache gets ({@code <namespace>:access}): one stream entry per batch the
 * capture thread hands over, so a batch costs one round trip, trimmed to about {@link #MAX_ENTRIES}
 * batches. Each record is a line {@code keyClass \t locationId \t contactId \t epochMillis}; GHL ids
 * carry no tabs or line breaks, and a record that would is left out rather than misread. The warmer reads
 * it with {@link #since}.
 */
public final class AccessStream implements AccessCapture.Sink {

    static final long MAX_ENTRIES = 20_000;
    static final int PAGE = 100;
    private static final String FIELD = "b";
    private final RedisConnector redis;
    private final String key;

    public AccessStream(RedisConnector redis, CacheKeys keys) {
        this.redis = redis;
        this.key = keys.namespace() + ":access";
    }

    @Override
    public void write(List<AccessCapture.Access> batch) {
        StringBuilder body = new StringBuilder(batch.size() * 48);
        for (AccessCapture.Access a : batch) {
            if (unsafe(a.locationId()) || unsafe(a.contactId())) continue;
            body.append(a.keyClass().name()).append('\t').append(a.locationId()).append('\t')
                    .append(a.contactId()).append('\t').append(a.atMillis()).append('\n');
        }
        if (body.isEmpty()) return;
        try {
            redis.commands().xadd(key, XAddArgs.Builder.maxlen(MAX_ENTRIES).approximateTrimming(), Map.of(FIELD, body.toString()));
        } catch (RedisException e) {
            throw new CacheUnavailableException("Redis XADD failed", e);
        }
    }

    /** The records captured at or after {@code fromMillis} (by the stream's own entry times), oldest first. */
    public List<AccessCapture.Access> since(long fromMillis) {
        List<AccessCapture.Access> out = new ArrayList<>();
        forEachSince(fromMillis, out::add);
        return out;
    }

    /**
     * Hands each record captured at or after {@code fromMillis} to {@code each}, oldest first, reading the stream
     * {@link #PAGE} entries at a time: a reader of hours or weeks of capture never holds more than a page.
     */
    public void forEachSince(long fromMillis, java.util.function.Consumer<AccessCapture.Access> each) {
        Range.Boundary<String> from = Range.Boundary.including(Long.toString(fromMillis));
        while (true) {
            List<StreamMessage<String, String>> entries;
            try {
                entries = redis.commands().xrange(key, Range.from(from, Range.Boundary.including("+")), io.lettuce.core.Limit.from(PAGE));
            } catch (RedisException e) {
                throw new CacheUnavailableException("Redis XRANGE failed", e);
            }
            for (StreamMessage<String, String> entry : entries) {
                records(entry, each);
            }
            if (entries.size() < PAGE) return;
            from = Range.Boundary.excluding(entries.get(entries.size() - 1).getId());
        }
    }

    /**
     * The capture time of the oldest record the stream still holds, or empty when it holds none: whoever
     * judges "was this read within a window" from the stream must know that the stream reaches back that far
     * (it is trimmed), or a trimmed read would count as no read.
     */
    public java.util.OptionalLong oldestMillis() {
        List<StreamMessage<String, String>> first;
        try {
            first = redis.commands().xrange(key, Range.create("-", "+"), io.lettuce.core.Limit.from(1));
        } catch (RedisException e) {
            throw new CacheUnavailableException("Redis XRANGE failed", e);
        }
        List<AccessCapture.Access> records = new java.util.ArrayList<>();
        for (StreamMessage<String, String> entry : first) {
            records(entry, records::add);
        }
        return records.isEmpty() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(records.getFirst().atMillis());
    }

    /** The records of one stream entry (one batch, a line each); a line from another release is skipped. */
    private static void records(StreamMessage<String, String> entry, java.util.function.Consumer<AccessCapture.Access> each) {
        String body = entry.getBody().get(FIELD);
        if (body == null) return;
        for (String line : body.split("\n")) {
            String[] f = line.split("\t");
            if (f.length != 4) continue;
            try {
                each.accept(new AccessCapture.Access(AccessCapture.KeyClass.valueOf(f[0]), f[1], f[2], Long.parseLong(f[3])));
            } catch (IllegalArgumentException e) {
                // a line from another release: skip it, the profile is a statistic
            }
        }
    }

    private static boolean unsafe(String id) {
        return id == null || id.indexOf('\t') >= 0 || id.indexOf('\n') >= 0;
    }
}
