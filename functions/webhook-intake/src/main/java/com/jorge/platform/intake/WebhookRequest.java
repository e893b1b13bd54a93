package com.jorge.platform.intake;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A webhook as it arrived: the raw body bytes (what GHL signed) and the headers, case-insensitive. */
public record WebhookRequest(byte[] body, Map<String, String> headers) {

    public WebhookRequest {
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        headers = lower;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
