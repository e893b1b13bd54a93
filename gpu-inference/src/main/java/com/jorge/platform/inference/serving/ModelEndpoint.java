package com.jorge.platform.inference.serving;

import com.jorge.platform.inference.batching.DynamicBatcher;
import com.jorge.platform.inference.metrics.InferenceMetrics;
import com.jorge.platform.inference.metrics.TrafficRole;
import com.jorge.platform.inference.metrics.VersionTraffic;
import com.jorge.platform.inference.model.TensorSpec;
import com.jorge.platform.inference.protocol.InferRequest;
import com.jorge.platform.inference.protocol.InferenceException.BadRequest;
import com.jorge.platform.inference.protocol.InferenceException.NotFound;
import com.jorge.platform.inference.protocol.InferenceException.Overloaded;
import com.jorge.platform.inference.protocol.InferenceException.Unavailable;
import com.jorge.platform.inference.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model name: routes each request to a version of the current {@link Deployment}, mirrors it to
 * the shadow version, and swaps deployments without dropping a request (a request that raced a swap
 * into a retired version is routed again; queued ones finish on the old version).
 */
public final class ModelEndpoint {

    private static final Logger log = LoggerFactory.getLogger(ModelEndpoint.class);
    private static final Logger shadowLog = LoggerFactory.getLogger("com.jorge.platform.inference.shadow");
    private static final int SHADOW_LOGGED_VALUES = 8;

    /** A request accepted by a version; {@code outputs} completes with the requested outputs. */
    public record Routed(LoadedVersion version, TrafficRole role, CompletableFuture<List<Tensor>> outputs) {
    }

    private final String name;
    private final InferenceMetrics metrics;
    private final VersionTraffic traffic;
    private final Executor retirer;
    private final AtomicReference<Deployment> current = new AtomicReference<>();

    public ModelEndpoint(String name, InferenceMetrics metrics, VersionTraffic traffic, Executor retirer) {
        this.name = name;
        this.metrics = metrics;
        this.traffic = traffic;
        this.retirer = retirer;
    }

    public String name() {
        return name;
    }

    public Optional<Deployment> deployment() {
        return Optional.ofNullable(current.get());
    }

    /** Makes {@code next} serve; versions it no longer uses drain and close in the background. */
    public void deploy(Deployment next) {
        Deployment previous = current.getAndSet(next);
        log.info("model {}: serving live={} canary={} ({}%) shadow={}", name, next.live().version(),
                next.canary() == null ? "-" : next.canary().version(), next.manifest().canaryPercent(),
                next.shadow() == null ? "-" : next.shadow().version());
        if (previous != null) {
            Set<LoadedVersion> kept = Set.copyOf(next.versions());
            for (LoadedVersion v : previous.versions()) {
                if (!kept.contains(v)) {
                    retirer.execute(() -> {
                        v.retire();
                        log.info("model {}: version {} retired", name, v.version());
                    });
                }
            }
        }
    }

    /**
     * Validates and queues a request.
     *
     * @param version the version the caller named, or null for live/canary routing
     */
    public Routed infer(String version, InferRequest request) {
        for (int attempt = 0; attempt < 4; attempt++) {
            Deployment d = current.get();
            if (d == null) {
                throw new Unavailable("model " + name + " has no version loaded yet");
            }
            LoadedVersion target = version == null ? d.pick() : d.byVersion(version).orElseThrow(() -> new NotFound(
                    "model " + name + " has no version " + version + " loaded (loaded: "
                            + d.versions().stream().map(LoadedVersion::version).toList() + ")"));
            TrafficRole role = version != null ? TrafficRole.NAMED
                    : target == d.canary() && target != d.live() ? TrafficRole.CANARY : TrafficRole.LIVE;
            CompletableFuture<List<Tensor>> all;
            List<String> wanted;
            try {
                List<Tensor> inputs = target.model().validate(request.inputs(), target.batcher().policy().maxBatchSize());
                wanted = requestedOutputs(target, request.requestedOutputs());
                int rows = inputs.getFirst().rank() == 0 ? 1 : inputs.getFirst().rows();
                all = target.batcher().submit(inputs, rows);
            } catch (DynamicBatcher.Retired retired) {
                if (version != null && current.get().byVersion(version).isEmpty()) {
                    throw new NotFound("model " + name + " version " + version + " was just retired");
                }
                continue; // a swap happened between reading the deployment and queueing: route again
            } catch (BadRequest e) {
                traffic.invalid(name, target.version(), role);
                throw e;
            } catch (Overloaded e) {
                traffic.failed(name, target.version(), role);
                throw e;
            }
            if (d.shadow() != null && version == null) {
                mirror(d.shadow(), target, request, all);
            }
            return new Routed(target, role, wanted.isEmpty() ? all : all.thenApply(outs -> select(outs, wanted)));
        }
        throw new Unavailable("model " + name + " is being swapped; retry");
    }

    private static List<String> requestedOutputs(LoadedVersion target, List<String> requested) {
        if (requested.isEmpty()) {
            return List.of();
        }
        Set<String> known = target.model().outputs().stream().map(TensorSpec::name).collect(Collectors.toSet());
        for (String r : requested) {
            if (!known.contains(r)) {
                throw new BadRequest("unknown output '" + r + "'; model " + target.model().name() + " has " + known);
            }
        }
        return requested;
    }

    private static List<Tensor> select(List<Tensor> outputs, List<String> wanted) {
        return wanted.stream().map(w -> outputs.stream().filter(t -> t.name().equals(w)).findFirst().orElseThrow()).toList();
    }

    /** The shadow sees the same inputs; its answer is logged next to the primary one, never returned. */
    private void mirror(LoadedVersion shadow, LoadedVersion primary, InferRequest request, CompletableFuture<List<Tensor>> primaryResult) {
        CompletableFuture<List<Tensor>> shadowResult;
        long start = System.nanoTime();
        try {
            List<Tensor> inputs = shadow.model().validate(request.inputs(), shadow.batcher().policy().maxBatchSize());
            shadowResult = shadow.batcher().submit(inputs, inputs.getFirst().rank() == 0 ? 1 : inputs.getFirst().rows());
        } catch (RuntimeException e) {
            // the shadow's troubles (different inputs, full queue, retired) never touch the caller
            metrics.shadow(name, shadow.version(), e instanceof Overloaded ? "overloaded" : "skipped");
            switch (e) {
                case Overloaded o -> traffic.failed(name, shadow.version(), TrafficRole.SHADOW);
                case BadRequest b -> traffic.invalid(name, shadow.version(), TrafficRole.SHADOW);
                default -> {
                }
            }
            return;
        }
        shadowResult.whenComplete((outputs, failure) -> {
            if (failure == null) {
                traffic.succeeded(name, shadow.version(), TrafficRole.SHADOW, System.nanoTime() - start);
            } else {
                traffic.failed(name, shadow.version(), TrafficRole.SHADOW);
            }
        });
        primaryResult.thenAcceptBoth(shadowResult, (p, s) -> {
            metrics.shadow(name, shadow.version(), "compared");
            shadowLog.info("shadow model={} id={} primary={} shadow={} {}", name, request.id(), primary.version(),
                    shadow.version(), describe(p, s));
        }).exceptionally(e -> {
            metrics.shadow(name, shadow.version(), "failed");
            return null;
        });
    }

    private static String describe(List<Tensor> primary, List<Tensor> shadow) {
        StringBuilder sb = new StringBuilder();
        for (Tensor p : primary) {
            Tensor s = shadow.stream().filter(t -> t.name().equals(p.name())).findFirst().orElse(null);
            sb.append(p.name()).append(": primary=").append(head(p));
            if (s == null) {
                sb.append(" shadow=absent; ");
                continue;
            }
            sb.append(" shadow=").append(head(s));
            if (p.data() instanceof float[] a && s.data() instanceof float[] b && a.length == b.length) {
                double max = 0;
                for (int i = 0; i < a.length; i++) {
                    max = Math.max(max, Math.abs(a[i] - b[i]));
                }
                sb.append(" max_abs_diff=").append(max);
            }
            sb.append("; ");
        }
        return sb.toString();
    }

    private static String head(Tensor t) {
        return switch (t.data()) {
            case float[] a -> Arrays.toString(Arrays.copyOf(a, Math.min(a.length, SHADOW_LOGGED_VALUES)));
            case double[] a -> Arrays.toString(Arrays.copyOf(a, Math.min(a.length, SHADOW_LOGGED_VALUES)));
            case long[] a -> Arrays.toString(Arrays.copyOf(a, Math.min(a.length, SHADOW_LOGGED_VALUES)));
            case int[] a -> Arrays.toString(Arrays.copyOf(a, Math.min(a.length, SHADOW_LOGGED_VALUES)));
            default -> t.datatype() + Arrays.toString(t.shape());
        };
    }
}
