package com.jorge.platform.search.cache;

import com.jorge.platform.search.query.SearchQuery;
import java.util.Set;
import java.util.TreeSet;

/**
 * What two queries must share exactly before their similarity is considered: the normalised
 * constraints, the places named (Fremont and Wallingford share their zip code, not their question), every number left in the free text ("2 car garage" is not "3 car garage", however
 * close the embeddings) and every negated word ("no pool" is not "pool").
 */
public record CacheKey(String exact) {

    private static final Set<String> NEGATIONS = Set.of("no", "not", "without", "sin", "never", "nunca", "avoid", "except", "dont", "nothing");

    /** Whether the queries under this key have free text (then similarity decides); part of the key. */
    public boolean hasFreeText() {
        return exact.endsWith("|text=some");
    }

    /** The side the query's free text takes on the opposite-preference axes ({@link Polarity}). */
    public static String polarity(SearchQuery q) {
        return Polarity.of(q.freeText());
    }

    public static CacheKey of(SearchQuery q) {
        String[] words = q.freeText().isEmpty() ? new String[0] : q.freeText().split(" ");
        TreeSet<String> numbers = new TreeSet<>();
        TreeSet<String> negated = new TreeSet<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].chars().anyMatch(Character::isDigit)) {
                numbers.add(words[i]);
            }
            if (NEGATIONS.contains(words[i])) {
                negated.add(i + 1 < words.length ? words[i + 1] : "");
            }
        }
        return new CacheKey(q.constraints().key() + "|places=" + String.join(",", q.places()) + "|numbers=" + String.join(",", numbers) + "|negated=" + String.join(",", negated)
                + "|text=" + (words.length == 0 ? "none" : "some"));
    }
}
