package com.jorge.platform.intake;

import java.time.Duration;

/** What intake decided about one webhook; the handler maps it to an HTTP answer. */
public sealed interface IntakeOutcome {

    /** Verified, new, queued for the bot worker. */
    record Accepted(String eventType, String webhookId) implements IntakeOutcome {}

    /** A webhookId already accepted: acknowledged, not processed again. */
    record Duplicate(String webhookId) implements IntakeOutcome {}

    /** A verified event of a type the platform does not handle. */
    record Ignored(String eventType) implements IntakeOutcome {}

    /**
     * Refused. {@code reason} is a stable machine code (metrics dimension), {@code field} names the
     * offending JSON field when there is one.
     */
    record Rejected(int status, String reason, String field, String message) implements IntakeOutcome {}

    /**
     * Could not be queued right now (queue down or throttled, an unexpected failure): answered 429, the
     * only status GHL retries. {@code reason} is a stable machine code (metrics dimension).
     */
    record RetryLater(String reason, String message, Duration retryAfter) implements IntakeOutcome {}
}
