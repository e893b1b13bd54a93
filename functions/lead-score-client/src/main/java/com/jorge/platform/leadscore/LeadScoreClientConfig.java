package com.jorge.platform.leadscore;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the client reaches the inference tier and when it gives up on it.
 *
 * @param endpoint            the tier's base URL, e.g. http://inference.internal:8080
 * @param model               the model name on the tier
 * @param attemptTimeout      per attempt; the default 50 ms, so the worst case before the fallback is two of them
 * @param retry               one retry after a timeout, a connection error or a 5xx
 * @param breakerWindow       calls the circuit breaker looks at
 * @param breakerFailureRate  percent of failed calls in the window that opens it
 * @param breakerOpenFor      how long it stays open before letting trial calls through
 */
public record LeadScoreClientConfig(URI endpoint, String model, Duration attemptTimeout, boolean retry,
                                    int breakerWindow, float breakerFailureRate, Duration breakerOpenFor) {

    public LeadScoreClientConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(model, "model");
        if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            throw new IllegalArgumentException("attemptTimeout must be positive");
        }
        if (breakerWindow < 1 || breakerFailureRate <= 0 || breakerFailureRate > 100) {
            throw new IllegalArgumentException("breaker window must be >= 1 and failure rate within (0, 100]");
        }
    }

    public static LeadScoreClientConfig defaults(URI endpoint) {
        return new LeadScoreClientConfig(endpoint, InProcessLeadScorer.MODEL_NAME, Duration.ofMillis(50), true,
                20, 50f, Duration.ofSeconds(10));
    }

    public LeadScoreClientConfig withAttemptTimeout(Duration timeout) {
        return new LeadScoreClientConfig(endpoint, model, timeout, retry, breakerWindow, breakerFailureRate, breakerOpenFor);
    }

    public LeadScoreClientConfig withBreaker(int window, float failureRate, Duration openFor) {
        return new LeadScoreClientConfig(endpoint, model, attemptTimeout, retry, window, failureRate, openFor);
    }
}
