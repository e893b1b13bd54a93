package com.jorge.platform.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.ghlfake.JsonResponse;
import com.jorge.platform.ghlfake.WebhookSigner;
import com.jorge.platform.intake.WebhookIntake;
import com.jorge.platform.intake.WebhookIntakeHandler;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * What API Gateway does in AWS: {@code POST /webhooks/ghl} becomes an HTTP API payload-2.0 event for
 * the same {@link WebhookIntakeHandler}. Local-only helpers live under {@code /dev}: sign a body with
 * the demo key, and list what the fake GHL API received.
 */
final class LocalHttpGateway implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;

    LocalHttpGateway(int port, WebhookIntakeHandler handler, WebhookSigner signer, FakeGhlServer ghl) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/webhooks/ghl", exchange -> {
            try (exchange) {
                if (!exchange.getRequestMethod().equals("POST")) {
                    JsonResponse.send(exchange, 405, "{\"error\":\"method_not_allowed\",\"message\":\"use POST\"}");
                    return;
                }
                APIGatewayV2HTTPResponse response = handler.handleRequest(toEvent(exchange), null);
                JsonResponse.send(exchange, response.getStatusCode(), response.getBody());
            }
        });
        server.createContext("/dev/sign", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                byte[] sig = signer.rsaSignature(body).getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(200, sig.length);
                exchange.getResponseBody().write(sig);
            }
        });
        server.createContext("/dev/ghl-calls", exchange -> {
            try (exchange) {
                List<Map<String, Object>> calls = ghl.calls().stream().map(c -> Map.<String, Object>of(
                        "method", c.method(), "path", c.path(), "body", c.body())).toList();
                JsonResponse.send(exchange, 200, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(calls));
            }
        });
        server.createContext("/health", exchange -> {
            try (exchange) {
                JsonResponse.send(exchange, 200, "{\"status\":\"ok\"}");
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Reads at most one byte past intake's limit, so an oversized body is refused without buffering it all. */
    private static APIGatewayV2HTTPEvent toEvent(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(WebhookIntake.MAX_BODY_BYTES + 1);
        }
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey("POST /webhooks/ghl");
        event.setRawPath(exchange.getRequestURI().getPath());
        event.setHeaders(headers);
        event.setBody(java.util.Base64.getEncoder().encodeToString(body));
        event.setIsBase64Encoded(true);
        return event;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
