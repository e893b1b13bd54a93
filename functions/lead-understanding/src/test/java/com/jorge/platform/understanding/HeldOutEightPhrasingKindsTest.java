package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The families of issue 13's tuning round on heldout-8 (its misses read once heldout-9 was being written elsewhere): requests to
 * stop in new shapes, anger in more words, reasons to wait and browsing in Spanish and English, refusals, fees and dues too high,
 * agents, calls, greetings and questions without their mark, pre-approval granted or not started, and the land or
 * trailer that is not the type of home wanted. Every text is written for this test in other words than the corpus's, so a rule
 * that only learned one corpus message fails it.
 */
class HeldOutEightPhrasingKindsTest {

    private final MessageUnderstander understander = SharedUnderstander.RULES;

    private MessageUnderstanding read(String text) {
        return understander.understand(text);
    }

    // ---- opt-outs ------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        // a stop misspelled as it is said, or a formal word for it
        "stahp texting me", "stap messaging this number", "kindly discontinue messaging me", "discontinue all texts please",
        // "do not contact" as its own clause
        "Do not text. Thanks.", "never message again", "Do not contact!",
        // off the lead's phone
        "get off my phone", "get the heck off my line",
        // enough of our messages, in Spanish
        "ya estuvo bueno con los mensajes", "suficiente de textos", "ya fue con sus mensajitos",
        // a whole message spelled out, words parted by a wider gap
        "N O  M A S  T E X T O S", "Y A  N O  M E  E S C R I B A N"})
    void everyRequestToStopIsAnOptOut(String text) {
        MessageUnderstanding u = read(text);
        assertThat(u.optOut()).as(text).isTrue();
        assertThat(u.intents()).as(text).contains(Intent.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "don't text, just call after 5", "I need to get off my phone plan before we move", "do not contact the seller directly?",
        "a b c", "the stoop needs paint"})
    void nearMissesAreNotOptOuts(String text) {
        assertThat(read(text).optOut()).as(text).isFalse();
    }

    /** A request to stop beside a sale refused in the future tense keeps the refusal. */
    @ParameterizedTest
    @ValueSource(strings = {"ya no me escriban, no vamos a vender", "no me manden mensajes, no pienso comprar nada"})
    void aStopWithItsReasonIsAlsoNotInterested(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.OPT_OUT, Intent.NOT_INTERESTED);
    }

    // ---- anger -----------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "who the hell is this", "what the hell, I said no", "ustedes son unos payasos", "no frieguen con eso", "qué jodienda, otra vez ustedes",
        "qué pesados son", "coño otra vez con la casa", "bunch of clowns"})
    void angerInMoreWordsIsAngry(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.ANGRY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a hell of a deal on that one", "stop blowing up my cell"})
    void nearMissesAreNotAngry(String text) {
        assertThat(read(text).intents()).as(text).doesNotContain(Intent.ANGRY);
    }

    // ---- reasons to wait, browsing, refusals ------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "maybe in a few weeks, still unpacking|NOT_NOW",
            "let's slow things down a little|NOT_NOW",
            "en noviembre lo platicamos|NOT_NOW",
            "nada hasta que pase la temporada|NOT_NOW",
            "we'll chat in March|NOT_NOW",
            "I'll call you once we're settled in|NOT_NOW",
            "cuando baje la chamba|NOT_NOW",
            "en este momento no|NOT_NOW",
            "need my wife's blessing before anything|NOT_NOW",
            "mi esposo tiene la última palabra|NOT_NOW",
            "todavía no sé|NOT_NOW",
            "apenas voy empezando|JUST_LOOKING",
            "chismoseando los precios nomás|JUST_LOOKING",
            "mirando nada mas|JUST_LOOKING",
            "we're just daydreaming honestly|JUST_LOOKING",
            "not looking to sell, thanks though|NOT_INTERESTED",
            "we love where we live|NOT_INTERESTED",
            "we're staying put|NOT_INTERESTED",
            "no estoy para esas cosas|NOT_INTERESTED",
            "no estoy interesada en comprar|NOT_INTERESTED",
            "what's my house worth? not selling, just nosy|ASKS_HOME_VALUE"})
    void eachKindReadsItsIntent(String text, String expected) {
        assertThat(read(text).intents()).as(text).isEqualTo(SharedUnderstander.intents(expected));
    }

    /** A search slowed, not stopped, keeps its buyer; a showing cancelled for another day's is no showing wanted. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "we're not gonna stop looking for a house, just slowing things down|NOT_NOW;BUYING",
            "have to cancel saturday's tour, I'll text you when things calm down|NOT_NOW"})
    void aSearchSlowedOrAShowingCancelled(String text, String expected) {
        assertThat(read(text).intents()).as(text).isEqualTo(SharedUnderstander.intents(expected));
    }

    // ---- price objections ------------------------------------------------------------------------------------------------

    /** Fees and dues too high are a price objection (LABELLING: prices or fees). */
    @ParameterizedTest
    @ValueSource(strings = {"the HOA dues there are insane", "those fees are a joke", "las cuotas de ese condominio están carísimas"})
    void feesTooHighAreAPriceObjection(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.PRICE_TOO_HIGH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"it's 40k more than it's worth", "asking is way more than it's worth"})
    void aHomePricedOverItsWorthIsTooHigh(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.PRICE_TOO_HIGH);
    }

    // ---- agents, calls, showings, greetings, questions -------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tenemos a alguien ayudándonos con eso|HAS_AGENT",
            "my husband's cousin is a realtor|HAS_AGENT",
            "someone's already helping us|HAS_AGENT",
            "text me first and then call|WANTS_CALL",
            "r u a bot|QUESTION",
            "is this a real person|QUESTION",
            "eres un robot|QUESTION",
            "hola soy Marisol|GREETING",
            "hi this is Dana|GREETING",
            "no mi amor|NEGATIVE"})
    void moreKindsReadTheirIntent(String text, String expected) {
        assertThat(read(text).intents()).as(text).isEqualTo(SharedUnderstander.intents(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"se me complicó lo de hoy, la cita la puedes pasar para el viernes?", "can't make the showing, la podemos cambiar al lunes?"})
    void aShowingMovedInSpanishIsStillWanted(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.WANTS_SHOWING);
    }

    // ---- off-limits questions name no seller -----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"cuánto pago de impuestos al venderla?", "do I owe capital gains on a condo I've owned 2 years?",
            "the house is in my late mom's name, what paperwork do I need?"})
    void anOffLimitsQuestionNamesNoSeller(String text) {
        MessageUnderstanding u = read(text);
        assertThat(u.intents()).as(text).contains(Intent.OFF_LIMITS_QUESTION).doesNotContain(Intent.SELLING);
        assertThat(u.values(SlotName.OWES_MORTGAGE)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"me pueden dar una hipoteca con ITIN?", "se puede sacar hipoteca sin papeles?"})
    void aMortgageAskedForIsNoMortgageOwed(String text) {
        assertThat(read(text).values(SlotName.OWES_MORTGAGE)).as(text).isEmpty();
    }

    // ---- slots -------------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ya me aprobó el banco, busco en Pomona|PRE_APPROVAL|yes",
            "approved w/ my credit union, 3 beds|PRE_APPROVAL|yes",
            "approved at Chase for 400|PRE_APPROVAL|yes",
            "salimos aprobados, ahora a buscar|PRE_APPROVAL|yes",
            "aún no voy al banco|PRE_APPROVAL|no",
            "haven't talked to any lenders yet|PRE_APPROVAL|no",
            "es nuestra primera compra|FIRST_TIME_BUYER|yes",
            "first time buying anything this big|FIRST_TIME_BUYER|yes",
            "aún no la ponemos a la venta|ALREADY_LISTED|no",
            "it's never been listed|ALREADY_LISTED|no",
            // (twentieth round) a girlfriend: three hands of four label "mi jeva" partner (f10-179, h12-088, h15-273; heldout-8's spouse)
            "lo tengo que hablar con mi jeva|OTHER_DECISION_MAKERS|partner",
            "ranch with extra land for horses|MUST_HAVES|acreage",
            "house with room for the boat|MUST_HAVES|rv_parking",
            "con espacio para la lancha|MUST_HAVES|rv_parking"})
    void eachSlotInOtherWords(String text, String slot, String value) {
        assertThat(read(text).values(SlotName.valueOf(slot))).as(text).contains(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a 2 bed, not a condo though|PROPERTY_TYPE|condo",
            "ranch with extra land for horses|PROPERTY_TYPE|land",
            "un terreno para poner una casa móvil|PROPERTY_TYPE|manufactured",
            "with room for my truck and a trailer|PROPERTY_TYPE|manufactured",
            "una casa con su terreno en Hanford|PROPERTY_TYPE|land",
            "3 bed near my family in Tulsa|MOTIVATION|relocating"})
    void nearMissesReadNoSuchSlot(String text, String slot, String value) {
        assertThat(read(text).values(SlotName.valueOf(slot))).as(text).doesNotContain(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"we want to sell and move near the grandkids", "queremos vender para vivir cerca de mis hijos"})
    void aMoveNearFamilyIsStillRelocating(String text) {
        assertThat(read(text).values(SlotName.MOTIVATION)).as(text).contains("relocating");
    }

    /** The features of a home whose value is asked are that home's, not a search. */
    @ParameterizedTest
    @ValueSource(strings = {"what's my place worth? 3 bed, big yard", "cuánto vale mi casa? tiene alberca y 4 recámaras"})
    void aValuedHomesFeaturesAreNoBuyer(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.ASKS_HOME_VALUE).doesNotContain(Intent.BUYING);
    }

    /** A time that is not the move: how long the home was owned or rented, a job lost, an amount a month. */
    @ParameterizedTest
    @ValueSource(strings = {"we've only owned the condo 14 months, would we pay tax?", "llevamos 6 años rentando aquí",
            "got laid off in march, things are tight", "the dues are 450 a month, crazy",
            "we've had the duplex over on Elm for like 9 years"})
    void aTimeThatIsNotTheMoveIsNoTimeline(String text) {
        assertThat(read(text).values(SlotName.TIMELINE)).as(text).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nos vamos pa Texas, hay que vender|relocating",
            "the townhouse is way too small now with the twins|upgrading",
            "sick of landlording, tenants never pay on time|tired_landlord",
            "we can't afford the repairs on the roof, want to sell|financial"})
    void aSellersMotivationInOtherWords(String text, String value) {
        assertThat(read(text).values(SlotName.MOTIVATION)).as(text).contains(value);
    }

    /** The spouse's relative, a baby, a taste: no decision maker. */
    @ParameterizedTest
    @ValueSource(strings = {"my wife's brother is a lender, he can help", "la hermana de mi esposo vende casas",
            "wife is pregnant so the search can wait", "mi esposa es fanática de los jardines, algo con patio"})
    void aSpouseNamedForSomethingElseIsNoDecisionMaker(String text) {
        assertThat(read(text).values(SlotName.OTHER_DECISION_MAKERS)).as(text).doesNotContain("spouse");
    }

    /** A street, the fields and a word of the search are no place. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "me gustaría ver la de Calle 5 el sábado|calle",
            "ando en el campo todo el día|el campo",
            "casa en Yakima, maximo 300 mil|maximo"})
    void aStreetOrAWordIsNoPlace(String text, String notAnArea) {
        assertThat(read(text).values(SlotName.AREA)).as(text).noneMatch(v -> v.equalsIgnoreCase(notAnArea));
    }

    /** A message of one three-digit number answers the bot's question: a known seller's price, a known buyer's budget. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"615|SELLER|PRICE_EXPECTATION|615000|SELLING", "380|BUYER|BUDGET_MAX|380000|BUYING"})
    void aBareNumberAnswersPriceOrBudget(String text, String side, String slot, String value, String intent) {
        MessageUnderstanding u = understander.understand(text, LeadSide.valueOf(side));
        assertThat(u.values(SlotName.valueOf(slot))).as(text).containsExactly(value);
        assertThat(u.intents()).as(text).contains(Intent.valueOf(intent));
    }

    @ParameterizedTest
    @ValueSource(strings = {"we won't stop searching, prices will come down", "no vamos a dejar de buscar, solo más despacio"})
    void aSearchNotGivenUpIsABuyer(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.BUYING);
    }

    // ---- the families of tuning-families-2 (another hand's phrasings of the families missed most), in words of this test's --------

    @ParameterizedTest
    @ValueSource(strings = {"not till after the holidays honestly", "it isnt a great time", "we'll be ready by next summer",
            "let me finish the semester then we'll see", "quizás el año que viene", "working on my credit right now", "horita no joven",
            "lo dejamos para más adelante", "cuando me den el bono lo platicamos", "can't make a move until the divorce is done",
            "we're locked into our lease through May", "maybe in the fall", "nah, not yet, still saving up", "my wife wants to wait a bit"})
    void moreReasonsToWait(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.NOT_NOW);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Nope, not yet|NEGATIVE", "no, todavía no|NEGATIVE"})
    void aBareNotYetIsOnlyAnAnswer(String text, String expected) {
        assertThat(read(text).intents()).as(text).isEqualTo(SharedUnderstander.intents(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"we plan to sell, maybe in the fall", "need to net 300 after paying off the loan"})
    void aSalePlannedIsNoDeferral(String text) {
        assertThat(read(text).intents()).as(text).doesNotContain(Intent.NOT_NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"what a creep", "qué poca madre la neta", "es una falta de respeto", "ya cansan con lo mismo",
            "stop lowballing people", "r u dumb", "quit lowballing me", "text me one more time or im calling my lawyer", "parecen disco rayado",
            "I told you no twice already", "ya te dije que no"})
    void moreAnger(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.ANGRY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"the zestimate is dumb, it's worth more", "told you about the roof, it's new"})
    void nearMissesOfAnger(String text) {
        assertThat(read(text).intents()).as(text).doesNotContain(Intent.ANGRY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"only comparing neighborhoods", "just playing around on zillow", "we're a couple of looky loos",
            "daydreaming lol", "just kicking the tires", "lo veo en la app pero no es en serio", "curiosidad nada más",
            "solamente estoy mirando"})
    void moreBrowsing(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.JUST_LOOKING);
    }

    @Test
    void likingWhereTheSearchIsGoingIsNoRefusal() {
        assertThat(read("we like where we are looking, Elk Grove is great").intents()).doesNotContain(Intent.NOT_INTERESTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"así estamos bien", "no grasias"})
    void moreRefusals(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.NOT_INTERESTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no need to message me anymore", "there's no need to text again, thanks"})
    void noNeedToWriteIsAnOptOut(String text) {
        assertThat(read(text).optOut()).as(text).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "the bank is reviewing our file|PRE_APPROVAL|in_progress",
            "waiting on the lender still|PRE_APPROVAL|in_progress",
            "esperando la carta del prestamista|PRE_APPROVAL|in_progress",
            "applied tuesday, still waiting|PRE_APPROVAL|in_progress",
            "already approved thx|PRE_APPROVAL|yes",
            "going to talk to a lender next month|PRE_APPROVAL|no",
            "a house, not a townhome|PROPERTY_TYPE|single_family",
            "single wide is fine|PROPERTY_TYPE|manufactured"})
    void moreSlots(String text, String slot, String value) {
        assertThat(read(text).values(SlotName.valueOf(slot))).as(text).contains(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"paying cash", "vamos a pagar de contado", "all cash, no financing"})
    void aCashBuyerIsABuyer(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.BUYING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ballpark on our place?", "what would our townhome go for"})
    void moreValueQuestions(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.ASKS_HOME_VALUE).doesNotContain(Intent.BUYING);
    }

    /** Pre-approval under way or not begun is read before a word of pre-approval could read it as granted. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ando en eso de la preaprobación todavía|in_progress",
            "nos falta entregar los papeles de la preaprobación|in_progress",
            "we should get the approval letter friday|in_progress",
            "application's in with our credit union|in_progress",
            "still need to get preapproved|no",
            "tengo que tramitar la preaprobación|no",
            "haven't even started the prequal|no",
            "yup, approved|yes",
            "the bank gave us the letter yesterday|yes"})
    void preApprovalUnderWayOrNotBegun(String text, String value) {
        assertThat(read(text).values(SlotName.PRE_APPROVAL)).as(text).containsExactly(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "quiero comprar un depa en Fresno|PROPERTY_TYPE|condo",
            "vendemos el departamento del centro|PROPERTY_TYPE|condo",
            "need a regular home with a yard|PROPERTY_TYPE|single_family",
            "queremos una casa de verdad|PROPERTY_TYPE|single_family",
            "mi papá es el que decide|OTHER_DECISION_MAKERS|family",
            "le pregunto a mi abuela|OTHER_DECISION_MAKERS|family",
            "it's my mom's call|OTHER_DECISION_MAKERS|family"})
    void moreSlotsInOtherWords(String text, String slot, String value) {
        assertThat(read(text).values(SlotName.valueOf(slot))).as(text).contains(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rentamos un depa chiquito|PROPERTY_TYPE|condo",
            "my mom will call you later|OTHER_DECISION_MAKERS|family",
            "we rent a condo right now, want a house|PROPERTY_TYPE|condo",
            "my husband found a listing he loves|OTHER_DECISION_MAKERS|spouse"})
    void moreNearMissesReadNoSuchSlot(String text, String slot, String value) {
        assertThat(read(text).values(SlotName.valueOf(slot))).as(text).doesNotContain(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"the insurance on that one is insane", "el seguro está carísimo"})
    void insuranceTooHighIsAPriceObjection(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.PRICE_TOO_HIGH);
    }

    @Test
    void aParentsCallIsWaiting() {
        assertThat(read("it's my mom's call").intents()).contains(Intent.NOT_NOW);
    }

    /** Near-misses of the new waiting cues: a lead who will not wait, talks soon, meets, or whose spouse agrees. */
    @ParameterizedTest
    @ValueSource(strings = {"we don't want to wait, need something fast", "let's talk in person", "I'll call you in 5 minutes",
            "cuando nos vemos para ver la casa?", "cuando pase por la casa le tomo fotos", "my wife's ok with the price",
            "no encontré nada hasta ahora", "sounds good, we'll talk", "the lender is working on my credit report",
            "I can't do anything about the HOA rules", "we'll be ready by 5 for the showing"})
    void nearMissesOfWaiting(String text) {
        assertThat(read(text).intents()).as(text).doesNotContain(Intent.NOT_NOW);
    }

    /** Near-misses of the new anger cues: prices creeping, a house that is awesome, a buyer's lowball, a closing lawyer. */
    @ParameterizedTest
    @ValueSource(strings = {"prices creep up every year", "esa casa está poca madre", "los muebles son pesados", "can we lowball them a bit?",
            "I'll call my lawyer about the closing papers", "like I told you before, we need a yard", "are you serious? that price is amazing",
            "lo reporto al banco mañana"})
    void moreNearMissesOfAnger(String text) {
        assertThat(read(text).intents()).as(text).doesNotContain(Intent.ANGRY);
    }

    /** A message of two counts answers "how many beds and baths?". */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"4 y 3|4|3", "3 & 2.5|3|2.5"})
    void twoCountsAloneAreBedsAndBaths(String text, String beds, String baths) {
        MessageUnderstanding u = read(text);
        assertThat(u.values(SlotName.BEDROOMS)).as(text).containsExactly(beds);
        assertThat(u.values(SlotName.BATHROOMS)).as(text).containsExactly(baths);
    }

    @Test
    void aLenderNamedInAProcessUnderWay() {
        assertThat(read("ando en trámite con Chase, me pidieron más papeles").values(SlotName.LENDER)).anyMatch(v -> v.equalsIgnoreCase("chase"));
    }
}
