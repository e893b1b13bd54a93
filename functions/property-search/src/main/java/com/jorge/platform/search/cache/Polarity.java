package com.jorge.platform.search.cache;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Opposite preferences the embedding cannot tell apart ("close to the freeway" and "far from the
 * freeway" are 0.80 similar, "newer kitchen" and "older kitchen" 0.90): each free text is marked with
 * the side it takes on a few axes, and two texts that take different sides of an axis are never the
 * same question, however similar.
 */
final class Polarity {

    private static final Map<String, String> SIDE = Map.ofEntries(
            Map.entry("near", "NEAR"), Map.entry("close", "NEAR"), Map.entry("closer", "NEAR"), Map.entry("nearby", "NEAR"),
            Map.entry("walking", "NEAR"), Map.entry("walkable", "NEAR"), Map.entry("walk", "NEAR"), Map.entry("cerca", "NEAR"),
            Map.entry("far", "FAR"), Map.entry("away", "FAR"), Map.entry("lejos", "FAR"), Map.entry("distant", "FAR"),
            Map.entry("big", "BIG"), Map.entry("large", "BIG"), Map.entry("huge", "BIG"), Map.entry("spacious", "BIG"), Map.entry("grande", "BIG"),
            Map.entry("amplia", "BIG"), Map.entry("amplio", "BIG"),
            Map.entry("small", "SMALL"), Map.entry("tiny", "SMALL"), Map.entry("compact", "SMALL"), Map.entry("pequena", "SMALL"), Map.entry("pequeno", "SMALL"),
            Map.entry("new", "NEW"), Map.entry("newer", "NEW"), Map.entry("newest", "NEW"), Map.entry("modern", "NEW"), Map.entry("updated", "NEW"),
            Map.entry("nueva", "NEW"), Map.entry("nuevo", "NEW"), Map.entry("moderna", "NEW"), Map.entry("actualizada", "NEW"),
            Map.entry("old", "OLD"), Map.entry("older", "OLD"), Map.entry("dated", "OLD"), Map.entry("vieja", "OLD"), Map.entry("antigua", "OLD"),
            Map.entry("quiet", "QUIET"), Map.entry("calm", "QUIET"), Map.entry("peaceful", "QUIET"), Map.entry("tranquila", "QUIET"),
            Map.entry("busy", "BUSY"), Map.entry("noisy", "BUSY"), Map.entry("loud", "BUSY"), Map.entry("ruidosa", "BUSY"),
            Map.entry("cheap", "CHEAP"), Map.entry("affordable", "CHEAP"), Map.entry("barata", "CHEAP"),
            Map.entry("luxury", "LUXURY"), Map.entry("expensive", "LUXURY"), Map.entry("lujo", "LUXURY"));
    private static final List<Set<String>> AXES = List.of(Set.of("NEAR", "FAR"), Set.of("BIG", "SMALL"), Set.of("NEW", "OLD"),
            Set.of("QUIET", "BUSY"), Set.of("CHEAP", "LUXURY"));

    private Polarity() {}

    /** The sides a free text takes, e.g. "NEAR,QUIET" (empty when none). */
    static String of(String freeText) {
        TreeSet<String> sides = new TreeSet<>();
        for (String w : freeText.split(" ")) {
            String side = SIDE.get(w);
            if (side != null) sides.add(side);
        }
        return String.join(",", sides);
    }

    /** Whether two texts take different sides of some axis (one saying nothing on it is no conflict). */
    static boolean conflict(String a, String b) {
        Set<String> sa = Set.of(a.isEmpty() ? new String[0] : a.split(","));
        Set<String> sb = Set.of(b.isEmpty() ? new String[0] : b.split(","));
        for (Set<String> axis : AXES) {
            Set<String> ia = new TreeSet<>(axis);
            ia.retainAll(sa);
            Set<String> ib = new TreeSet<>(axis);
            ib.retainAll(sb);
            if (!ia.isEmpty() && !ib.isEmpty() && !ia.equals(ib)) return true;
        }
        return false;
    }
}
