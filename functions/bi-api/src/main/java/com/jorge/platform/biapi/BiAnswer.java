package com.jorge.platform.biapi;

/** What the bi-api answers: a body of a content type, or a refusal that says why and, for bad input, which field. */
public sealed interface BiAnswer {

    int status();

    record Body(String contentType, String body) implements BiAnswer {
        @Override
        public int status() {
            return 200;
        }
    }

    record Refused(int status, String message, String field) implements BiAnswer {}
}
