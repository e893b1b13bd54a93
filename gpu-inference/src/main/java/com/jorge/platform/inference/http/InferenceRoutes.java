package com.jorge.platform.inference.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.inference.metrics.InferenceMetrics;
import com.jorge.platform.inference.metrics.VersionTraffic;
import com.jorge.platform.inference.model.OnnxSessionFactory;
import com.jorge.platform.inference.model.TensorSpec;
import com.jorge.platform.inference.protocol.InferRequest;
import com.jorge.platform.inference.protocol.InferRequestDecoder;
import com.jorge.platform.inference.protocol.InferResponseEncoder;
import com.jorge.platform.inference.protocol.InferenceException;
import com.jorge.platform.inference.protocol.InferenceException.NotFound;
import com.jorge.platform.inference.serving.Deployment;
import com.jorge.platform.inference.serving.LoadedVersion;
import com.jorge.platform.inference.serving.ModelCatalog;
import com.jorge.platform.inference.serving.ModelEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KServe v2 HTTP/REST endpoints, free of the HTTP library: a method, a path and a body in, an
 * {@link HttpReply} out. Every failure becomes a status with {@code {"error": "..."}}.
 */
public final class InferenceRoutes {

    private static final Logger log = LoggerFactory.getLogger(InferenceRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] EMPTY_OBJECT = "{}".getBytes();

    private final ModelCatalog catalog;
    private final InferenceMetrics metrics;
    private final VersionTraffic traffic;
    private final OnnxSessionFactory sessions;
    private final String registry;
    private final InferRequestDecoder decoder = new InferRequestDecoder();
    private final InferResponseEncoder encoder = new InferResponseEncoder();

    public InferenceRoutes(ModelCatalog catalog, InferenceMetrics metrics, VersionTraffic traffic, OnnxSessionFactory sessions,
                           String registry) {
        this.catalog = catalog;
        this.metrics = metrics;
        this.traffic = traffic;
        this.sessions = sessions;
        this.registry = registry;
    }

    /**
     * Answers one request; inference replies complete on {@code completion} (the connection's thread),
     * so the batch worker goes straight back to batching.
     */
    public CompletableFuture<HttpReply> handle(String method, String uri, InputStream body, Executor completion) {
        try {
            return route(method, path(uri), body, completion);
        } catch (InferenceException e) {
            metrics.httpError(e.status());
            return CompletableFuture.completedFuture(error(e));
        } catch (RuntimeException e) {
            log.error("{} {} failed", method, uri, e);
            metrics.httpError(500);
            return CompletableFuture.completedFuture(error(500, "internal error: " + e.getClass().getSimpleName()));
        }
    }

    private static String[] path(String uri) {
        int q = uri.indexOf('?');
        String p = q < 0 ? uri : uri.substring(0, q);
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p.startsWith("/") ? p.substring(1).split("/", -1) : p.split("/", -1);
    }

    private CompletableFuture<HttpReply> route(String method, String[] seg, InputStream body, Executor completion) {
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
        if (seg.length == 1 && seg[0].equals("metrics") && get) {
            return done(metricsReply());
        }
        if (seg.length >= 1 && seg[0].equals("v2")) {
            if (seg.length == 1 && get) {
                return done(serverMetadata());
            }
            if (seg.length == 3 && seg[1].equals("health") && get) {
                return switch (seg[2]) {
                    case "live" -> done(HttpReply.json(200, EMPTY_OBJECT));
                    case "ready" -> done(readiness());
                    default -> throw new NotFound("no route GET /" + String.join("/", seg));
                };
            }
            if (seg.length >= 3 && seg[1].equals("models")) {
                String model = seg[2];
                String version = null;
                int rest = 3;
                if (seg.length >= 5 && seg[3].equals("versions")) {
                    version = seg[4];
                    rest = 5;
                }
                String action = seg.length == rest ? "" : seg.length == rest + 1 ? seg[rest] : null;
                if (action != null) {
                    if (action.isEmpty() && get) {
                        return done(modelMetadata(model, version));
                    }
                    if (action.equals("ready") && get) {
                        return done(modelReady(model, version));
                    }
                    if (action.equals("infer") && post) {
                        return infer(model, version, body, completion);
                    }
                    if (action.isEmpty() || action.equals("ready") || action.equals("infer")) {
                        return done(error(405, method + " is not allowed here"));
                    }
                }
            }
        }
        throw new NotFound("no route " + method + " /" + String.join("/", seg));
    }

    private CompletableFuture<HttpReply> infer(String model, String version, InputStream body, Executor completion) {
        long start = System.nanoTime();
        ModelEndpoint endpoint = endpoint(model);
        InferRequest request = decoder.decode(body);
        ModelEndpoint.Routed routed;
        try {
            routed = endpoint.infer(version, request);
        } catch (InferenceException e) {
            metrics.request(model, version == null ? "" : version, outcome(e), -1);
            throw e;
        }
        String served = routed.version().version();
        return routed.outputs().handleAsync((outputs, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                metrics.request(model, served, "error", System.nanoTime() - start);
                traffic.failed(model, served, routed.role());
                return error(503, "model " + model + " version " + served + " failed: " + cause.getMessage());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            encoder.writeResponse(out, model, served, request.id(), outputs);
            long nanos = System.nanoTime() - start;
            metrics.request(model, served, "success", nanos);
            traffic.succeeded(model, served, routed.role(), nanos);
            return HttpReply.json(200, out.toByteArray());
        }, completion);
    }

    private static String outcome(InferenceException e) {
        return switch (e) {
            case InferenceException.BadRequest b -> "bad_request";
            case InferenceException.NotFound n -> "not_found";
            case InferenceException.Overloaded o -> "overloaded";
            case InferenceException.Unavailable u -> "unavailable";
        };
    }

    private ModelEndpoint endpoint(String model) {
        return catalog.endpoint(model).orElseThrow(() -> new NotFound("unknown model '" + abbreviate(model)
                + "'; this server has " + catalog.names()));
    }

    private HttpReply modelMetadata(String model, String version) {
        ModelEndpoint endpoint = endpoint(model);
        Deployment d = endpoint.deployment().orElseThrow(() -> new InferenceException.Unavailable(
                "model " + model + " has no version loaded yet"));
        LoadedVersion v = version == null ? d.live() : d.byVersion(version).orElseThrow(() -> new NotFound(
                "model " + model + " has no version " + abbreviate(version) + " loaded"));
        ObjectNode root = JSON.createObjectNode();
        root.put("name", model);
        ArrayNode versions = root.putArray("versions");
        (version == null ? d.versions() : List.of(v)).forEach(x -> versions.add(x.version()));
        root.put("platform", v.model().platform());
        specs(root.putArray("inputs"), v.model().inputs());
        specs(root.putArray("outputs"), v.model().outputs());
        // extensions beyond the KServe fields: where and how it runs, and what it is
        root.put("execution_provider", sessions.provider().name());
        root.put("execution_provider_detail", sessions.detail());
        root.put("live_version", d.live().version());
        if (d.canary() != null) {
            root.put("canary_version", d.canary().version());
            root.put("canary_percent", d.manifest().canaryPercent());
        }
        if (d.shadow() != null) {
            root.put("shadow_version", d.shadow().version());
        }
        root.put("sha256", v.sha256());
        var policy = v.batcher().policy();
        ObjectNode batching = root.putObject("batching");
        batching.put("dynamic_batching", policy.dynamicBatching());
        batching.put("max_batch_size", policy.maxBatchSize());
        batching.put("max_queue_delay_microseconds", policy.maxQueueDelayMicros());
        batching.put("max_queue_size", policy.maxQueueSize());
        batching.put("instances", policy.instances());
        if (v.metadata() != null) {
            root.put("registry", registry);
            root.put("allow_nan", v.metadata().allowNan());
            if (v.metadata().encoder() != null) {
                root.put("encoder", v.metadata().encoder());
            }
            ArrayNode features = root.putArray("features");
            v.metadata().features().forEach(features::add);
        }
        return jsonReply(200, root);
    }

    private static void specs(ArrayNode into, List<TensorSpec> specs) {
        for (TensorSpec s : specs) {
            ObjectNode n = into.addObject();
            n.put("name", s.name());
            n.put("datatype", s.datatype().name());
            ArrayNode shape = n.putArray("shape");
            for (long d : s.shape()) {
                shape.add(d);
            }
        }
    }

    private HttpReply modelReady(String model, String version) {
        ModelEndpoint endpoint = endpoint(model);
        boolean ready = endpoint.deployment().map(d -> version == null || d.byVersion(version).isPresent()).orElse(false);
        ObjectNode root = JSON.createObjectNode().put("name", model).put("ready", ready);
        return jsonReply(ready ? 200 : 503, root);
    }

    private HttpReply readiness() {
        List<String> waiting = catalog.notReady();
        ObjectNode root = JSON.createObjectNode().put("ready", waiting.isEmpty());
        if (!waiting.isEmpty()) {
            root.put("error", "models without a loaded version: " + waiting);
        }
        return jsonReply(waiting.isEmpty() ? 200 : 503, root);
    }

    private HttpReply serverMetadata() {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", "jorge-inference");
        root.put("version", "0.1.0");
        root.putArray("extensions");
        ArrayNode models = root.putArray("models");
        catalog.names().forEach(models::add);
        return jsonReply(200, root);
    }

    private HttpReply metricsReply() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            metrics.write(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new HttpReply(200, metrics.contentType(), out.toByteArray(), 0);
    }

    private static HttpReply jsonReply(int status, ObjectNode body) {
        try {
            return HttpReply.json(status, JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    HttpReply error(InferenceException e) {
        HttpReply reply = error(e.status(), e.getMessage());
        return e instanceof InferenceException.Overloaded o
                ? new HttpReply(reply.status(), reply.contentType(), reply.body(), o.retryAfterSeconds())
                : reply;
    }

    HttpReply error(int status, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        encoder.writeError(out, message);
        return HttpReply.json(status, out.toByteArray());
    }

    private static CompletableFuture<HttpReply> done(HttpReply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
