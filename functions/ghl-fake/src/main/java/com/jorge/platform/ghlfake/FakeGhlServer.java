package com.jorge.platform.ghlfake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Stands in for GHL's REST API on loopback: answers the calls the bots make the way GHL documents them,
 * records every request, and can be told to fail the next calls (429 with Retry-After, 5xx) so retries
 * and circuit breaking are tested against real HTTP.
 */
public final class FakeGhlServer implements AutoCloseable {

    /** One call the platform made. {@code body} is the parsed JSON body. */
    public record Call(String method, String path, String authorization, String version, JsonNode body, long atNanos) {}

    private record Failure(int status, String retryAfter) {}

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();
    private final List<Consumer<Call>> listeners = new CopyOnWriteArrayList<>();
    private final FakeGhlOAuth oauth = new FakeGhlOAuth();

    private FakeGhlServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on {@code port} (0 for any free port) on the loopback interface. */
    public static FakeGhlServer start(int port) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
            FakeGhlServer fake = new FakeGhlServer(http);
            http.createContext("/", fake::handle).getFilters().add(fake.oauth.expiredTokens());
            http.createContext("/oauth/", fake.oauth::handle);
            http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            http.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException("fake GHL server could not start", e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** GHL's OAuth token endpoints (Marketplace installs, per-location tokens). */
    public FakeGhlOAuth oauth() {
        return oauth;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The SMS texts sent to {@code contactId}, in order. */
    public List<String> smsTo(String contactId) {
        List<String> out = new ArrayList<>();
        for (Call c : calls) {
            if (c.path().equals("/conversations/messages") && contactId.equals(c.body().path("contactId").asText())) {
                out.add(c.body().path("message").asText());
            }
        }
        return out;
    }

    public List<Call> callsFor(String contactId) {
        return calls.stream().filter(c -> c.path().contains(contactId)
                || contactId.equals(c.body().path("contactId").asText())).toList();
    }

    public void onCall(Consumer<Call> listener) {
        listeners.add(listener);
    }

    /** The next {@code count} calls answer {@code status} (with Retry-After when given). */
    public synchronized void failNext(int count, int status, String retryAfter) {
        for (int i = 0; i < count; i++) failures.add(new Failure(status, retryAfter));
    }

    public void reset() {
        calls.clear();
        synchronized (this) {
            failures.clear();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Failure failure;
            synchronized (this) {
                failure = failures.poll();
            }
            if (failure != null) {
                if (failure.retryAfter() != null) exchange.getResponseHeaders().add("Retry-After", failure.retryAfter());
                JsonResponse.send(exchange, failure.status(), "{\"message\":\"injected failure\"}");
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ")) {
                JsonResponse.send(exchange, 401, "{\"message\":\"missing bearer token\"}");
                return;
            }
            Call call = new Call(method, path, auth, exchange.getRequestHeaders().getFirst("Version"), body, System.nanoTime());
            calls.add(call);
            listeners.forEach(l -> l.accept(call));
            JsonResponse.send(exchange, 200, answer(method, path).toString());
        }
    }

    private ObjectNode answer(String method, String path) {
        ObjectNode out = json.createObjectNode();
        if (path.equals("/conversations/messages") && method.equals("POST")) {
            out.put("conversationId", "fake-conv").put("messageId", "fake-msg-" + ids.incrementAndGet())
                    .put("msg", "Message queued successfully.");
        } else if (path.startsWith("/opportunities") && method.equals("POST")) {
            out.putObject("opportunity").put("id", "fake-opp-" + ids.incrementAndGet());
        } else {
            out.put("succeded", true);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
