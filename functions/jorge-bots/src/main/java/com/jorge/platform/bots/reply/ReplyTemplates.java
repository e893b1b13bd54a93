package com.jorge.platform.bots.reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The template library: for each step key, language and tone, a few variations; and named variant sets
 * ({@code variants}: set name, then steps laid out the same way) that an experiment's variant words some
 * steps with instead, the other steps staying the base ones.
 */
public final class ReplyTemplates {

    public static final String RESOURCE = "/jorge-bots/reply-templates.json";
    public static final List<String> LANGUAGES = List.of("en", "es");

    private final Map<String, List<String>> variants; // "key|lang|tone" -> variations
    private final Map<String, Map<String, List<String>>> sets; // set name -> "key|lang|tone" -> variations

    private ReplyTemplates(Map<String, List<String>> variants, Map<String, Map<String, List<String>>> sets) {
        this.variants = Map.copyOf(variants);
        this.sets = Map.copyOf(sets);
    }

    public static ReplyTemplates load() {
        try (InputStream in = ReplyTemplates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReplyTemplates parse(JsonNode root) {
        JsonNode templates = root.path("templates");
        if (!templates.isObject()) {
            throw new IllegalArgumentException("templates: expected an object of step keys");
        }
        Map<String, List<String>> variants = steps(templates, "templates");
        Map<String, Map<String, List<String>>> sets = new HashMap<>();
        JsonNode variantSets = root.path("variants");
        if (!variantSets.isMissingNode() && !variantSets.isObject()) {
            throw new IllegalArgumentException("variants: expected an object of variant sets");
        }
        for (Iterator<Map.Entry<String, JsonNode>> set = variantSets.fields(); set.hasNext(); ) {
            Map.Entry<String, JsonNode> named = set.next();
            Map<String, List<String>> steps = steps(named.getValue(), "variants." + named.getKey());
            for (String id : steps.keySet()) {
                if (!variants.containsKey(id)) {
                    throw new IllegalArgumentException("variants." + named.getKey() + ": step '" + id.substring(0, id.indexOf('|'))
                            + "' is not a step of the base templates");
                }
            }
            sets.put(named.getKey(), Map.copyOf(steps));
        }
        return new ReplyTemplates(variants, sets);
    }

    private static Map<String, List<String>> steps(JsonNode templates, String path) {
        Map<String, List<String>> variants = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> steps = templates.fields(); steps.hasNext(); ) {
            Map.Entry<String, JsonNode> step = steps.next();
            for (String language : LANGUAGES) {
                for (Tone tone : Tone.values()) {
                    String where = path + "." + step.getKey() + "." + language + "." + tone.id();
                    JsonNode list = step.getValue().path(language).path(tone.id());
                    if (!list.isArray() || list.isEmpty()) {
                        throw new IllegalArgumentException(where + ": expected a non-empty list of variations");
                    }
                    List<String> texts = new ArrayList<>();
                    for (JsonNode text : list) {
                        if (!text.isTextual() || text.asText().isBlank()) {
                            throw new IllegalArgumentException(where + ": every variation must be non-blank text");
                        }
                        texts.add(text.asText());
                    }
                    variants.put(id(step.getKey(), language, tone), List.copyOf(texts));
                }
            }
        }
        return variants;
    }

    private static String id(String key, String language, Tone tone) {
        return key + "|" + language + "|" + tone.id();
    }

    public List<String> variations(String key, String language, Tone tone) {
        return variations(key, language, tone, null);
    }

    /** The set's wording of the step when the set words it, else the base one; a null set is the base templates. */
    public List<String> variations(String key, String language, Tone tone, String set) {
        String id = id(key, LANGUAGES.contains(language) ? language : "en", tone);
        if (set != null) {
            Map<String, List<String>> steps = sets.get(set);
            if (steps == null) {
                throw new IllegalArgumentException("no template variant set '" + set + "'");
            }
            List<String> own = steps.get(id);
            if (own != null) {
                return own;
            }
        }
        List<String> found = variants.get(id);
        if (found == null) {
            throw new IllegalArgumentException("no template for step '" + key + "'");
        }
        return found;
    }

    /** The variant sets' names. */
    public Set<String> sets() {
        return new TreeSet<>(sets.keySet());
    }

    public Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        variants.keySet().forEach(id -> keys.add(id.substring(0, id.indexOf('|'))));
        return keys;
    }
}
