package com.jorge.platform.ghlfake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault switch over HTTP, for a harness in another process: {@code POST /_fake/faults} with
 * {@code {"fault":"status","status":429,"retryAfterSeconds":5,"seconds":60,"routes":["POST /conversations/messages"]}}
 * ({@code fault} is one of status, latency, timeout, processed-then-502; {@code latencyMillis} for latency,
 * {@code holdSeconds} for timeout; no {@code seconds}: until cleared), {@code DELETE /_fake/faults} clears,
 * {@code GET /_fake/faults} lists what is on.
 */
final class FaultControl {

    static final String PATH = "/_fake/faults";

    private final FaultSwitch faults;
    private final ObjectMapper json;

    FaultControl(FaultSwitch faults, ObjectMapper json) {
        this.faults = faults;
        this.json = json;
    }

    /** The status and JSON body to answer. */
    record Answer(int status, String body) {}

    Answer handle(String method, JsonNode body) {
        return switch (method) {
            case "GET" -> new Answer(200, list().toString());
            case "DELETE" -> {
                faults.clear();
                yield new Answer(200, list().toString());
            }
            case "POST" -> {
                try {
                    GhlFault fault = parse(body);
                    Duration duration = body.hasNonNull("seconds") ? Duration.ofMillis((long) (body.get("seconds").asDouble() * 1000)) : null;
                    List<String> routes = new ArrayList<>();
                    body.path("routes").forEach(r -> routes.add(r.asText()));
                    faults.inject(fault, duration, routes);
                    yield new Answer(200, list().toString());
                } catch (IllegalArgumentException e) {
                    yield new Answer(400, json.createObjectNode().put("message", e.getMessage()).toString());
                }
            }
            default -> new Answer(405, "{\"message\":\"GET, POST or DELETE\"}");
        };
    }

    private static GhlFault parse(JsonNode body) {
        String kind = body.path("fault").asText("");
        return switch (kind) {
            case "status" -> {
                if (!body.path("status").canConvertToInt()) throw new IllegalArgumentException("status: a 4xx or 5xx code is required");
                yield new GhlFault.Status(body.get("status").asInt(),
                        body.hasNonNull("retryAfterSeconds") ? Duration.ofSeconds(body.get("retryAfterSeconds").asLong()) : null);
            }
            case "latency" -> new GhlFault.Latency(Duration.ofMillis(body.path("latencyMillis").asLong(1000)));
            case "timeout" -> new GhlFault.Timeout(Duration.ofSeconds(body.path("holdSeconds").asLong(60)));
            case "processed-then-502" -> new GhlFault.ProcessedThen502();
            default -> throw new IllegalArgumentException("fault: one of status, latency, timeout, processed-then-502");
        };
    }

    private ObjectNode list() {
        ObjectNode out = json.createObjectNode();
        ArrayNode items = out.putArray("faults");
        long now = System.nanoTime();
        for (FaultSwitch.Active a : faults.active()) {
            ObjectNode item = items.addObject();
            switch (a.fault()) {
                case GhlFault.Status s -> {
                    item.put("fault", "status").put("status", s.status());
                    if (s.retryAfter() != null) item.put("retryAfterSeconds", s.retryAfter().toSeconds());
                }
                case GhlFault.Latency l -> item.put("fault", "latency").put("latencyMillis", l.delay().toMillis());
                case GhlFault.Timeout t -> item.put("fault", "timeout").put("holdSeconds", t.hold().toSeconds());
                case GhlFault.ProcessedThen502 p -> item.put("fault", "processed-then-502");
            }
            long left = a.remainingNanos(now);
            if (left != Long.MAX_VALUE) item.put("secondsLeft", left / 1e9);
            a.routes().forEach(item.putArray("routes")::add);
        }
        return out;
    }
}
