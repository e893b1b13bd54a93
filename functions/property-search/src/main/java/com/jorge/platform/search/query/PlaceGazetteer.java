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
    /** Other names of a place ("U District", "Vashon Island"): folded alias to folded place name. */
    private final Map<String, String> aliases;

    private PlaceGazetteer(Map<String, Set<String>> zipsByPlace, Map<String, String> displayName, Map<String, String> aliases) {
        this.zipsByPlace = zipsByPlace;
        this.displayName = displayName;
        this.aliases = aliases;
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
            Map<String, String> aliases = new LinkedHashMap<>();
            for (String line : lines) {
                String[] parts = line.split("\\|");
                if (parts.length != 2) {
                    throw new IllegalStateException("bad places line (want name|zip,zip or alias|=name): " + line);
                }
                String key = parts[0].strip().toLowerCase(Locale.ROOT);
                names.put(key, parts[0].strip());
                if (parts[1].strip().startsWith("=")) {
                    aliases.put(key, parts[1].strip().substring(1).strip().toLowerCase(Locale.ROOT));
                    continue;
                }
                zips.put(key, new TreeSet<>(List.of(parts[1].strip().split(","))));
            }
            aliases.forEach((alias, place) -> {
                if (!zips.containsKey(place)) throw new IllegalStateException("alias " + alias + " of an unknown place: " + place);
            });
            return new PlaceGazetteer(Map.copyOf(zips), names, Map.copyOf(aliases));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The zip codes of a place name as the area reader found it (any case); empty when unknown. */
    public Optional<Set<String>> zipsOf(String place) {
        return Optional.ofNullable(zipsByPlace.get(canonicalName(place)));
    }

    /** The place's name in lower case, an alias replaced by the name of its place ("vashon island" is "vashon"). */
    public String canonicalName(String place) {
        String key = place.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return aliases.getOrDefault(key, key);
    }

    /** The first place (cities come before neighbourhoods in the file) that covers the zip. */
    public String cityOf(String zip) {
        return displayName.entrySet().stream().filter(e -> zipsByPlace.containsKey(e.getKey()) && zipsByPlace.get(e.getKey()).contains(zip))
                .map(Map.Entry::getValue).findFirst().orElse("King County");
    }

    /** Every name the gazetteer knows as written, other names included: the area reader's list must be exactly these. */
    public Set<String> placeNames() {
        return Set.copyOf(displayName.values());
    }
}
