package com.jorge.platform.search.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The market's places and the zip codes each covers ({@code search/king-county/places.txt}): a
 * place the buyer names becomes a zip filter, so "Ballard" and "98107 or 98117" are one constraint.
 */
public final class PlaceGazetteer {

    public static final String KING_COUNTY = "/search/king-county/places.txt";

    private final Map<String, Set<String>> zipsByPlace;
    private final Map<String, String> displayName;

    private PlaceGazetteer(Map<String, Set<String>> zipsByPlace, Map<String, String> displayName) {
        this.zipsByPlace = zipsByPlace;
        this.displayName = displayName;
    }

    public static PlaceGazetteer load(String resource) {
        try (InputStream in = PlaceGazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("places resource missing: " + resource);
            }
            Map<String, Set<String>> zips = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            for (String line : lines) {
                String[] parts = line.split("\\|");
                if (parts.length != 2) {
                    throw new IllegalStateException("bad places line (want name|zip,zip): " + line);
                }
                String key = parts[0].strip().toLowerCase(Locale.ROOT);
                zips.put(key, new TreeSet<>(List.of(parts[1].strip().split(","))));
                names.put(key, parts[0].strip());
            }
            return new PlaceGazetteer(Map.copyOf(zips), names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The zip codes of a place name as the area reader found it (any case); empty when unknown. */
    public Optional<Set<String>> zipsOf(String place) {
        return Optional.ofNullable(zipsByPlace.get(place.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)));
    }

    /** The first place (cities come before neighbourhoods in the file) that covers the zip. */
    public String cityOf(String zip) {
        return displayName.entrySet().stream().filter(e -> zipsByPlace.get(e.getKey()).contains(zip))
                .map(Map.Entry::getValue).findFirst().orElse("King County");
    }

    public Set<String> placeNames() {
        return Set.copyOf(displayName.values());
    }
}
