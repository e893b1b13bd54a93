package com.jorge.platform.inference.http;

/**
 * What the front end writes back.
 *
 * @param retryAfterSeconds sent as Retry-After when positive
 */
public record HttpReply(int status, String contentType, byte[] body, int retryAfterSeconds) {

    static final String JSON = "application/json";

    static HttpReply json(int status, byte[] body) {
        return new HttpReply(status, JSON, body, 0);
    }
}
