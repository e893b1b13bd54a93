package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The families of issue 13's tuning round on heldout-7 (its misses read once heldout-8 was being written elsewhere): requests
 * to stop in the words that part's hand used, a seller's home described without the word "sell", the facts a known seller gives,
 * off-limits questions that name no buyer, reasons to wait, and the refusal said beside a request to stop. Every text is written
 * for this test in other words than the corpus's, so a rule that only learned one corpus message fails it.
 */
class HeldOutSevenPhrasingKindsTest {

    private final MessageUnderstander understander = SharedUnderstander.RULES;

    private MessageUnderstanding read(String text) {
        return understander.understand(text);
    }

    // ---- opt-outs ------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        // a short word written in digits for letters wherever they fall
        "5TOP", "st0P", "B4J4", "UN5UB",
        // a typo of stop, or a curse, before the verb
        "sotp messaging me", "stop freaking calling me", "quit f*cking texting this phone",
        // a place or a line not to text again
        "please don't text here again", "can you not message this line anymore", "do not text my work phone",
        // a wish not to get them, or for them to end
        "I'd prefer not to receive these anymore", "would rather not get any more texts", "I'd like your texts to stop",
        // never to hear from us again, a conversation muted, a list left in other words
        "I never want to hear from your company again", "mute this thread please", "unenroll me", "drop my number from your outreach",
        "pull us off your marketing",
        // the lead says we may stop, as a whole clause
        "you can stop now thanks", "ok u can quit now",
        // Spanish: a threat if another one comes, forgetting a number, "no more" in Spanglish
        "si me siguen mandando cosas los reporto", "olvídese de mi número", "no more textos por favor",
        // stop sending them to someone else
        "stop sending her these, she moved away"})
    void everyRequestToStopIsAnOptOut(String text) {
        MessageUnderstanding u = read(text);
        assertThat(u.optOut()).as(text).isTrue();
        assertThat(u.intents()).as(text).contains(Intent.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // narrowing what is sent, in Spanish
        "deja de mandarme las de Kenner, mejor de Metairie", "ya no me mandes casas de dos pisos", "deje de enviarme los condos, mejor mándeme casas",
        // a stop that is not ours, a curse that stops nothing, a line that is fine
        "you can stop by now, door is open", "the freaking bus stop is right there lol", "texting here is fine, don't call",
        "I'd rather not get a condo", "the 4th works", "3br in 10am slot?"})
    void nearMissesAreNotOptOuts(String text) {
        assertThat(read(text).optOut()).as(text).isFalse();
    }

    /** A request to stop that also says why nothing is coming keeps the refusal, as every earlier part labels it. */
    @ParameterizedTest
    @ValueSource(strings = {
        "we closed on another place last month, please stop texting", "no tengo interés, ya no me escriban",
        "the condo isn't for sale. remove my number", "we're staying put, take me off the list"})
    void aStopWithItsReasonIsAlsoNotInterested(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.OPT_OUT, Intent.NOT_INTERESTED);
    }

    // ---- sellers -------------------------------------------------------------------------------------------------------

    /** A seller who never says "sell": getting rid of the home, the home that has to go, a number for it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "thinking I'll offload the Fremont duplex before summer|SELLING",
            "our condo has to go, we need the cash|SELLING",
            "ready to get rid of the rental in Tacoma, 3 bed|SELLING",
            "cash offers preferred on my place, it needs work|SELLING",
            "honestly just want it gone, name a price for the right number|SELLING",
            "quiero deshacerme de la casa de mi tía, 2 recámaras|SELLING",
            "cash buyers only, the ranch needs work|SELLING",
            "the mortgage got too much after my hours were cut, we need out|SELLING"})
    void aSellerWithoutTheWordSellIsASeller(String text, String expected) {
        assertThat(read(text).intents()).as(text).isEqualTo(SharedUnderstander.intents(expected));
    }

    /** The motivations and conditions of a home described: each makes it a seller's message and reads its slot. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "my employer is sending us to Phoenix in May, 4 bed colonial|MOTIVATION|relocating",
            "the commute to Seattle is brutal, we want out of the Puyallup house|MOTIVATION|relocating",
            "mi esposo y yo queremos regresar a Guatemala, hay que vender|MOTIVATION|relocating",
            "the house payment is way too much now, 3 bed split level|MOTIVATION|financial",
            "las deudas nos están ahogando, la casa tiene 3 recámaras|MOTIVATION|financial",
            "we're splitting up so the townhouse goes|MOTIVATION|divorce",
            "both my grandparents passed and it's their old ranch|MOTIVATION|inherited",
            "the two of us are retiring, 5 bed is a lot|MOTIVATION|retiring",
            "tired of the turnover, it's a fourplex|MOTIVATION|tired_landlord",
            "bungalow, 2 bed, the bathrooms are from the 70s|CONDITION|fair",
            "needs new siding and gutters, otherwise fine|CONDITION|fair",
            "cracks in the foundation on the north side, cape cod|CONDITION|poor",
            "la casa está para remodelar toda, 3 cuartos|CONDITION|poor",
            "gutted and redone last year, craftsman, 3 bed|CONDITION|good",
            "the listing agreement lapsed in October, nobody came|ALREADY_LISTED|expired",
            "own it outright, ranch, 3/2|OWES_MORTGAGE|no",
            "our mortgage runs in 2031 so we'd pay it off at closing|OWES_MORTGAGE|yes"})
    void aHomeDescribedGivesItsSlotAndItsSeller(String text, String slot, String value) {
        MessageUnderstanding u = read(text);
        assertThat(u.values(SlotName.valueOf(slot))).as(text).contains(value);
        assertThat(u.intents()).as(text).contains(Intent.SELLING).doesNotContain(Intent.BUYING);
    }

    /** A home grown too small is the upgrading motivation (alone, a buyer's: every earlier part labels it so). */
    @ParameterizedTest
    @ValueSource(strings = {"la casita ya nos queda chica, tenemos otro niño", "con el bebé ya no cabemos en el depa"})
    void aHomeGrownTooSmallIsUpgrading(String text) {
        assertThat(read(text).values(SlotName.MOTIVATION)).as(text).containsExactly("upgrading");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "the sellers pulled up the old carpet? great",
            "we want to move closer to work, 3 bed in Kent under 500",
            "upgraded kitchen would be nice, 4 bed under 600"})
    void aBuyerDescribingWhatTheyWantIsNoSeller(String text) {
        assertThat(read(text).intents()).as(text).doesNotContain(Intent.SELLING);
    }

    /** A sale needed before something that is not a purchase: no home to sell first. */
    @ParameterizedTest
    @ValueSource(strings = {"we need to sell before it gets worse, 3 bed in Kent", "we need to sell before the bank takes it, the condo"})
    void aSaleBeforeSomethingElseIsNoHomeToSellFirst(String text) {
        assertThat(read(text).values(SlotName.HOME_TO_SELL_FIRST)).as(text).isEmpty();
    }

    /** A seller's number named after it: "net", "firm", "is my number". */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "I'd want 385 net|385000",
            "650 firm|650000",
            "honestly 1.1 is my number|1100000"})
    void aNumberTheLeadWillTakeIsThePriceWanted(String text, String price) {
        assertThat(read(text).values(SlotName.PRICE_EXPECTATION)).as(text).containsExactly(price);
    }

    /** A known seller listing the home's facts (rooms, garage, yard) is selling, not searching. */
    @ParameterizedTest
    @ValueSource(strings = {"3 bed 2 bath with a 2 car garage and a big yard", "son 3 recámaras y tiene alberca", "4 bedrooms, pool and a 3 car garage"})
    void aKnownSellersFactsAreTheHomeTheySell(String text) {
        MessageUnderstanding u = understander.understand(text, LeadSide.SELLER);
        assertThat(u.intents()).as(text).contains(Intent.SELLING).doesNotContain(Intent.BUYING, Intent.OTHER);
    }

    /** A value question beside a sale stated is both; one that only supposes a sale is the value question. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "we plan to sell the Dearborn colonial this fall, what's it worth?|SELLING;ASKS_HOME_VALUE",
            "queremos vender la casa en Oxnard, cuánto nos pueden dar?|SELLING;ASKS_HOME_VALUE",
            "cuánto podría vender mi casa en Oxnard?|ASKS_HOME_VALUE",
            "we're moving for my wife's job so the condo has to go. what would it sell for?|SELLING;ASKS_HOME_VALUE",
            "y en cuánto piensa usted que se venda mi casa de la calle Olmo?|ASKS_HOME_VALUE"})
    void aSaleStatedBesideAValueQuestion(String text, String expected) {
        assertThat(read(text).intents()).as(text).isEqualTo(SharedUnderstander.intents(expected));
    }

    // ---- off-limits questions ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "what would the payment be on a 350k townhouse with 5 down?",
            "whats the monthly on something around 500",
            "my score is around 600, could I qualify for a mortgage",
            "can I break my lease if we close early?",
            "is that neighborhood mostly hispanic or mostly white?",
            "hay puros gringos en esa colonia?",
            "are there lots of young families on that block?"})
    void anOffLimitsQuestionNamesNoBuyer(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.OFF_LIMITS_QUESTION).doesNotContain(Intent.BUYING);
    }

    // ---- reasons to wait, refusals, calls, showings, greetings ------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "later. crazy week|NOT_NOW",
            "my dad is in the hospital, can't deal with the house right now|NOT_NOW",
            "déjame pensarlo y te aviso|NOT_NOW",
            "dennos chance, andamos viendo lo del trabajo|NOT_NOW",
            "a fin de mes te marco|NOT_NOW",
            "we're probably a few years out|NOT_NOW",
            "ni nos interesa|NOT_INTERESTED",
            "WE ARE NOT MOVING|NOT_INTERESTED",
            "no necesitamos nada gracias|NOT_INTERESTED",
            "nomas checando precios|JUST_LOOKING",
            "our agent is my sister-in-law, thanks anyway|HAS_AGENT",
            "mornings are the best time to talk|WANTS_CALL",
            "mejor me marcas el viernes|WANTS_CALL",
            "can we reschedule the 11am showing to 1?|WANTS_SHOWING;BUYING",
            "se puede conocer por dentro la de Lodi?|WANTS_SHOWING;BUYING",
            "vendemos porque la casita ya nos queda chica|SELLING",
            "por pura curiosidad, cuánto vale mi casa?|ASKS_HOME_VALUE",
            "🙏|GREETING",
            "👋🏽|GREETING"})
    void eachKindReadsItsIntent(String text, String expected) {
        assertThat(read(text).intents()).as(text).isEqualTo(SharedUnderstander.intents(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ya no busco en Kenner, ahora en Slidell|BUYING",
            "weekends r when I'm free|OTHER"})
    void nearMissesKeepTheirReading(String text, String expected) {
        assertThat(read(text).intents()).as(text).isEqualTo(SharedUnderstander.intents(expected));
    }
}
