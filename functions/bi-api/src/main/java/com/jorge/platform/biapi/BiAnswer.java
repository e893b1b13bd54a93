package com.jorge.platform.biapi;

/** What the bi-api answers: a body of a content type, a refusal that says why and, for bad input, which field, or a
 * rate limit's 429. */
public sealed interface BiAnswer {

    int status();

    record Body(String contentType, String body) implements BiAnswer {
        @Override
        public int status() {
            return 200;
        }
    }

    record Refused(int status, String message, String field) implements BiAnswer {}

    /** Over the caller's or the location's rate limit: 429, try again after {@code retryAfterSeconds}. */
    record Limited(long retryAfterSeconds) implements BiAnswer {
        @Override
        public int status() {
            return 429;
        }
    }
}
