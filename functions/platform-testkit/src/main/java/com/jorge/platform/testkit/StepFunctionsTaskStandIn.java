package com.jorge.platform.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Step Functions' task-token calls (SendTaskSuccess, SendTaskFailure) on loopback for the real SDK
 * client: records each, answers TaskTimedOut for a token marked expired and for a token answered before
 * (as the service does), and can hand each answer to a listener: what the workflow would do next.
 */
public final class StepFunctionsTaskStandIn implements AutoCloseable {

    public record Call(String action, JsonNode body) {}

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> closedTokens = ConcurrentHashMap.newKeySet();
    private final List<Consumer<Call>> listeners = new CopyOnWriteArrayList<>();

    public StepFunctionsTaskStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The workflow stopped waiting for this token (its timeout passed). */
    public void expire(String taskToken) {
        closedTokens.add(taskToken);
    }

    public void onAnswer(Consumer<Call> listener) {
        listeners.add(listener);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String action = target == null ? "" : target.substring(target.indexOf('.') + 1);
            JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
            if (!action.equals("SendTaskSuccess") && !action.equals("SendTaskFailure")) {
                reply(exchange, 400, "{\"__type\":\"UnknownOperationException\",\"message\":\"" + action + "\"}");
                return;
            }
            if (!closedTokens.add(body.path("taskToken").asText())) {
                reply(exchange, 400, "{\"__type\":\"TaskTimedOut\",\"message\":\"Task Timed Out\"}");
                return;
            }
            Call call = new Call(action, body);
            calls.add(call);
            listeners.forEach(l -> l.accept(call));
            reply(exchange, 200, "{}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
