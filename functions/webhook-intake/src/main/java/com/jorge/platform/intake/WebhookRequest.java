package com.jorge.platform.intake;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A webhook as it arrived: the raw body bytes (what GHL signed), the headers, case-insensitive, and the
 * address it came from as API Gateway saw it ({@code sourceIp}; null where no gateway says, and then no
 * per-client limit applies).
 */
public record WebhookRequest(byte[] body, Map<String, String> headers, String sourceIp) {

    public WebhookRequest {
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        headers = lower;
    }

    public WebhookRequest(byte[] body, Map<String, String> headers) {
        this(body, headers, null);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
