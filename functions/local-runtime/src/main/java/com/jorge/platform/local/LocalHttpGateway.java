package com.jorge.platform.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.ghlfake.WebhookSigner;
import com.jorge.platform.install.MarketplaceInstallHandler;
import com.jorge.platform.intake.WebhookIntake;
import com.jorge.platform.intake.WebhookIntakeHandler;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What API Gateway does in AWS: {@code POST /webhooks/ghl} becomes an HTTP API payload-2.0 event for
 * the same {@link WebhookIntakeHandler}; for a Marketplace app, {@code GET /oauth/callback} and
 * {@code POST /webhooks/ghl/app} go to the same {@link MarketplaceInstallHandler}. Local-only helpers live under {@code /dev}: sign a body with
 * the demo key, and list what the fake GHL API received.
 *
 * <p>Like API Gateway it routes the exact path only (404 for anything under or beside it), answers 405
 * with {@code Allow} for other methods, and 431 when the request line and headers exceed 10 KiB. Every
 * request gets an answer: a body is read only up to one byte past intake's limit, and whatever is left
 * of a refused body is discarded before the connection is let go, because closing a socket with unread
 * bytes resets it and the client would lose the 413.
 *
 * <p>Public so the fault harness (perf/faults) can put the same intake in front of a real SQS endpoint.
 */
public final class LocalHttpGateway implements AutoCloseable {

    static final String WEBHOOK_PATH = "/webhooks/ghl";
    /** API Gateway HTTP APIs refuse a request line plus headers over 10,240 bytes. */
    static final int MAX_HEADER_BYTES = 10 * 1024;
    /** Headers the JDK server reads before it drops a connection without any answer (its default: 380 KiB). */
    private static final int JDK_HEADER_LIMIT = 4 * 1024 * 1024;
    /** A refused body is discarded up to this much; past it the connection is closed. */
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService handlers =
            Executors.newCachedThreadPool(Thread.ofPlatform().name("local-intake-", 0).daemon().factory());

    /**
     * The JDK server reads these settings once, when the first server in the JVM starts: call this before
     * any (the fake GHL API is one). The JDK server closes keep-alive connections beyond 200 idle ones, and
     * a client that reuses one it closed fails; GHL delivers over many connections.
     */
    public static void tuneJdkServer() {
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "4096");
        }
        if (System.getProperty("sun.net.httpserver.maxReqHeaderSize") == null) {
            System.setProperty("sun.net.httpserver.maxReqHeaderSize", Integer.toString(JDK_HEADER_LIMIT));
        }
    }

    /** {@code install}: null when the platform is not a Marketplace app (no install routes then). */
    public LocalHttpGateway(int port, WebhookIntakeHandler handler, MarketplaceInstallHandler install, WebhookSigner signer,
                     FakeGhlServer ghl) throws IOException {
        this(port, handler, install, signer, ghl, null);
    }

    /** {@code inbox}: λ agent-inbox's function for everything under {@code /inbox} (null: no inbox routes). */
    LocalHttpGateway(int port, WebhookIntakeHandler handler, MarketplaceInstallHandler install, WebhookSigner signer,
                     FakeGhlServer ghl, java.util.function.Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> inbox)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        // Reused platform threads, as Lambda reuses an execution environment's one thread: log4j's JSON
        // layout and Jackson keep their buffers per thread, so a new virtual thread per request would
        // allocate them afresh every time (a seventh of the local runtime's garbage at 100 webhooks/s).
        server.setExecutor(handlers);
        if (install != null) {
            installRoute(MarketplaceInstallHandler.CALLBACK_PATH, "GET", install);
            installRoute(MarketplaceInstallHandler.APP_EVENTS_PATH, "POST", install);
        }
        route(WEBHOOK_PATH, exchange -> {
            if (!exchange.getRequestURI().getPath().equals(WEBHOOK_PATH)) {
                answer(exchange, 404, Map.of(), "{\"error\":\"not_found\",\"message\":\"no route for this path\"}");
            } else if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 405, Map.of("Allow", "POST"), "{\"error\":\"method_not_allowed\",\"message\":\"use POST\"}");
            } else {
                APIGatewayV2HTTPResponse response = handler.handleRequest(toEvent(exchange), null);
                answer(exchange, response.getStatusCode(), response.getHeaders() == null ? Map.of() : response.getHeaders(),
                        response.getBody());
            }
        });
        route("/dev/sign", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            byte[] sig = signer.rsaSignature(body).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, sig.length);
            exchange.getResponseBody().write(sig);
        });
        route("/dev/ghl-calls", exchange -> {
            List<Map<String, Object>> calls = ghl.calls().stream().map(c -> Map.<String, Object>of(
                    "method", c.method(), "path", c.path(), "body", c.body())).toList();
            answer(exchange, 200, Map.of(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(calls));
        });
        route("/health", exchange -> answer(exchange, 200, Map.of(), "{\"status\":\"ok\"}"));
        if (inbox != null) {
            // API Gateway's {proxy+} routes: the page, its files and its API, all to the one function
            route(LocalInbox.PATH, exchange -> {
                APIGatewayV2HTTPResponse response = inbox.apply(inboxEvent(exchange));
                Map<String, String> headers = new HashMap<>(response.getHeaders() == null ? Map.of() : response.getHeaders());
                if (response.getMultiValueHeaders() != null) {
                    response.getMultiValueHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
                }
                headers.putIfAbsent("Content-Type", "application/json");
                answerAs(exchange, response.getStatusCode(), headers, response.getBody());
            });
        }
        server.start();
    }

    /**
     * A local-only page on GET (the BI report at /report): {@code page} gets the decoded query and answers HTML,
     * served under a policy that lets it run no script and fetch nothing, as the bi-api serves it.
     */
    public void page(String path, java.util.function.Function<Map<String, String>, String> page) {
        route(path, exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                answer(exchange, 404, Map.of(), "{\"error\":\"not_found\",\"message\":\"no route for this path\"}");
            } else if (!exchange.getRequestMethod().equals("GET")) {
                answer(exchange, 405, Map.of("Allow", "GET"), "{\"error\":\"method_not_allowed\",\"message\":\"use GET\"}");
            } else {
                answer(exchange, 200, Map.of("Content-Type", "text/html; charset=utf-8", "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'"), page.apply(query(exchange.getRequestURI().getRawQuery())));
            }
        });
    }

    /** An exact path and one method, as API Gateway routes them, to the install function. */
    private void installRoute(String path, String method, MarketplaceInstallHandler install) {
        route(path, exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                answer(exchange, 404, Map.of(), "{\"error\":\"not_found\",\"message\":\"no route for this path\"}");
            } else if (!exchange.getRequestMethod().equals(method)) {
                answer(exchange, 405, Map.of("Allow", method), "{\"error\":\"method_not_allowed\",\"message\":\"use " + method + "\"}");
            } else {
                APIGatewayV2HTTPEvent event = toEvent(exchange);
                event.setRouteKey(method + " " + path);
                event.setQueryStringParameters(query(exchange.getRequestURI().getRawQuery()));
                APIGatewayV2HTTPResponse response = install.handleRequest(event, null);
                answer(exchange, response.getStatusCode(), response.getHeaders() == null ? Map.of() : response.getHeaders(),
                        response.getBody());
            }
        });
    }

    /** A query string as API Gateway hands it over: each parameter decoded, the last of repeated ones. */
    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                if (headerBytes(exchange) > MAX_HEADER_BYTES) {
                    answer(exchange, 431, Map.of(), "{\"error\":\"headers_too_large\",\"message\":\"the request line and headers "
                            + "exceed " + MAX_HEADER_BYTES + " bytes\"}");
                } else {
                    handler.handle(exchange);
                }
            }
        });
    }

    /** Sends the answer, then discards what is left of the request body, so the client reads the answer. */
    private static void answer(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        answerAs(exchange, status, headers, body);
    }

    /** The same, with the function's own headers only (the inbox's page sets its content types). */
    private static void answerAs(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
        OutputStream out = exchange.getResponseBody();
        if (!head) out.write(bytes);
        out.flush();
        discardRest(exchange.getRequestBody());
        out.close();
    }

    private static void discardRest(InputStream in) {
        try {
            if (in.read() < 0) return; // the usual case: intake read the whole body, nothing to allocate for
            byte[] buffer = new byte[64 * 1024];
            long discarded = 1;
            for (int n; discarded < DRAIN_LIMIT && (n = in.read(buffer)) > 0; ) discarded += n;
        } catch (IOException gone) {
            // the client stopped sending once it had the answer
        }
    }

    /** The request line and headers as sent, in bytes (the JDK decodes them as ISO-8859-1, one byte a char). */
    private static long headerBytes(HttpExchange exchange) {
        long size = exchange.getRequestMethod().length() + exchange.getRequestURI().getRawPath().length()
                + exchange.getProtocol().length() + 4;
        if (exchange.getRequestURI().getRawQuery() != null) size += exchange.getRequestURI().getRawQuery().length() + 1;
        for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
            for (String v : h.getValue()) size += h.getKey().length() + v.length() + 4;
        }
        return size;
    }

    /**
     * Reads at most one byte past intake's limit, so an oversized body is refused without buffering it all;
     * the stream stays open for {@link #answer} to discard the rest after the 413.
     */
    private static APIGatewayV2HTTPEvent toEvent(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(WebhookIntake.MAX_BODY_BYTES + 1);
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey("POST " + WEBHOOK_PATH);
        event.setRawPath(exchange.getRequestURI().getPath());
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(exchange.getRequestMethod());
        http.setPath(exchange.getRequestURI().getPath());
        context.setHttp(http);
        event.setRequestContext(context);
        event.setHeaders(headers);
        event.setBody(java.util.Base64.getEncoder().encodeToString(body));
        event.setIsBase64Encoded(true);
        return event;
    }

    /** A request under /inbox as API Gateway hands it to λ agent-inbox (payload 2.0, text body, the caller's address). */
    private static APIGatewayV2HTTPEvent inboxEvent(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        String path = exchange.getRequestURI().getRawPath();
        String body = new String(exchange.getRequestBody().readNBytes(1024 * 1024), StandardCharsets.UTF_8);
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey("$default");
        event.setRawPath(path);
        event.setRawQueryString(exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
        // API Gateway hands both; Micronaut's function reads the parsed ones (the admins' export takes ?reason=)
        event.setQueryStringParameters(query(exchange.getRequestURI().getRawQuery()));
        event.setHeaders(headers);
        event.setBody(body.isEmpty() ? null : body);
        event.setIsBase64Encoded(false);
        event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(exchange.getRequestMethod())
                        .withPath(path).withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress()).build())
                .withRequestId(java.util.UUID.randomUUID().toString()).build());
        return event;
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
