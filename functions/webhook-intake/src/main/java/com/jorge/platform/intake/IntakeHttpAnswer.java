package com.jorge.platform.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The HTTP status and JSON body GHL gets for each intake outcome. */
public record IntakeHttpAnswer(int status, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static IntakeHttpAnswer of(IntakeOutcome outcome) {
        ObjectNode body = JSON.createObjectNode();
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
            case IntakeOutcome.Unavailable u -> {
                body.put("error", "unavailable").put("message", u.message());
                yield 503;
            }
        };
        return new IntakeHttpAnswer(status, body.toString());
    }
}
