package com.jorge.platform.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** The HTTP status, headers and JSON body GHL gets for each intake outcome. */
public record IntakeHttpAnswer(int status, Map<String, String> headers, String body) {

    private static final Map<String, String> JSON_CONTENT = Map.of("Content-Type", "application/json");

    private static final ObjectMapper JSON = new ObjectMapper();

    public static IntakeHttpAnswer of(IntakeOutcome outcome) {
        ObjectNode body = JSON.createObjectNode();
        Map<String, String> headers = JSON_CONTENT;
        int status = switch (outcome) {
            case IntakeOutcome.Accepted a -> {
                body.put("status", "accepted").put("webhookId", a.webhookId());
                yield 200;
            }
            case IntakeOutcome.Duplicate d -> {
                body.put("status", "duplicate").put("webhookId", d.webhookId());
                yield 200;
            }
            case IntakeOutcome.Ignored i -> {
                body.put("status", "ignored").put("type", i.eventType());
                yield 200;
            }
            case IntakeOutcome.Rejected r -> {
                body.put("error", r.reason()).put("message", r.message());
                if (r.field() != null) body.put("field", r.field());
                yield r.status();
            }
            case IntakeOutcome.RetryLater r -> {
                body.put("error", "retry_later").put("message", r.message());
                headers = Map.of("Content-Type", "application/json",
                        "Retry-After", Long.toString(r.retryAfter().toSeconds()));
                yield 429; // GHL retries a delivery only on 429; any other status, 5xx included, loses the event
            }
        };
        return new IntakeHttpAnswer(status, headers, body.toString());
    }
}
