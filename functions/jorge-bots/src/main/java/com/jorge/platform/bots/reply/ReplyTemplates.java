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

/** The template library: for each step key, language and tone, a few variations. */
public final class ReplyTemplates {

    public static final String RESOURCE = "/jorge-bots/reply-templates.json";
    public static final List<String> LANGUAGES = List.of("en", "es");

    private final Map<String, List<String>> variants; // "key|lang|tone" -> variations

    private ReplyTemplates(Map<String, List<String>> variants) {
        this.variants = Map.copyOf(variants);
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
        Map<String, List<String>> variants = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> steps = templates.fields(); steps.hasNext(); ) {
            Map.Entry<String, JsonNode> step = steps.next();
            for (String language : LANGUAGES) {
                for (Tone tone : Tone.values()) {
                    String where = "templates." + step.getKey() + "." + language + "." + tone.id();
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
        return new ReplyTemplates(variants);
    }

    private static String id(String key, String language, Tone tone) {
        return key + "|" + language + "|" + tone.id();
    }

    public List<String> variations(String key, String language, Tone tone) {
        List<String> found = variants.get(id(key, LANGUAGES.contains(language) ? language : "en", tone));
        if (found == null) {
            throw new IllegalArgumentException("no template for step '" + key + "'");
        }
        return found;
    }

    public Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        variants.keySet().forEach(id -> keys.add(id.substring(0, id.indexOf('|'))));
        return keys;
    }
}
