package com.jorge.platform.understanding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
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
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a JSON Lines corpus file (any file in the corpus format, LABELLING.md). */
    public static List<LabelledMessage> load(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("corpus file missing: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<LabelledMessage> read(BufferedReader in, String source) {
        List<LabelledMessage> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int lineNo = 0;
        for (String line : in.lines().toList()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                LabelledMessage m = parse(JSON.readTree(line));
                if (!ids.add(m.id())) {
                    throw new IllegalArgumentException("id '" + m.id() + "' appears twice");
                }
                out.add(m);
            } catch (IOException | IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": " + e.getMessage(), e);
            }
        }
        return out;
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
