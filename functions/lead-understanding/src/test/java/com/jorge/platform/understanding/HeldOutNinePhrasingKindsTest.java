package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The families of issue 13's twelfth round, on heldout-9 (its misses read once heldout-10 was written elsewhere), chosen for
 * recurring in another hand's part as well: requests to stop in Spanish and in anger, a stop of calls that refuses only their
 * hour, a decision maker's no, a decision to stay, a stop beside a sale already made, pre-approval under way or granted in
 * hyphenated Spanish, a renter done paying rent, a sale first, a move elsewhere, and the state of the home. Every text is written
 * for this test in other words than the corpus's, so a rule that only learned one corpus message fails it.
 */
class HeldOutNinePhrasingKindsTest {

    private final MessageUnderstander understander = SharedUnderstander.RULES;

    private MessageUnderstanding read(String text) {
        return understander.understand(text);
    }

    // ---- opt-outs ------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        // two letters swapped, as the whole message
        "sotp", "STPO please",
        // leave me be, in Spanish
        "ya déjame tranquila por favor", "déjennos tranquilos, gracias", "ya dejenme en paz",
        // a Spanish stop and "no más" as the whole message
        "Basta. Ya no más!", "paren, no mas",
        // what the lead calls them in anger
        "enough with this harassment", "quit the bullshit",
        // "cut it out" after a word of its own
        "you keep writing after I said no. dude cut it out", "ok seriously, knock it off!",
        // a curse that sends us off, alone
        "eff off", "piss off already"})
    void everyRequestToStopIsAnOptOut(String text) {
        MessageUnderstanding u = read(text);
        assertThat(u.optOut()).as(text).isTrue();
        assertThat(u.intents()).as(text).contains(Intent.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the search narrowed, not the messages
        "stop sending me things in Fairfield, just Vacaville from now on",
        // the hour of the calls refused, not the messages
        "could you quit calling at 8am? texting is better", "stop calling so early, text me instead",
        "pls stop calling at 6am, texting works", "get lost!!",
        // near-misses of the new branches
        "cut the bs, what's your real price?", "we got lost driving to the open house", "the dog ran off, buzzing around",
        "déjame pensarlo", "alto bonito looks nice, no more than 400 though"})
    void nearMissesAreNotOptOuts(String text) {
        assertThat(read(text).optOut()).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"stop calling me at all", "quit calling me. at 9 pm last night too"})
    void aStopOfCallsWithoutAnHourStillOptsOut(String text) {
        assertThat(read(text).optOut()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ya no me escriban, no estamos vendiendo", "stop texting, la vendí el año pasado"})
    void aStopBesideNoSaleIsAlsoARefusal(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.OPT_OUT, Intent.NOT_INTERESTED);
    }

    // ---- a decision maker's no, a decision to stay ---------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"mi esposa no quiere vender la casa", "my husband says no, sorry", "mi señora dice que no",
        "my wife doesn't want to sell"})
    void aDecisionMakersNoIsARefusal(String text) {
        MessageUnderstanding u = read(text);
        assertThat(u.intents()).as(text).contains(Intent.NOT_INTERESTED).doesNotContain(Intent.NOT_NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"my wife doesn't want to sell until the kids finish school", "mi esposo no quiere vender todavía"})
    void aDecisionMakersNoForNowIsNoRefusal(String text) {
        assertThat(read(text).intents()).as(text).doesNotContain(Intent.NOT_INTERESTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"al final decidimos quedarnos aquí", "we decided to stay where we are", "ya no lo voy a vender"})
    void aDecisionToStayIsARefusal(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.NOT_INTERESTED);
    }

    // ---- slots ---------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // pre-approval under way in other words, granted in hyphenated Spanish
            "estoy aplicando con mi credit union|PRE_APPROVAL|in_progress",
            "seguimos mandando papeles al banco|PRE_APPROVAL|in_progress",
            "the lender wants more documents from us|PRE_APPROVAL|in_progress",
            "fuimos al banco y todavía no nos contestan|PRE_APPROVAL|in_progress",
            "pre-approval should come through in a couple more days|PRE_APPROVAL|in_progress",
            "tenemos pre-aprobación por 300 mil|PRE_APPROVAL|yes",
            "ya nos dieron la carta de pre-aprobación|PRE_APPROVAL|yes",
            // a renter tired of paying rent
            "ya basta de pagar renta, queremos comprar|HOME_TO_SELL_FIRST|no",
            // a sale first, the home's place between; a home in escrow
            "we have to sell the condo in Tampa first|HOME_TO_SELL_FIRST|yes",
            "our current home is under contract, closing next month|HOME_TO_SELL_FIRST|yes",
            // a move elsewhere
            "nos vamos a Monterrey el otro año, queremos vender|MOTIVATION|relocating",
            "my wife got a job in Denver so the house has to go|MOTIVATION|relocating",
            "his position got transferred to Atlanta, we need to sell|MOTIVATION|relocating",
            "we're getting orders this spring, thinking of selling|MOTIVATION|relocating",
            // the state of the home
            "a pipe burst in the kitchen last year and the floor buckled|CONDITION|poor",
            "the basement has water problems|CONDITION|poor",
            "los inquilinos la dejaron toda destruida|CONDITION|poor",
            "necesita pisos nuevos y pintar|CONDITION|fair",
            "le pusimos ventanas nuevas el año pasado|CONDITION|good",
            "we replaced the furnace in the fall|CONDITION|good"})
    void slotsInOtherWords(String text, String slot, String value) {
        assertThat(read(text).values(SlotName.valueOf(slot))).as(text).contains(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nos vamos a casa temprano|MOTIVATION|relocating",
            "nos vamos a quedar aquí|MOTIVATION|relocating",
            "my son got a job in sales|MOTIVATION|relocating",
            "the pre-approval came through yesterday|PRE_APPROVAL|in_progress",
            "necesita techo nuevo|CONDITION|fair"})
    void nearMissesReadNoSuchSlot(String text, String slot, String value) {
        assertThat(read(text).values(SlotName.valueOf(slot))).as(text).doesNotContain(value);
    }
}
