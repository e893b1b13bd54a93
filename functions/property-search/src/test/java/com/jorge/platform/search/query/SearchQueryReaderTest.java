package com.jorge.platform.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jorge.platform.search.SearchFixture;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchQueryReaderTest {

    private final SearchQueryReader reader = SearchFixture.reader();

    @Test
    void englishQueryBecomesConstraintsAndTheRestIsFreeText() {
        SearchQuery q = reader.read("3 bed near good schools in Bellevue under 900k");

        assertThat(q.constraints().minBedrooms()).isEqualTo(3);
        assertThat(q.constraints().maxPrice()).isEqualTo(900_000);
        assertThat(q.constraints().zips()).containsExactly("98004", "98005", "98006", "98007", "98008");
        assertThat(q.freeText()).isEqualTo("near good school"); // canonical words (PreferenceWords)
    }

    @Test
    void spanishQueryReadsTheSameConstraints() {
        SearchQuery q = reader.read("busco casa de 3 recámaras en Bellevue hasta 900 mil");

        assertThat(q.constraints().minBedrooms()).isEqualTo(3);
        assertThat(q.constraints().maxPrice()).isEqualTo(900_000);
        assertThat(q.constraints().zips()).contains("98004");
        assertThat(q.freeText()).isEmpty();
        assertThat(q.constraints().key()).isEqualTo(reader.read("3 bed in Bellevue under 900k").constraints().key());
    }

    @Test
    void rangesBathsZipsAndNeighbourhoods() {
        SearchQuery q = reader.read("between 400k and 650k, 3/2 in Ballard or 98103");

        assertThat(q.constraints().minPrice()).isEqualTo(400_000);
        assertThat(q.constraints().maxPrice()).isEqualTo(650_000);
        assertThat(q.constraints().minBedrooms()).isEqualTo(3);
        assertThat(q.constraints().minBathrooms()).isEqualByComparingTo(new BigDecimal("2"));
        assertThat(q.constraints().zips()).containsExactly("98103", "98107", "98117");
    }

    @Test
    void featuresAreRequiredOrExcludedWithNegationInBothLanguages() {
        assertThat(reader.read("waterfront with a view, no basement").constraints().required())
                .isEqualTo(Set.of(Feature.WATERFRONT, Feature.VIEW));
        assertThat(reader.read("waterfront with a view, no basement").constraints().excluded()).isEqualTo(Set.of(Feature.BASEMENT));
        assertThat(reader.read("casa con sótano").constraints().required()).isEqualTo(Set.of(Feature.BASEMENT));
        assertThat(reader.read("casa sin sótano").constraints().excluded()).isEqualTo(Set.of(Feature.BASEMENT));
        assertThat(reader.read("a rambler on a big lot").constraints().required())
                .isEqualTo(Set.of(Feature.SINGLE_STORY, Feature.LARGE_LOT));
    }

    @Test
    void numbersAndNegationsTheReadersDoNotKnowStayInTheFreeText() {
        assertThat(reader.read("3 bed with a 2 car garage").freeText()).isEqualTo("2 car garage");
        assertThat(reader.read("3 bed with a two car garage").freeText()).isEqualTo("2 car garage");
        assertThat(reader.read("no pool please").freeText()).isEqualTo("no pool");
    }

    @Test
    void ceilingsAndRangesTheUnderstandingReadersMissAreReadAsWritten() {
        // "can't go over" was read as a minimum: listings above the budget
        for (String text : List.of("looking to buy in Renton. 3BR, can't go over $600k", "3 bed in Renton, won't spend more than 600k",
                "3 bed in Renton, our budget tops out at 600k", "3 recámaras en Renton, sin pasar de 600 mil")) {
            SearchQuery q = reader.read(text);
            assertThat(q.constraints().maxPrice()).as(text).isEqualTo(600_000);
            assertThat(q.constraints().minPrice()).as(text).isZero();
            assertThat(q.freeText()).as(text).isEmpty();
        }
        SearchQuery range = reader.read("4br in Kent priced from 400k up to 550k");
        assertThat(range.constraints().minPrice()).isEqualTo(400_000);
        assertThat(range.constraints().maxPrice()).isEqualTo(550_000);
        assertThat(reader.read("4 recámaras en Kent entre 400 y 550 mil").constraints().key()).isEqualTo(range.constraints().key());
        assertThat(reader.read("4 bedrooms, two and a half baths, Sammamish").constraints().minBathrooms()).isEqualByComparingTo("2.5");
    }

    @Test
    void anotherNameOfAPlaceIsThatPlace() {
        for (List<String> same : List.of(List.of("U District, 1 bed, max 450k", "1 bedroom in University District under 450k"),
                List.of("Vashon Island 2 bedroom, up to 600k", "2 bed in Vashon under 600k"),
                List.of("2 bedrooms in the CD up to $700,000", "2 bed in Central District under 700k"))) {
            SearchQuery a = reader.read(same.get(0));
            SearchQuery b = reader.read(same.get(1));
            assertThat(a.constraints().key()).as(same.get(0)).isEqualTo(b.constraints().key());
            assertThat(a.places()).as(same.get(0)).isEqualTo(b.places());
            assertThat(a.freeText()).as(same.get(0)).isEmpty();
        }
    }

    @Test
    void landWithAHouseIsALargeLotAndAWaterfrontParkIsNoWaterfront() {
        SearchQuery land = reader.read("need 5 bedrooms and lots of land in Woodinville, max 1.5 million");
        assertThat(land.constraints().required()).containsExactly(Feature.LARGE_LOT);
        assertThat(land.constraints().propertyType()).isEqualTo(SearchConstraints.ANY_TYPE);
        assertThat(reader.read("3 bed in Maple Valley, large fenced yard").constraints().required()).containsExactly(Feature.LARGE_LOT);
        for (String acres : List.of("Enumclaw 4br on a few acres, max 600k", "4 recámaras en Enumclaw con terreno de varios acres, hasta 600 mil")) {
            assertThat(reader.read(acres).constraints().required()).as(acres).containsExactly(Feature.LARGE_LOT);
            assertThat(reader.read(acres).freeText()).as(acres).isEmpty();
        }
        SearchQuery withLand = reader.read("casa de 3 recámaras con terreno en Enumclaw");
        assertThat(withLand.constraints().required()).as("land that comes with the home, as 'with land'").containsExactly(Feature.LARGE_LOT);
        assertThat(withLand.constraints().propertyType()).isEqualTo(SearchConstraints.ANY_TYPE);
        assertThat(withLand.freeText()).isEmpty();
        SearchQuery park = reader.read("3 beds in Des Moines near the waterfront park");
        assertThat(park.constraints().required()).isEmpty();
        assertThat(park.freeText()).contains("waterfront park");
        assertThat(reader.read("3 bed on the waterfront in Des Moines").constraints().required()).containsExactly(Feature.WATERFRONT);
    }

    @Test
    void conditionWordsDoNotTurnTheBudgetIntoASellersPrice() {
        assertThat(reader.read("3 bed in Bellevue under 900k, renovated").constraints().maxPrice()).isEqualTo(900_000);
        assertThat(reader.read("casa en buenas condiciones en Federal Way hasta 400 mil").constraints().maxPrice()).isEqualTo(400_000);
        assertThat(reader.read("fixer upper under 300k").freeText()).isEqualTo("fixer upper");
    }

    @Test
    void noMoreThanIsACeilingAndItsNoIsNotANegation() {
        for (String text : List.of("hi, a house with 4 bedrooms in Duvall, no more than $475,000", "4 bed in Duvall not more than 475k",
                "necesito 4 dormitorios en Duvall, no más de 475 mil")) {
            SearchQuery q = reader.read(text);
            assertThat(q.constraints().maxPrice()).as(text).isEqualTo(475_000);
            assertThat(q.constraints().minPrice()).as(text).isZero();
            assertThat(q.freeText()).as(text).isEmpty();
        }
        assertThat(reader.read("4 bed in Duvall over 475k").constraints().minPrice()).isEqualTo(475_000);
        assertThat(reader.read("4 bed in Duvall, no more than 475k, no pool").freeText()).isEqualTo("no pool");
    }

    @Test
    void greetingsAndBudgetWordsAreNotPreferences() {
        assertThat(reader.read("hi, we'd like 3 bedrooms in Fremont, spending up to $575,000").freeText()).isEmpty();
        SearchQuery q = reader.read("2-bedroom homes for sale in Kenmore, price cap $525k");
        assertThat(q.freeText()).isEmpty();
        assertThat(q.constraints().maxPrice()).isEqualTo(525_000);
    }

    @Test
    void whatTheBuyerSaysAboutThemselvesIsNotAPreference() {
        for (String text : List.of("my wife and I are interested in 3 bedrooms in Kent and can pay up to $450,000",
                "I'm after a 3 bed place in Kent, $450k max", "hi! we're first time buyers, need 3 bedrooms in Kent, budget 450k")) {
            SearchQuery q = reader.read(text);
            assertThat(q.constraints().maxPrice()).as(text).isEqualTo(450_000);
            assertThat(q.freeText()).as(text).isEmpty();
        }
        // what tells two wishes apart stays: distance, negation, order in time
        assertThat(reader.read("3 bed in Kent under 450k, far from the freeway").freeText()).isEqualTo("far freeway"); // "from" was filler already; Polarity reads "far"
        assertThat(reader.read("3 bed in Kent under 450k, not on a busy street").freeText()).isEqualTo("not busy street");
        assertThat(reader.read("3 bed in Kent under 450k built after 1990").freeText()).isEqualTo("built after 1990");
        assertThat(reader.read("3 bed in Kent under 450k, move-in ready").freeText()).isEqualTo("move ready");
    }

    @Test
    void thePlacesNamedAreKeptBesideTheirZipCodes() {
        SearchQuery fremont = reader.read("2 bed in Fremont under 800k");
        SearchQuery wallingford = reader.read("2 bed in Wallingford under 800k");
        assertThat(fremont.constraints().zips()).isEqualTo(wallingford.constraints().zips()); // both 98103
        assertThat(fremont.places()).containsExactly("fremont");
        assertThat(wallingford.places()).containsExactly("wallingford");
        assertThat(reader.read("2 bed in 98103 under 800k").places()).containsExactly("98103");
    }

    @Test
    void propertyTypeIsAConstraint() {
        assertThat(reader.read("casa con terreno grande en Maple Valley").constraints().propertyType()).isEqualTo(SearchConstraints.ANY_TYPE);
        assertThat(reader.read("condo in Seattle").constraints().propertyType()).isEqualTo("condo");
        assertThat(reader.read("house in Seattle").constraints().propertyType()).isEqualTo(SearchConstraints.ANY_TYPE);
    }

    @Test
    void refusesOverlongText() {
        assertThatThrownBy(() -> reader.read("a".repeat(SearchQueryReader.MAX_QUERY_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("most a query may have");
    }
}
