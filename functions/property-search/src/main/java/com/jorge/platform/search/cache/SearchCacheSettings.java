package com.jorge.platform.search.cache;

import com.jorge.platform.config.PlatformConfig;
import java.time.Duration;

/**
 * The semantic cache's settings. {@code similarity}: the least cosine similarity of two free texts
 * (with equal {@link CacheKey}s) for a hit, chosen on the tuning half of the labelled pairs (see
 * perf/search). {@code ttl}: how long an answer is served; listing changes invalidate sooner.
 * {@code auditRate}: the share of hits re-run uncached and compared (the false-hit audit).
 */
public record SearchCacheSettings(Duration ttl, double similarity, int maxEntriesPerKey, double auditRate) {

    public static final double DEFAULT_SIMILARITY = 0.90;

    public SearchCacheSettings {
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("SEARCH_CACHE_TTL_SECONDS must be positive");
        if (similarity <= 0 || similarity > 1) throw new IllegalArgumentException("SEARCH_CACHE_SIMILARITY must be in (0, 1], was " + similarity);
        if (maxEntriesPerKey < 1) throw new IllegalArgumentException("SEARCH_CACHE_MAX_ENTRIES_PER_KEY must be at least 1");
        if (auditRate < 0 || auditRate > 1) throw new IllegalArgumentException("SEARCH_CACHE_AUDIT_RATE must be in [0, 1], was " + auditRate);
    }

    public static SearchCacheSettings from(PlatformConfig config) {
        return new SearchCacheSettings(Duration.ofSeconds(config.getInt("SEARCH_CACHE_TTL_SECONDS", 3_600)),
                number(config, "SEARCH_CACHE_SIMILARITY", DEFAULT_SIMILARITY),
                config.getInt("SEARCH_CACHE_MAX_ENTRIES_PER_KEY", 64),
                number(config, "SEARCH_CACHE_AUDIT_RATE", 0.01));
    }

    private static double number(PlatformConfig config, String name, double fallback) {
        String v = config.get(name, "");
        try {
            return v.isBlank() ? fallback : Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + v + "'");
        }
    }
}
