package com.jorge.platform.worker.scoring;

import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.experiments.Experiment;
import com.jorge.platform.experiments.Experiments;
import com.jorge.platform.leadscore.LeadScoreClient;
import com.jorge.platform.observability.PlatformMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The model versions {@code model_version} experiments (EXPERIMENTS) score their variants with. Setting
 * {@value #KEY} names a registry version of the live model for each variant other than control
 * ({@code challenger=12;older=9}); control, and a lead in no such experiment, is scored by the live model.
 * A variant without a version fails at start. A version is loaded on first use (not at cold start, for the
 * same SnapStart reason as the live model) and kept; one that cannot be loaded is counted
 * ({@link PlatformMetrics#LEAD_SCORE_VARIANT_FALLBACKS}), its lead scored by the live model, and loading
 * is tried again after {@link #RETRY_AFTER}.
 */
public final class VariantModels {

    public static final String KEY = "LEAD_SCORE_VARIANT_VERSIONS";
    public static final Duration RETRY_AFTER = Duration.ofMinutes(5);
    /** No model experiments: every lead is scored by the live model. */
    public static final VariantModels NONE = new VariantModels(List.of(), Map.of(), v -> {
        throw new IllegalStateException("no variant versions configured");
    }, null, Clock.systemUTC());

    private static final Logger log = LoggerFactory.getLogger(VariantModels.class);

    private record Loaded(LeadScoreClient client, Instant retryAt) {}

    private final List<Experiment> experiments;
    private final Map<String, String> versionOfVariant;
    private final Function<String, LeadScoreClient> loader;
    private final PlatformMetrics metrics;
    private final Clock clock;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    /**
     * @param loader opens a registry version of the live model, throwing when it cannot (missing, broken, another
     *               feature set)
     */
    public VariantModels(List<Experiment> experiments, Map<String, String> versionOfVariant,
                         Function<String, LeadScoreClient> loader, PlatformMetrics metrics, Clock clock) {
        this.experiments = experiments.stream().filter(e -> e.kind().equals("model_version")).toList();
        this.versionOfVariant = Map.copyOf(versionOfVariant);
        this.loader = loader;
        this.metrics = metrics;
        this.clock = clock;
        for (Experiment e : this.experiments) {
            for (Experiment.Variant v : e.variants().subList(1, e.variants().size())) {
                if (!this.versionOfVariant.containsKey(v.name())) {
                    throw new IllegalStateException("configuration " + Experiments.KEY + ": experiment '" + e.name()
                            + "' variant '" + v.name() + "' names no model version (" + KEY + ", e.g. " + v.name() + "=12)");
                }
            }
        }
    }

    /** From {@value #KEY} and the configured experiments; a malformed entry or a variant without a version fails here. */
    public static VariantModels fromConfig(PlatformConfig config, Experiments experiments,
                                           Function<String, LeadScoreClient> loader, PlatformMetrics metrics, Clock clock) {
        Map<String, String> versions = new HashMap<>();
        for (String entry : config.get(KEY, "").split(";")) {
            if (entry.isBlank()) continue;
            String[] kv = entry.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new IllegalStateException("configuration " + KEY + ": expected variant=version entries separated"
                        + " by semicolons, got '" + entry.strip() + "'");
            }
            versions.put(kv[0].strip(), kv[1].strip());
        }
        return new VariantModels(experiments.all(), versions, loader, metrics, clock);
    }

    /** The registry version a lead in these variants is scored with; empty for control or no model experiment. */
    public Optional<String> versionFor(Map<String, String> variants) {
        for (Experiment e : experiments) {
            String variant = variants.get(e.name());
            if (variant != null && !variant.equals(e.variants().getFirst().name())) {
                return Optional.ofNullable(versionOfVariant.get(variant));
            }
        }
        return Optional.empty();
    }

    /** The version's model, loaded on first use; empty (and counted) while it cannot be loaded. */
    public Optional<LeadScoreClient> model(String version) {
        Instant now = clock.instant();
        Loaded known = loaded.compute(version, (v, was) -> {
            if (was != null && (was.client() != null || now.isBefore(was.retryAt()))) return was;
            try {
                return new Loaded(loader.apply(v), null);
            } catch (RuntimeException e) {
                log.warn("lead score variant version {} cannot be loaded, its leads are scored by the live model: {}",
                        v, e.toString());
                return new Loaded(null, now.plus(RETRY_AFTER));
            }
        });
        if (known.client() == null) {
            metrics.count(PlatformMetrics.LEAD_SCORE_VARIANT_FALLBACKS, version);
            return Optional.empty();
        }
        return Optional.of(known.client());
    }
}
