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

    @Test
    void aNationalNameThatHeadsTheMessageIsTheArea() {
        assertThat(areas(AUSTIN, "Henderson")).containsExactly("Henderson");
        assertThat(areas(AUSTIN, "Bountiful, 4 bed, under 600")).containsExactly("Bountiful");
        assertThat(areas(AUSTIN, "gahanna, need a fenced yard")).containsExactly("gahanna");
        assertThat(areas(AUSTIN, "lakewood townhomes under 400")).containsExactly("lakewood");
        assertThat(areas(AUSTIN, "katy, 77494 or 77450")).containsExactly("katy", "77494", "77450");
        // words that open a message for another reason, even where a town bears their name
        assertThat(areas(AUSTIN, "Cool, thanks!")).isEmpty();
        assertThat(areas(AUSTIN, "Fine, 3 bed works")).isEmpty();
        assertThat(areas(AUSTIN, "simon, claro")).isEmpty();
        assertThat(areas(AUSTIN, "alto")).isEmpty();
        // only at the head: elsewhere a one-word name still needs a cue
        assertThat(areas(AUSTIN, "3 bed, Henderson, under 400")).isEmpty();
    }

    @Test
    void listMarksJoinLowerCaseNamesAndCommasJoinALowerCaseList() {
        assertThat(areas(AUSTIN, "we like draper / sandy / riverton")).containsExactly("draper", "sandy", "riverton");
        assertThat(areas(AUSTIN, "looking at gilbert + chandler")).containsExactly("gilbert", "chandler");
        assertThat(areas(AUSTIN, "anything in mesa, tempe, or chandler")).containsExactly("mesa", "tempe", "chandler");
        assertThat(areas(AUSTIN, "fort mill sc or tega cay")).containsExactly("fort mill", "tega cay");
        // a state code after a town is not a place of its own
        assertThat(areas(AUSTIN, "Katy, TX 77494")).containsExactly("Katy", "77494");
    }

    @Test
    void abbreviatedSaintsAndMountsAndSpanishCueHeads() {
        assertThat(areas(AUSTIN, "St Charles or O'Fallon, 3 bed")).contains("St Charles");
        assertThat(areas(AUSTIN, "anything near Mt Pleasant")).containsExactly("Mt Pleasant");
        assertThat(areas(AUSTIN, "buscamos por el lado de Overland Park")).containsExactly("Overland Park");
        assertThat(areas(AUSTIN, "algo en la zona de Brookside")).containsExactly("Brookside");
        assertThat(areas(AUSTIN, "en las afueras de Tucson")).containsExactly("Tucson");
    }

    @Test
    void aMonthOrADayThatIsAlsoATownIsNotAPlace() {
        assertThat(areas(AUSTIN, "we move to Columbus in May")).isEmpty();
        assertThat(areas(AUSTIN, "looking in Dublin in May")).containsExactly("Dublin");
    }
}
