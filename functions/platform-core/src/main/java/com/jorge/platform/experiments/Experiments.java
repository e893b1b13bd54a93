package com.jorge.platform.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.json.PlatformJson;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The running experiments, from configuration key {@code EXPERIMENTS}: a JSON array of
 * {@code {"name", "kind", "metric", "variants": [{"name", "weight"}], "plannedSamplePerVariant",
 * "alpha" (default 0.05), "startsOn" (yyyy-mm-dd), "botType" (optional)}}. A bad entry fails at start
 * with the key, the experiment and the field.
 */
public record Experiments(List<Experiment> all) {

    public static final String KEY = "EXPERIMENTS";

    public Experiments {
        all = List.copyOf(all);
        if (all.stream().map(Experiment::name).distinct().count() != all.size()) {
            throw new IllegalStateException("configuration " + KEY + ": experiment names must differ");
        }
    }

    public static Experiments none() {
        return new Experiments(List.of());
    }

    public static Experiments fromConfig(PlatformConfig config) {
        Optional<String> raw = config.get(KEY);
        if (raw.isEmpty()) return none();
        JsonNode root;
        try {
            root = PlatformJson.mapper().readTree(raw.get());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("configuration " + KEY + " must be a JSON array of experiments", e);
        }
        if (!root.isArray()) throw new IllegalStateException("configuration " + KEY + " must be a JSON array of experiments");
        List<Experiment> out = new ArrayList<>();
        for (JsonNode e : root) {
            try {
                List<Experiment.Variant> variants = new ArrayList<>();
                for (JsonNode v : e.path("variants")) variants.add(new Experiment.Variant(v.path("name").asText(), v.path("weight").asInt(0)));
                out.add(new Experiment(e.path("name").asText(null), e.path("kind").asText(null), e.path("metric").asText(null),
                        variants, e.path("plannedSamplePerVariant").asInt(0), e.path("alpha").asDouble(0.05),
                        e.hasNonNull("startsOn") ? LocalDate.parse(e.get("startsOn").asText()) : null,
                        e.hasNonNull("botType") ? e.get("botType").asText() : null));
            } catch (IllegalArgumentException | DateTimeParseException ex) {
                throw new IllegalStateException("configuration " + KEY + ": " + ex.getMessage(), ex);
            }
        }
        return new Experiments(out);
    }

    public Optional<Experiment> named(String name) {
        return all.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
