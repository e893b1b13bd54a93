package com.jorge.platform.ghlfake;

import java.time.Duration;

/** How the fake GHL API misbehaves while a fault is switched on. */
public sealed interface GhlFault {

    /** Answers {@code status} without doing anything; {@code retryAfter} (nullable) becomes the Retry-After header. */
    record Status(int status, Duration retryAfter) implements GhlFault {
        public Status {
            if (status < 400 || status > 599) throw new IllegalArgumentException("status must be 4xx or 5xx, was " + status);
        }
    }

    /** Waits {@code delay}, then handles the call normally. */
    record Latency(Duration delay) implements GhlFault {}

    /**
     * Holds the call unanswered for {@code hold} (or until the fault is cleared), then drops the connection:
     * the client times out, and the call has no effect.
     */
    record Timeout(Duration hold) implements GhlFault {}

    /** The call takes effect and is recorded, then 502 is answered: the client cannot tell it went through. */
    record ProcessedThen502() implements GhlFault {}
}
