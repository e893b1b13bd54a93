package com.jorge.platform.search.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The free text's words in one canonical form, so that phrasings of one preference read alike
 * before any embedding compares them: plurals singular ("schools", "parks"), one word for nearness
 * ("close to", "nearby", "walking distance to", "walk to" are "near"), for amount ("plenty of"
 * is "lots of"), numbers in words as digits ("two car" is "2 car") and for a few common synonyms ("highly rated" is "good", "calm" is "quiet"),
 * function words and a word repeated in a row dropped. Only words that mean the same to a buyer are merged: a word that tells two
 * wishes apart ("elementary" and "high" schools, "gas" and "electric") is never touched, and
 * negations and numbers stay as written (the cache's key holds them).
 */
final class PreferenceWords {

    /** Function words that carry no preference (the reader's filler list has already gone). */
    private static final Set<String> FUNCTION = Set.of("been", "be", "as", "use", "used", "which", "where", "so", "very", "really",
            "just", "also", "will", "its", "this", "these", "those", "them", "they", "their", "your", "into", "by", "if", "should",
            "could", "there", "here", "one", "ones");
    private static final Map<String, String> SAME = Map.ofEntries(
            Map.entry("close", "near"), Map.entry("closer", "near"), Map.entry("nearby", "near"), Map.entry("walkable", "near"), Map.entry("walk", "near"),
            Map.entry("plenty", "lot"), Map.entry("calm", "quiet"), Map.entry("peaceful", "quiet"),
            Map.entry("quick", "short"), Map.entry("great", "good"), Map.entry("space", "room"), Map.entry("kid", "family"),
            Map.entry("kids", "family"), Map.entry("families", "family"), Map.entry("children", "family"),
            // a number in words is the number ("two car garage" is "2 car garage"; the cache's key holds it)
            Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"),
            Map.entry("dos", "2"), Map.entry("tres", "3"), Map.entry("cuatro", "4"), Map.entry("cinco", "5"), Map.entry("seis", "6"));
    /** Phrases first (their words in order): one meaning, one word. */
    private static final List<Map.Entry<List<String>, String>> PHRASES = List.of(
            Map.entry(List.of("walking", "distance"), "near"), Map.entry(List.of("short", "walk"), "near"),
            Map.entry(List.of("highly", "rated"), "good"), Map.entry(List.of("top", "rated"), "good"));

    private PreferenceWords() {}

    static List<String> canonical(List<String> words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); ) {
            int matched = 0;
            for (Map.Entry<List<String>, String> p : PHRASES) {
                List<String> phrase = p.getKey();
                if (i + phrase.size() <= words.size() && words.subList(i, i + phrase.size()).equals(phrase)) {
                    out.add(p.getValue());
                    matched = phrase.size();
                    break;
                }
            }
            if (matched > 0) {
                i += matched;
                continue;
            }
            String w = words.get(i++);
            if (FUNCTION.contains(w)) continue;
            String same = SAME.get(w);
            out.add(same != null ? same : singular(w));
        }
        // "calm quiet street" is "quiet quiet street" by now: a word said twice in a row says it once
        List<String> once = new ArrayList<>();
        for (String w : out) {
            if (once.isEmpty() || !once.getLast().equals(w)) once.add(w);
        }
        return once;
    }

    /** "schools" is "school", "parques" is "parque"; short words, "-ss" and "-us" words, and numbers stay. */
    static String singular(String w) {
        if (w.length() <= 3 || !w.endsWith("s") || w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")
                || w.chars().anyMatch(Character::isDigit)) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) return w.substring(0, w.length() - 3) + "y";
        return w.substring(0, w.length() - 1);
    }
}
