package com.jorge.platform.contactdata;

import com.jorge.platform.config.PlatformConfig;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code REDIS_NAMESPACE} (the worker's, default {@code jorge}), {@code SEARCH_CACHE_PREFIX} (the
 * semantic cache's, default none), {@code CONTACT_OBJECTS_BUCKET} and {@code CONTACT_OBJECTS_PREFIX}
 * (default {@code contacts}) where per-contact objects live, {@code AUDIT_ARCHIVE_BUCKET} and
 * {@code AUDIT_ARCHIVE_PREFIX} for the archived audit entries, {@code CONTACT_ERASE_SETTLE_MS} (2000)
 * between the two Redis passes: longer than a worker's transaction takes to commit and cache;
 * {@code CONTACT_ERASED_MARKER_HOURS} (24) how long the worker's cache refuses the erased lead: far longer
 * than a worker holds a lead (its Lambda timeout), short enough that a new conversation soon caches again.
 */
public record ContactDataSettings(String redisNamespace, String searchCachePrefix, Optional<String> objectsBucket,
                                  String objectsPrefix, Duration settle, Duration erasedMarkerTtl) {

    public static ContactDataSettings fromConfig(PlatformConfig config) {
        return new ContactDataSettings(config.get("REDIS_NAMESPACE", "jorge"), config.get("SEARCH_CACHE_PREFIX", ""),
                config.get("CONTACT_OBJECTS_BUCKET"), config.get("CONTACT_OBJECTS_PREFIX", "contacts"),
                Duration.ofMillis(config.getInt("CONTACT_ERASE_SETTLE_MS", 2_000)),
                Duration.ofHours(config.getInt("CONTACT_ERASED_MARKER_HOURS", 24)));
    }
}
