package com.jorge.platform.ghl.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server speaking the part of GHL's Conversations API the send check reads (send, search
 * by contact, a conversation's messages newest first in pages, as in openapi/conversations.json),
 * with scripted send faults: "processed but answered 502", "processed then too slow", "refused".
 * The shared fake GHL API gains these in another branch; this stub keeps the client's test standalone.
 */
final class ConversationsStub implements AutoCloseable {

    enum Send { OK, PROCESSED_THEN_502, PROCESSED_THEN_SLOW, NOT_PROCESSED_502, REJECT_422 }

    record Message(String id, String contactId, String direction, String body, Instant dateAdded) {}

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final Deque<Send> script = new ArrayDeque<>();
    private final AtomicInteger ids = new AtomicInteger();
    final AtomicInteger sendRequests = new AtomicInteger();
    volatile int searchStatus = 200;
    volatile boolean nestedPages;
    volatile long slowMillis = 3_000;

    ConversationsStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    synchronized void script(Send... sends) {
        script.addAll(List.of(sends));
    }

    void seed(String contactId, String direction, String body, Instant dateAdded) {
        messages.add(new Message("seed-" + ids.incrementAndGet(), contactId, direction, body, dateAdded));
    }

    List<Message> outboundTo(String contactId) {
        return messages.stream().filter(m -> m.contactId().equals(contactId) && m.direction().equals("outbound")).toList();
    }

    private synchronized Send nextSend() {
        return script.isEmpty() ? Send.OK : script.poll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String method = exchange.getRequestMethod();
        if (method.equals("POST") && path.equals("/conversations/messages")) {
            JsonNode body = json.readTree(exchange.getRequestBody());
            sendRequests.incrementAndGet();
            Send send = nextSend();
            if (send == Send.REJECT_422 || send == Send.NOT_PROCESSED_502) {
                answer(exchange, send == Send.REJECT_422 ? 422 : 502, "{\"message\":\"no\"}");
                return;
            }
            Message m = new Message("msg-" + ids.incrementAndGet(), body.path("contactId").asText(), "outbound",
                    body.path("message").asText(), Instant.now());
            messages.add(m);
            switch (send) {
                case PROCESSED_THEN_502 -> answer(exchange, 502, "<html>Bad Gateway</html>");
                case PROCESSED_THEN_SLOW -> {
                    sleep(slowMillis);
                    answer(exchange, 200, "{}");
                }
                default -> answer(exchange, 200, json.createObjectNode().put("conversationId", "conv-" + m.contactId())
                        .put("messageId", m.id()).put("status", "delivered").toString());
            }
        } else if (method.equals("GET") && path.equals("/conversations/search")) {
            if (searchStatus != 200) {
                answer(exchange, searchStatus, "{}");
                return;
            }
            String contactId = query.get("contactId");
            ObjectNode out = json.createObjectNode();
            ArrayNode conversations = out.putArray("conversations");
            if (messages.stream().anyMatch(m -> m.contactId().equals(contactId))) {
                conversations.addObject().put("id", "conv-" + contactId).put("contactId", contactId).put("locationId", query.get("locationId"));
            }
            out.put("total", conversations.size());
            answer(exchange, 200, out.toString());
        } else if (method.equals("GET") && path.startsWith("/conversations/") && path.endsWith("/messages")) {
            String contactId = path.substring("/conversations/conv-".length(), path.length() - "/messages".length());
            List<Message> newestFirst = new ArrayList<>(messages.stream().filter(m -> m.contactId().equals(contactId)).toList());
            newestFirst.sort((a, b) -> b.dateAdded().compareTo(a.dateAdded()));
            int start = 0;
            String last = query.get("lastMessageId");
            for (int i = 0; last != null && i < newestFirst.size(); i++) {
                if (newestFirst.get(i).id().equals(last)) start = i + 1;
            }
            int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
            List<Message> page = newestFirst.subList(Math.min(start, newestFirst.size()), Math.min(start + limit, newestFirst.size()));
            ObjectNode pageNode = json.createObjectNode();
            pageNode.put("lastMessageId", page.isEmpty() ? "" : page.getLast().id());
            pageNode.put("nextPage", start + page.size() < newestFirst.size());
            ArrayNode items = pageNode.putArray("messages");
            for (Message m : page) {
                items.addObject().put("id", m.id()).put("messageType", "TYPE_SMS").put("contactId", m.contactId())
                        .put("conversationId", "conv-" + m.contactId()).put("dateAdded", m.dateAdded().toString())
                        .put("body", m.body()).put("direction", m.direction()).put("status", "delivered").put("source", "api");
            }
            JsonNode out = nestedPages ? json.createObjectNode().set("messages", pageNode) : pageNode;
            answer(exchange, 200, out.toString());
        } else {
            answer(exchange, 404, "{}");
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            // the client timed out and closed the connection: GHL's side of that story
        } finally {
            exchange.close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
