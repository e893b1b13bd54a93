package com.jorge.platform.leadscore;

import com.jorge.platform.config.PlatformConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The lead-score client's settings, read through {@link PlatformConfig} and checked as a whole before anything is read from S3, so a
 * malformed value fails the cold start with the setting's name rather than half-configuring it.
 * A blank value counts as unset.
 *
 * @param bucket         {@value #BUCKET}: the model registry's bucket
 * @param prefix         {@value #PREFIX}: the registry's key prefix, ending in "/" (default {@value #DEFAULT_PREFIX})
 * @param model          {@value #MODEL}: the registry and tier name (default {@value #DEFAULT_MODEL})
 * @param endpoint       {@value #ENDPOINT}: the inference tier's base URL; null when unset (in-process only)
 * @param attemptTimeout {@value #TIMEOUT}: the deadline of one call to the tier (default 50 ms)
 */
public record LeadScoreSettings(String bucket, String prefix, String model, URI endpoint, Duration attemptTimeout) {

    public static final String ENDPOINT = "LEAD_SCORE_ENDPOINT";
    public static final String MODEL = "LEAD_SCORE_MODEL";
    public static final String BUCKET = "MODEL_BUCKET";
    public static final String PREFIX = "MODEL_PREFIX";
    public static final String TIMEOUT = "LEAD_SCORE_TIMEOUT_MS";

    public static final String DEFAULT_MODEL = "conversation-lead-score";
    public static final String DEFAULT_PREFIX = "models/";
    /** A deadline past this no longer protects a reply; a larger value is a typo (seconds for milliseconds). */
    static final long MAX_TIMEOUT_MS = 10_000;

    // S3's bucket-name rules, so "s3://bucket" or an ARN is refused here rather than by S3 at the first read
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public LeadScoreSettings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        RegistryNames.requireSafe("model", model);
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
    }

    /**
     * @return empty when {@value #BUCKET} is unset: no registry, so no model (the other settings are still checked)
     * @throws IllegalArgumentException naming the setting whose value is malformed
     */
    public static Optional<LeadScoreSettings> fromConfig(PlatformConfig settings) {
        String model = value(settings, MODEL);
        model = model == null ? DEFAULT_MODEL : model;
        if (!RegistryNames.isSafe(model)) {
            throw new IllegalArgumentException(MODEL + " '" + model + "' is not a registry model name: letters, digits,"
                    + " '.', '_' and '-', starting with a letter or digit, at most 128");
        }
        String prefix = value(settings, PREFIX);
        prefix = prefix == null ? DEFAULT_PREFIX : prefix;
        if (prefix.startsWith("/") || prefix.contains("://")) {
            throw new IllegalArgumentException(PREFIX + " '" + prefix + "' must be a key prefix inside the bucket, such as "
                    + DEFAULT_PREFIX);
        }
        prefix = prefix.endsWith("/") ? prefix : prefix + "/";
        URI endpoint = endpoint(value(settings, ENDPOINT));
        Duration timeout = timeout(value(settings, TIMEOUT));
        String bucket = value(settings, BUCKET);
        if (bucket == null) {
            return Optional.empty();
        }
        if (!BUCKET_NAME.matcher(bucket).matches() || bucket.contains("..")) {
            throw new IllegalArgumentException(BUCKET + " '" + bucket + "' is not an S3 bucket name (the name alone,"
                    + " without s3:// or a prefix)");
        }
        return Optional.of(new LeadScoreSettings(bucket, prefix, model, endpoint, timeout));
    }

    /** The client's settings: these plus the default retry and circuit breaker. */
    public LeadScoreClientSettings clientSettings() {
        return LeadScoreClientSettings.defaults(endpoint, model).withAttemptTimeout(attemptTimeout);
    }

    private static String value(PlatformConfig settings, String name) {
        return settings.get(name).map(String::strip).orElse(null);
    }

    private static URI endpoint(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below with the setting's name
        }
        throw new IllegalArgumentException(ENDPOINT + " must be the tier's base URL, such as http://inference.internal:8080,"
                + " was '" + value + "'");
    }

    private static Duration timeout(String value) {
        if (value == null) {
            return LeadScoreClientSettings.DEFAULT_ATTEMPT_TIMEOUT;
        }
        long millis;
        try {
            millis = Long.parseLong(value);
        } catch (NumberFormatException e) {
            millis = -1;
        }
        if (millis < 1 || millis > MAX_TIMEOUT_MS) {
            throw new IllegalArgumentException(TIMEOUT + " must be a whole number of milliseconds from 1 to "
                    + MAX_TIMEOUT_MS + ", was '" + value + "'");
        }
        return Duration.ofMillis(millis);
    }
}
