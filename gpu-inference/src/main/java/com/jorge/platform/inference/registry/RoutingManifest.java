package com.jorge.platform.inference.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which versions of a model serve: {@code live} answers, {@code canary} answers
 * {@code canaryPercent} % of the requests that do not name a version, {@code shadow} sees a copy of
 * every live answer's inputs and is only logged. The file {@code {name}/live.json}:
 * <pre>{"live": "2", "canary": {"version": "3", "percent": 10}, "shadow": "4"}</pre>
 *
 * @param canary  null when there is none
 * @param shadow  null when there is none
 */
public record RoutingManifest(String live, String canary, int canaryPercent, String shadow) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RoutingManifest {
        RegistryNames.requireSafe("live version", live);
        if (canary != null) {
            RegistryNames.requireSafe("canary version", canary);
            if (canaryPercent < 0 || canaryPercent > 100) {
                throw new IllegalArgumentException("canary percent must be 0..100, was " + canaryPercent);
            }
            if (canary.equals(live)) {
                throw new IllegalArgumentException("canary version " + canary + " is the live version");
            }
        } else if (canaryPercent != 0) {
            throw new IllegalArgumentException("canary percent without a canary version");
        }
        if (shadow != null) {
            RegistryNames.requireSafe("shadow version", shadow);
            if (shadow.equals(live)) {
                throw new IllegalArgumentException("shadow version " + shadow + " is the live version");
            }
        }
    }

    public static RoutingManifest liveOnly(String version) {
        return new RoutingManifest(version, null, 0, null);
    }

    public List<String> versions() {
        return java.util.stream.Stream.of(live, canary, shadow).filter(java.util.Objects::nonNull).distinct().toList();
    }

    public static RoutingManifest parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("live.json is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.path("live").isTextual()) {
            throw new IllegalArgumentException("live.json needs a string field 'live'");
        }
        JsonNode canary = root.path("canary");
        String canaryVersion = null;
        int percent = 0;
        if (canary.isObject()) {
            if (!canary.path("version").isTextual() || !canary.path("percent").isInt()) {
                throw new IllegalArgumentException("live.json 'canary' needs a string 'version' and an integer 'percent'");
            }
            canaryVersion = canary.get("version").asText();
            percent = canary.get("percent").asInt();
        } else if (!canary.isMissingNode() && !canary.isNull()) {
            throw new IllegalArgumentException("live.json 'canary' must be an object");
        }
        JsonNode shadow = root.path("shadow");
        if (!shadow.isMissingNode() && !shadow.isNull() && !shadow.isTextual()) {
            throw new IllegalArgumentException("live.json 'shadow' must be a version string");
        }
        return new RoutingManifest(root.get("live").asText(), canaryVersion, percent,
                shadow.isTextual() ? shadow.asText() : null);
    }

    /** Without a marker the newest version is live: numeric versions compare as numbers. */
    public static Optional<RoutingManifest> newestOf(List<String> versions) {
        return versions.stream().max(VERSION_ORDER).map(RoutingManifest::liveOnly);
    }

    public static final Comparator<String> VERSION_ORDER = (a, b) -> {
        boolean an = a.chars().allMatch(Character::isDigit) && a.length() < 18;
        boolean bn = b.chars().allMatch(Character::isDigit) && b.length() < 18;
        if (an && bn) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return an != bn ? (an ? -1 : 1) : a.compareTo(b);
    };
}
