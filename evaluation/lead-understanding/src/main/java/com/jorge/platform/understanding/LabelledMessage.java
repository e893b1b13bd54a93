package com.jorge.platform.understanding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** One line of the labelled corpus: a message and what it should be understood to say. */
public record LabelledMessage(String id, String text, String language, LeadSide side, List<Expected> slots, Set<Intent> intents,
                              boolean optOut) {

    /** An expected slot: name and normalised value (no span; spans are checked by the unit tests). */
    public record Expected(SlotName name, String value) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a JSON Lines corpus from the classpath; a malformed line fails with its number and the reason. */
    public static List<LabelledMessage> load(String resource) {
        try (InputStream in = LabelledMessage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("corpus resource missing: " + resource);
            }
            List<LabelledMessage> out = new ArrayList<>();
            int lineNo = 0;
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(parse(JSON.readTree(line)));
                } catch (IOException | IllegalArgumentException | NullPointerException e) {
                    throw new IllegalArgumentException(resource + ":" + lineNo + ": " + e.getMessage(), e);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LabelledMessage parse(JsonNode n) {
        List<Expected> slots = new ArrayList<>();
        for (JsonNode pair : required(n, "slots")) {
            if (!pair.isArray() || pair.size() != 2) {
                throw new IllegalArgumentException("a slot must be [NAME, value], got " + pair);
            }
            slots.add(new Expected(SlotName.valueOf(pair.get(0).asText()), pair.get(1).asText()));
        }
        Set<Intent> intents = EnumSet.noneOf(Intent.class);
        for (JsonNode i : required(n, "intents")) {
            intents.add(Intent.valueOf(i.asText()));
        }
        if (intents.isEmpty()) {
            throw new IllegalArgumentException("intents must not be empty");
        }
        boolean optOut = required(n, "optOut").asBoolean();
        if (optOut != intents.contains(Intent.OPT_OUT)) {
            throw new IllegalArgumentException("optOut and the OPT_OUT intent disagree");
        }
        LeadSide side = n.has("side") ? LeadSide.valueOf(n.get("side").asText()) : LeadSide.UNKNOWN;
        return new LabelledMessage(required(n, "id").asText(), required(n, "text").asText(), required(n, "lang").asText(), side,
                List.copyOf(slots), Set.copyOf(intents), optOut);
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return v;
    }
}
