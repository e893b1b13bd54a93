package com.jorge.platform.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A set of place names looked up by their key: the name's words folded (lower case, no accents),
 * apostrophes and periods dropped, one space between words ("Sloan's Lake" and "sloans lake" are
 * one key). {@link #longest} finds the longest name starting at a token in time bounded by
 * {@link #MAX_WORDS}, so reading a message stays linear in its length.
 */
final class PlaceNames {

    static final int MAX_WORDS = 5;

    private final Set<String> keys;

    private PlaceNames(Set<String> keys) {
        this.keys = keys;
    }

    static PlaceNames of(Collection<String> names) {
        Set<String> keys = new HashSet<>();
        for (String name : names) {
            String key = key(name);
            if (!key.isEmpty()) {
                keys.add(key);
                abbreviated(key).ifPresent(keys::add);
            }
        }
        return new PlaceNames(Set.copyOf(keys));
    }

    /** How leads shorten a name's first word: "St Matthews", "Mt Juliet", "Ft Myers". */
    private static final Map<String, String> ABBREVIATIONS = Map.of("saint ", "st ", "mount ", "mt ", "fort ", "ft ");

    /** The key as a lead abbreviates it ("saint matthews" is also "st matthews"), if it can be. */
    private static Optional<String> abbreviated(String key) {
        for (Map.Entry<String, String> e : ABBREVIATIONS.entrySet()) {
            if (key.startsWith(e.getKey())) {
                return Optional.of(e.getValue() + key.substring(e.getKey().length()));
            }
        }
        return Optional.empty();
    }

    /** Reads a resource of one name a line; {@code #} starts a comment line. */
    static List<String> lines(String resource) {
        try (InputStream in = PlaceNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("gazetteer resource missing: " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of tokens of the longest name starting at token {@code from}, or 0. */
    int longest(List<AreaTokens.Token> tokens, int from) {
        int best = 0;
        StringBuilder key = new StringBuilder();
        for (int n = 1; n <= MAX_WORDS && from + n <= tokens.size(); n++) {
            AreaTokens.Token t = tokens.get(from + n - 1);
            if (n > 1) {
                if (!tokens.get(from + n - 2).joinsNext()) {
                    break;
                }
                key.append(' ');
            }
            key.append(t.key());
            if (keys.contains(key.toString())) {
                best = n;
            }
        }
        return best;
    }

    static String key(String name) {
        String ascii = asciiKey(name);
        if (ascii != null) {
            return ascii;
        }
        FoldedText f = FoldedText.of(name.strip());
        StringBuilder out = new StringBuilder();
        for (AreaTokens.Token t : AreaTokens.of(f).tokens()) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(t.key());
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * The key of a plain ASCII name without building tokens (22,000 names at cold start): letters and
     * digits lower-cased, apostrophes dropped, anything else one space, as {@link AreaTokens} cuts them.
     * Null for other names.
     */
    private static String asciiKey(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean space = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if (Character.isLetterOrDigit(c)) {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.append(Character.toLowerCase(c));
            } else if (c != '\'' || i + 1 >= name.length() || !Character.isLetter(name.charAt(i + 1))) {
                space = true; // an apostrophe inside a word ("Sloan's") is dropped, any other mark separates
            }
        }
        return out.toString();
    }
}
