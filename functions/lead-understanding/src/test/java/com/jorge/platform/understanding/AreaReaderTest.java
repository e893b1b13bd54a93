package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import com.jorge.platform.config.PlatformConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Places from the market's names, the national gazetteer and cue words; texts written for this test. */
class AreaReaderTest {

    private static final AreaReader AUSTIN = AreaReader.load(MarketSettings.AUSTIN);

    private static List<String> areas(AreaReader reader, String text) {
        return reader.read(text).stream().map(Slot::value).toList();
    }

    @Test
    void marketNamesAreReadAnywhereAndEveryZipOfAList() {
        assertThat(areas(AUSTIN, "love cedar park and leander")).containsExactly("cedar park", "leander");
        assertThat(areas(AUSTIN, "78704, 78745 or 78748 please")).containsExactly("78704", "78745", "78748");
    }

    @Test
    void nationalNamesNeedACueOrAListShared() {
        assertThat(areas(AUSTIN, "looking around Lakewood with a big yard")).containsExactly("Lakewood");
        assertThat(areas(AUSTIN, "cerca de Glendale, con alberca")).containsExactly("Glendale");
        assertThat(areas(AUSTIN, "Roswell or Alpharetta, 4 beds")).containsExactly("Roswell", "Alpharetta");
        // a capitalised one-word national name with no cue is more often something else
        assertThat(areas(AUSTIN, "Chase said we qualify")).isEmpty();
    }

    @Test
    void unlistedNamesAfterACueAndSchoolDistrictsBeforeTheirWord() {
        assertThat(areas(AUSTIN, "anything in Sunnyslope Heights or Quail Run?")).containsExactly("Sunnyslope Heights", "Quail Run");
        assertThat(areas(AUSTIN, "must be Wolfbrook schools")).containsExactly("Wolfbrook");
    }

    @Test
    void placesMovedToOrFromOrNoLongerWantedAreNotAreas() {
        assertThat(areas(AUSTIN, "we are transferred to Salt Lake City next month")).isEmpty();
        assertThat(areas(AUSTIN, "we stopped looking in Tempe, now Chandler or Gilbert")).containsExactly("Chandler", "Gilbert");
        assertThat(areas(AUSTIN, "no, round rock is fine")).containsExactly("round rock");
    }

    @Test
    void listsWrittenTheWayLeadsTextThem() {
        // issue 13, third round: zips split by slashes, a town with its zip, lower-case pairs, "looking at"
        assertThat(areas(AUSTIN, "zips 83702/83704/83706")).containsExactly("83702", "83704", "83706");
        assertThat(areas(AUSTIN, "Meridian 83642 or 83646")).containsExactly("Meridian", "83642", "83646");
        assertThat(areas(AUSTIN, "nampa or caldwell, 3 bed")).containsExactly("nampa", "caldwell");
        assertThat(areas(AUSTIN, "looking at Nampa mostly")).containsExactly("Nampa");
        // a comma alone does not join lower-case words that happen to be town names
        assertThat(areas(AUSTIN, "estamos cortos de dinero, hay que esperar")).isEmpty();
    }

    @Test
    void whereTheLeadLivesOrStoppedLookingIsNotAnArea() {
        assertThat(areas(AUSTIN, "we live in Ohio now, buying in Meridian")).containsExactly("Meridian");
        assertThat(areas(AUSTIN, "para de buscar en Nampa, mejor en Eagle")).containsExactly("Eagle");
    }

    @Test
    void aNameHasOneKeyHoweverItIsWritten() {
        // the quick key of plain names must agree with the tokenizer the text is read with
        for (String name : List.of("Sloan's Lake", "Winston-Salem", "St. Petersburg", "Land O' Lakes", "Coeur d'Alene", "Cañon City")) {
            String viaTokens = String.join(" ", AreaTokens.of(FoldedText.of(name)).tokens().stream().map(AreaTokens.Token::key).toList());
            assertThat(PlaceNames.key(name)).as(name).isEqualTo(viaTokens);
        }
        assertThat(areas(AUSTIN, "near Sloans Lake or winston-salem")).containsExactly("Sloans Lake", "winston-salem");
    }

    @Test
    void fiveDigitAmountsAreNotZipCodes() {
        assertThat(areas(AUSTIN, "we have $30301 saved and 30302 dollars more")).isEmpty();
    }

    @Test
    void theMarketsOwnNeighbourhoodsComeFromConfiguration() {
        MarketSettings market = MarketSettings.fromConfig(PlatformConfig.of(Map.of(
                "JORGE_MARKET_NEIGHBOURHOODS", "Zeeburg Flats; Quayside",
                "JORGE_MARKET_SCHOOL_DISTRICTS", "Mulberry Valley")));
        AreaReader reader = AreaReader.load(market);
        assertThat(areas(reader, "zeeburg flats or quayside, mulberry valley schools"))
                .containsExactly("zeeburg flats", "quayside", "mulberry valley");
        assertThat(areas(AUSTIN, "zeeburg flats")).isEmpty();
    }
}
