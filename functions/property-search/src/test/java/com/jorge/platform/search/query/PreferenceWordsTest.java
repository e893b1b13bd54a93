package com.jorge.platform.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Phrasings of one preference read alike; words that tell two wishes apart stay apart. */
class PreferenceWordsTest {

    private final SearchQueryReader reader = com.jorge.platform.search.SearchFixture.reader();

    @Test
    void phrasingsOfOnePreferenceReadAlike() {
        assertThat(free("3 bed in Kent under 500k, close to the light rail")).isEqualTo(free("3 bed in Kent under 500k, near light rail"))
                .isEqualTo("near light rail");
        assertThat(free("3 bed in Kent under 500k, walking distance to shops and restaurants"))
                .isEqualTo(free("3 bed in Kent under 500k, walkable to shops and restaurants")).isEqualTo("near shop restaurant");
        assertThat(free("3 bed in Kent under 500k, on a calm quiet street")).isEqualTo(free("3 bed in Kent under 500k, quiet street"));
        assertThat(free("3 bed in Kent under 500k, plenty of natural light")).isEqualTo(free("3 bed in Kent under 500k, lots of natural light"));
        assertThat(free("3 bed in Kent under 500k, near highly rated schools")).isEqualTo(free("3 bed in Kent under 500k, near good schools"));
    }

    @Test
    void wordsThatTellWishesApartNumbersAndNegationsStay() {
        assertThat(free("3 bed in Kent under 500k, near good elementary schools")).isNotEqualTo(free("3 bed in Kent under 500k, near good high schools"));
        assertThat(free("3 bed in Kent under 500k, gas stove")).isNotEqualTo(free("3 bed in Kent under 500k, electric stove"));
        assertThat(free("3 bed in Kent under 500k, 2 car garage")).isEqualTo("2 car garage");
        assertThat(free("no pool please")).isEqualTo("no pool");
        assertThat(free("3 bed in Kent under 500k, far from the freeway")).isEqualTo("far freeway");
        assertThat(PreferenceWords.canonical(List.of("bus", "glass", "access", "parques", "cities", "3s"))).containsExactly("bus", "glass", "access", "parque", "city", "3s");
    }

    private String free(String text) {
        return reader.read(text).freeText();
    }
}
