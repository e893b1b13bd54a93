package com.jorge.platform.inference.serving;

import com.jorge.platform.inference.batching.BatchingPolicy;
import com.jorge.platform.inference.registry.ModelRepository;
import com.jorge.platform.inference.registry.RoutingManifest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the served versions equal to what the registry asks: reads each model's {@code live.json}
 * (or takes the newest version when there is none), loads and verifies what is new, then swaps the
 * deployment in one step. A version that fails to load leaves the current deployment serving.
 */
public final class RegistrySync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RegistrySync.class);

    private final ModelRepository repository;
    private final List<String> models;
    private final Function<String, BatchingPolicy> policies;
    private final ModelCatalog catalog;
    private final ModelLoader loader;
    /** A manifest that failed is not retried until it changes, so a bad upload does not loop. */
    private final Map<String, RoutingManifest> failed = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    public RegistrySync(ModelRepository repository, List<String> models, Function<String, BatchingPolicy> policies,
                        ModelCatalog catalog, ModelLoader loader) {
        this(repository, models, List.of(), policies, catalog, loader);
    }

    /** @param optionalModels served once published; their absence neither fails a sync nor holds readiness */
    public RegistrySync(ModelRepository repository, List<String> models, List<String> optionalModels,
                        Function<String, BatchingPolicy> policies, ModelCatalog catalog, ModelLoader loader) {
        this.repository = repository;
        optionalModels.forEach(catalog::registerOptional);
        this.models = java.util.stream.Stream.concat(models.stream(), optionalModels.stream()).toList();
        this.policies = policies;
        this.catalog = catalog;
        this.loader = loader;
        models.forEach(catalog::register);
    }

    /**
     * Brings every model up to date once; true when all of them serve what the registry asks (an optional
     * model that was never published counts as up to date).
     */
    public synchronized boolean syncOnce() {
        boolean allCurrent = true;
        for (String model : models) {
            try {
                allCurrent &= sync(model);
            } catch (RuntimeException e) {
                log.error("model {}: sync failed", model, e);
                allCurrent = false;
            }
        }
        return allCurrent;
    }

    private boolean sync(String model) {
        Optional<RoutingManifest> wanted;
        try {
            Optional<byte[]> marker = repository.routing(model);
            wanted = marker.isPresent()
                    ? Optional.of(RoutingManifest.parse(marker.get()))
                    : RoutingManifest.newestOf(repository.versions(model));
        } catch (java.io.IOException | IllegalArgumentException e) {
            log.warn("model {}: cannot read the routing from {}: {}", model, repository.describe(), e.getMessage());
            return false;
        }
        if (wanted.isEmpty()) {
            if (catalog.isOptional(model)) {
                log.debug("model {}: not published in {} yet", model, repository.describe());
                return true;
            }
            log.warn("model {}: no versions in {}", model, repository.describe());
            return false;
        }
        RoutingManifest manifest = wanted.get();
        ModelEndpoint endpoint = catalog.register(model);
        Optional<Deployment> current = endpoint.deployment();
        if (current.isPresent() && current.get().manifest().equals(manifest)) {
            return true;
        }
        if (manifest.equals(failed.get(model))) {
            return false;
        }
        Map<String, LoadedVersion> have = new HashMap<>();
        current.ifPresent(d -> d.versions().forEach(v -> have.put(v.version(), v)));
        Map<String, LoadedVersion> fresh = new HashMap<>();
        try {
            for (String version : manifest.versions()) {
                if (!have.containsKey(version)) {
                    fresh.put(version, loader.load(repository, model, version, policies.apply(model)));
                }
            }
        } catch (ModelLoader.LoadFailure e) {
            log.error("model {}: keeping {} because {}", model,
                    current.map(d -> "version " + d.live().version()).orElse("nothing loaded"), e.getMessage());
            fresh.values().forEach(LoadedVersion::retire);
            failed.put(model, manifest);
            return false;
        }
        failed.remove(model);
        have.putAll(fresh);
        endpoint.deploy(new Deployment(manifest, have.get(manifest.live()),
                manifest.canary() == null ? null : have.get(manifest.canary()),
                manifest.shadow() == null ? null : have.get(manifest.shadow())));
        return true;
    }

    /** Polls the registry every {@code period} on a daemon thread. */
    public void start(Duration period) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("registry-sync").unstarted(r));
        timer.scheduleWithFixedDelay(this::syncOnce, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
