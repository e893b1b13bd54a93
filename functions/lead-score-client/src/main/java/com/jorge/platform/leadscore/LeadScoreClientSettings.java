package com.jorge.platform.leadscore;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the client reaches the inference tier and when it gives up on it.
 *
 * @param endpoint            the tier's base URL, e.g. http://inference.internal:8080; null for a deployment
 *                            without the tier, where every score is in-process ({@link ScorePath#IN_PROCESS})
 * @param model               the model name on the tier; the fallback must be the same model
 * @param attemptTimeout      per attempt; the default 50 ms, so the worst case before the fallback is two of them
 * @param retry               one retry after a timeout, a connection error or a 5xx
 * @param breakerWindow       calls the circuit breaker looks at
 * @param breakerFailureRate  percent of failed calls in the window that opens it
 * @param breakerOpenFor      how long it stays open before letting trial calls through
 */
public record LeadScoreClientSettings(URI endpoint, String model, Duration attemptTimeout, boolean retry,
                                    int breakerWindow, float breakerFailureRate, Duration breakerOpenFor) {

    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofMillis(50);

    public LeadScoreClientSettings {
        RegistryNames.requireSafe("model", model);
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(breakerOpenFor, "breakerOpenFor");
        if (endpoint != null && (!endpoint.isAbsolute() || endpoint.getHost() == null
                || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())))) {
            throw new IllegalArgumentException("endpoint must be an http(s) URL with a host, was " + endpoint);
        }
        if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            throw new IllegalArgumentException("attemptTimeout must be positive");
        }
        if (breakerWindow < 1 || breakerFailureRate <= 0 || breakerFailureRate > 100) {
            throw new IllegalArgumentException("breaker window must be >= 1 and failure rate within (0, 100]");
        }
    }

    /** The bundled model on the tier at {@code endpoint}. */
    public static LeadScoreClientSettings defaults(URI endpoint) {
        return defaults(Objects.requireNonNull(endpoint, "endpoint"), InProcessLeadScorer.BUNDLED_MODEL);
    }

    /** {@code model} on the tier at {@code endpoint} (null: no tier) with the default deadline, retry and breaker. */
    public static LeadScoreClientSettings defaults(URI endpoint, String model) {
        return new LeadScoreClientSettings(endpoint, model, DEFAULT_ATTEMPT_TIMEOUT, true, 20, 50f, Duration.ofSeconds(10));
    }

    /** No tier: the model scores in this process only. */
    public static LeadScoreClientSettings inProcessOnly(String model) {
        return defaults(null, model);
    }

    /** False when there is no tier to call. */
    public boolean hasTier() {
        return endpoint != null;
    }

    public LeadScoreClientSettings withAttemptTimeout(Duration timeout) {
        return new LeadScoreClientSettings(endpoint, model, timeout, retry, breakerWindow, breakerFailureRate, breakerOpenFor);
    }

    public LeadScoreClientSettings withBreaker(int window, float failureRate, Duration openFor) {
        return new LeadScoreClientSettings(endpoint, model, attemptTimeout, retry, window, failureRate, openFor);
    }
}
