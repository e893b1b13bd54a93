package com.jorge.platform.cachewarmer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.cache.CacheUnavailableException;
import com.jorge.platform.cache.RedisConnector;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The warmer's {@link ChanceCalibration} between runs: one JSON value in Redis ({@code <namespace>:warmer:calibration},
 * tens of KB at most: {@link ChanceCalibration#MAX_PENDING} predictions and six classes' counts), living
 * {@link #TTL} after the last run (a warmer off for a month starts over). An unreadable value starts over
 * too: the calibration is a statistic, not a record. No WAIT: losing it with a master costs a few runs of learning.
 */
public final class WarmCalibrationStore {

    static final Duration TTL = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(WarmCalibrationStore.class);

    private final RedisConnector redis;
    private final ObjectMapper json;
    private final String key;

    public WarmCalibrationStore(RedisConnector redis, ObjectMapper json, String namespace) {
        this.redis = redis;
        this.json = json;
        this.key = namespace + ":warmer:calibration";
    }

    public ChanceCalibration load() {
        String stored;
        try {
            stored = redis.commands().get(key);
        } catch (RedisException e) {
            throw new CacheUnavailableException("Redis GET failed", e);
        }
        if (stored == null) return new ChanceCalibration();
        try {
            return ChanceCalibration.of(json.readValue(stored, ChanceCalibration.Snapshot.class));
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("warm calibration unreadable ({}), starting over", e.getClass().getSimpleName());
            return new ChanceCalibration();
        }
    }

    public void save(ChanceCalibration calibration) {
        String value;
        try {
            value = json.writeValueAsString(calibration.snapshot());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the warm calibration", e);
        }
        try {
            redis.commands().set(key, value, SetArgs.Builder.px(TTL.toMillis()));
        } catch (RedisException e) {
            throw new CacheUnavailableException("Redis SET failed", e);
        }
    }
}
