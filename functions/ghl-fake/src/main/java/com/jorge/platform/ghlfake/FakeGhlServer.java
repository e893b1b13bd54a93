package com.jorge.platform.ghlfake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Stands in for GHL's REST API on loopback: answers the calls the bots make the way GHL documents them,
 * records every request, lists the messages it took (Conversations API), and can be told to fail the
 * next calls ({@link #failNext}) or to misbehave for a while ({@link #faults()}: status with
 * Retry-After, latency, timeouts, "processed but answered 502"), from Java or over HTTP at
 * {@code /_fake/faults}, so retries and circuit breaking are tested against real HTTP.
 */
public final class FakeGhlServer implements AutoCloseable {

    /** One call the platform made. {@code body} is the parsed JSON body. */
    public record Call(String method, String path, String authorization, String version, JsonNode body, long atNanos) {}

    private record Failure(int status, String retryAfter) {}

    // each call runs on a new virtual thread, so Jackson's default per-thread buffers would be allocated
    // afresh for every call: a shared pool reuses them
    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build());
    private final HttpServer server;
    // appended on every call and read rarely: a copy-on-write list would copy all calls on each append
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();
    private final List<Consumer<Call>> listeners = new CopyOnWriteArrayList<>();
    private final FaultSwitch faults = new FaultSwitch();
    private final FaultControl control = new FaultControl(faults, json);
    private final ConversationLog conversations = new ConversationLog(json);
    private final FakeGhlOAuth oauth = new FakeGhlOAuth();
    private final FakeRateLimits rateLimits = new FakeRateLimits();
    private final FakeCalendars calendars = new FakeCalendars(json);

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

    /** GHL's per-location burst limit with its {@code X-RateLimit-*} headers, off until {@link FakeRateLimits#enforce} is called. */
    public FakeRateLimits rateLimits() {
        return rateLimits;
    }

    /** GHL's Calendars API: free slots, appointments (made, moved, cancelled), slots taken elsewhere. */
    public FakeCalendars calendars() {
        return calendars;
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

    /** The SMS messages GHL took, with the ids it answered, in order. */
    public List<SentMessage> sentMessages() {
        return conversations.all().stream()
                .map(m -> new SentMessage(m.id(), m.conversationId(), m.contactId(), m.body(), m.dateAdded())).toList();
    }

    /** One message the fake took: {@code id} is the messageId it answered (or would have, before a 502). */
    public record SentMessage(String id, String conversationId, String contactId, String body, Instant at) {}

    /** The fault switch: what is switched on here applies to every call but {@code /_fake/faults}. */
    public FaultSwitch faults() {
        return faults;
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
        conversations.clear();
        calendars.clear();
        faults.clear();
        rateLimits.enforce(0, Duration.ZERO);
        synchronized (this) {
            failures.clear();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = json.readTree(exchange.getRequestBody()); // missing for an empty body
            if (body.isMissingNode()) body = json.createObjectNode();
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals(FaultControl.PATH)) {
                FaultControl.Answer answer = control.handle(method, body);
                JsonResponse.send(exchange, answer.status(), answer.body());
                return;
            }
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
            if (!rateLimits.admit(auth, exchange.getResponseHeaders())) {
                JsonResponse.send(exchange, 429, "{\"statusCode\":429,\"message\":\"Too many requests\"}");
                return;
            }
            FaultSwitch.Active fault = faults.forCall(method, path).orElse(null);
            switch (fault == null ? null : fault.fault()) {
                case GhlFault.Status s -> {
                    if (s.retryAfter() != null) exchange.getResponseHeaders().add("Retry-After", Long.toString(s.retryAfter().toSeconds()));
                    JsonResponse.send(exchange, s.status(), "{\"message\":\"injected failure\"}");
                    return;
                }
                case GhlFault.Timeout t -> {
                    holdWhileOn(fault, t.hold());
                    return; // closing the exchange unanswered drops the connection
                }
                case GhlFault.Latency l -> sleep(l.delay().toMillis());
                case GhlFault.ProcessedThen502 p -> { }
                case null -> { }
            }
            Call call = new Call(method, path, auth, exchange.getRequestHeaders().getFirst("Version"), body, System.nanoTime());
            calls.add(call);
            listeners.forEach(l -> l.accept(call));
            String rawQuery = exchange.getRequestURI().getRawQuery();
            FakeCalendars.Answer answer = path.startsWith("/calendars")
                    ? calendars.handle(method, path, QueryParameters.parse(rawQuery), body)
                    : new FakeCalendars.Answer(200, answer(method, path, rawQuery, body));
            if (fault != null && fault.fault() instanceof GhlFault.ProcessedThen502) {
                JsonResponse.send(exchange, 502, "{\"message\":\"Bad Gateway\"}");
            } else {
                JsonResponse.send(exchange, answer.status(), answer.body().toString());
            }
        }
    }

    private void holdWhileOn(FaultSwitch.Active fault, Duration hold) {
        long until = System.nanoTime() + hold.toNanos();
        while (System.nanoTime() < until && faults.stillOn(fault)) sleep(50);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ObjectNode answer(String method, String path, String query, JsonNode body) {
        ObjectNode out = json.createObjectNode();
        if (path.equals("/conversations/messages") && method.equals("POST")) {
            String contactId = body.path("contactId").asText();
            String messageId = "fake-msg-" + ids.incrementAndGet();
            String conversationId = ConversationLog.conversationIdFor(contactId);
            conversations.add(new ConversationLog.Sent(messageId, conversationId, contactId,
                    body.path("type").asText("SMS"), body.path("message").asText(), Instant.now()));
            out.put("conversationId", conversationId).put("messageId", messageId)
                    .put("msg", "Message queued successfully.");
        } else if (path.equals("/conversations/search") && method.equals("GET")) {
            Map<String, String> params = QueryParameters.parse(query);
            return conversations.search(params.get("contactId"), params.get("locationId"));
        } else if (path.startsWith("/conversations/") && path.endsWith("/messages") && method.equals("GET")) {
            Map<String, String> params = QueryParameters.parse(query);
            String conversationId = path.substring("/conversations/".length(), path.length() - "/messages".length());
            return conversations.messages(conversationId, params.get("lastMessageId"),
                    Integer.parseInt(params.getOrDefault("limit", "20")));
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
