package com.jorge.platform.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Step Functions' JSON 1.0 API (StartExecution, SendTaskSuccess) on a loopback port, for the real SDK
 * client: records every call, refuses a second execution of the same name like the service does, and
 * answers TaskTimedOut for tokens marked expired.
 */
public final class StepFunctionsStandIn implements AutoCloseable {

    public record Call(String action, JsonNode body) {}

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> executions = new ConcurrentHashMap<>();
    private final Set<String> expiredTokens = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger failStarts = new java.util.concurrent.atomic.AtomicInteger();

    public StepFunctionsStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Call> calls(String action) {
        return calls.stream().filter(c -> c.action().equals(action)).toList();
    }

    public void expire(String taskToken) {
        expiredTokens.add(taskToken);
    }

    /** The next {@code count} StartExecution calls answer 400 (as a throttled or misconfigured service would), then they work again. */
    public void failNextStarts(int count) {
        failStarts.set(count);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String action = target == null ? "" : target.substring(target.indexOf('.') + 1);
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        calls.add(new Call(action, body));
        switch (action) {
            case "StartExecution" -> {
                if (failStarts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    reply(exchange, 400, "{\"__type\":\"StateMachineDoesNotExist\",\"message\":\"refused by the test\"}");
                    return;
                }
                String machine = body.path("stateMachineArn").asText();
                String name = body.path("name").asText();
                String arn = machine.replace(":stateMachine:", ":execution:") + ":" + name;
                if (executions.putIfAbsent(arn, body.path("input").asText()) != null) {
                    reply(exchange, 400, "{\"__type\":\"ExecutionAlreadyExists\",\"message\":\"Execution Already Exists: '" + arn + "'\"}");
                } else {
                    reply(exchange, 200, "{\"executionArn\":\"" + arn + "\",\"startDate\":" + System.currentTimeMillis() / 1000.0 + "}");
                }
            }
            case "SendTaskSuccess" -> {
                if (expiredTokens.contains(body.path("taskToken").asText())) {
                    reply(exchange, 400, "{\"__type\":\"TaskTimedOut\",\"message\":\"Task Timed Out\"}");
                } else {
                    reply(exchange, 200, "{}");
                }
            }
            default -> reply(exchange, 400, "{\"__type\":\"UnknownOperationException\",\"message\":\"" + action + "\"}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
