package com.jorge.platform.bots.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The persona library shipped in this jar. */
public final class Personas {

    public static final String RESOURCE = "/jorge-bots/personas.json";

    private Personas() {}

    public static List<Persona> all() {
        try (InputStream in = Personas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<Persona> byId(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    static List<Persona> parse(InputStream in) throws IOException {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        JsonNode root = json.readTree(in);
        List<Persona> personas = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : root.path("personas")) {
            Persona persona = json.treeToValue(node, Persona.class);
            if (!ids.add(persona.id())) {
                throw new IllegalArgumentException("persona id " + persona.id() + " appears twice");
            }
            personas.add(persona);
        }
        return List.copyOf(personas);
    }
}
