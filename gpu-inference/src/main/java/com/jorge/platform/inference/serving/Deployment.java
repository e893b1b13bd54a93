package com.jorge.platform.inference.serving;

import com.jorge.platform.inference.registry.RoutingManifest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The versions of one model serving right now, as a {@link RoutingManifest} asked.
 *
 * @param canary null when none
 * @param shadow null when none
 */
public record Deployment(RoutingManifest manifest, LoadedVersion live, LoadedVersion canary, LoadedVersion shadow) {

    /** The version for a request that names none: the canary for its percentage, else live. */
    public LoadedVersion pick() {
        if (canary != null && ThreadLocalRandom.current().nextInt(100) < manifest.canaryPercent()) {
            return canary;
        }
        return live;
    }

    public Optional<LoadedVersion> byVersion(String version) {
        return versions().stream().filter(v -> v.version().equals(version)).findFirst();
    }

    public List<LoadedVersion> versions() {
        return Stream.of(live, canary, shadow).filter(java.util.Objects::nonNull).distinct().toList();
    }
}
