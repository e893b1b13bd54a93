package com.jorge.platform.observability;

import org.slf4j.MDC;

/**
 * Puts a webhook's correlation ids (webhookId, locationId, contactId) on every log line written while
 * the returned scope is open; closing it takes them off again.
 */
public final class CorrelationIds implements AutoCloseable {

    private static final String[] KEYS = {"webhookId", "locationId", "contactId"};

    private CorrelationIds() {}

    public static CorrelationIds open(String webhookId, String locationId, String contactId) {
        MDC.put(KEYS[0], webhookId);
        MDC.put(KEYS[1], locationId);
        MDC.put(KEYS[2], contactId);
        return new CorrelationIds();
    }

    @Override
    public void close() {
        for (String key : KEYS) MDC.remove(key);
    }
}
