package com.jorge.platform.inference.serving;

import com.jorge.platform.inference.metrics.InferenceMetrics;
import com.jorge.platform.inference.metrics.VersionTraffic;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Every model this process serves, by name. Ready when each required model has a live version; an
 * optional one (a model a team publishes later, such as its own conversation lead score) is served
 * once it is published and never holds readiness back.
 */
public final class ModelCatalog implements AutoCloseable {

    private final Map<String, ModelEndpoint> endpoints = new ConcurrentHashMap<>();
    private final Set<String> optional = ConcurrentHashMap.newKeySet();
    private final InferenceMetrics metrics;
    private final VersionTraffic traffic;
    private final ExecutorService retirer = Executors.newVirtualThreadPerTaskExecutor();

    public ModelCatalog(InferenceMetrics metrics) {
        this(metrics, VersionTraffic.NONE);
    }

    public ModelCatalog(InferenceMetrics metrics, VersionTraffic traffic) {
        this.metrics = metrics;
        this.traffic = traffic;
    }

    /** Declares a model this process must serve before it reports ready. */
    public ModelEndpoint register(String name) {
        return endpoints.computeIfAbsent(name, n -> new ModelEndpoint(n, metrics, traffic, retirer));
    }

    /** Declares a model this process serves when the registry has it, without waiting for it to be ready. */
    public ModelEndpoint registerOptional(String name) {
        optional.add(name);
        return register(name);
    }

    public boolean isOptional(String name) {
        return optional.contains(name);
    }

    public Optional<ModelEndpoint> endpoint(String name) {
        return Optional.ofNullable(endpoints.get(name));
    }

    public List<String> names() {
        return endpoints.keySet().stream().sorted().toList();
    }

    public List<String> notReady() {
        return endpoints.values().stream().filter(e -> e.deployment().isEmpty() && !optional.contains(e.name()))
                .map(ModelEndpoint::name).sorted().toList();
    }

    /** Requests waiting in the batching queues of every version serving now. */
    public int queuedRequests() {
        int queued = 0;
        for (ModelEndpoint e : endpoints.values()) {
            queued += e.deployment().map(d -> d.versions().stream().mapToInt(v -> v.batcher().queuedRequests()).sum()).orElse(0);
        }
        return queued;
    }

    public boolean ready() {
        return notReady().isEmpty();
    }

    @Override
    public void close() {
        for (ModelEndpoint e : endpoints.values()) {
            e.deployment().ifPresent(d -> d.versions().forEach(LoadedVersion::retire));
        }
        retirer.close();
    }
}
