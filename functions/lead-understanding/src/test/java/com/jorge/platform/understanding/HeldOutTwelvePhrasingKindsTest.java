package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The families of issue 13's fifteenth round, on heldout-12 (tuning data since this round) and the hands before it. Opt-outs are
 * every one heldout-12 missed, each as a family in more words, with near-misses; the intent and slot families are only those that
 * at least two hands write (named beside each). Every text is written for this test in other words than the corpus's, so a rule
 * that only learned one corpus message fails it. 77 cases; on e64936d (main before the round, this class compiled against it and
 * run there) 49 fail: all 15 requests to stop, 4 of the 15 near-misses (the new hands' false opt-outs: "stop, we meant ...", a
 * kind of home off one list and onto another, calls refused at an hour in Spanish, "ya no queremos condos, basta"), 8 of the 11
 * service questions and the 3 coverage places, 5 of the 5 refusals that qualify another intent, 2 of the 4 refusals that must stay
 * (the Spanish "no tengo interés"), the 3 laughs before a no, the 3 accusations read as wrong numbers, 1 of the 2 "who is this",
 * the 5 homes' systems gone; the other 28 (near-misses and readings that must stay) passed there too.
 */
class HeldOutTwelvePhrasingKindsTest {

    private final MessageUnderstander understander = SharedUnderstander.RULES;

    private MessageUnderstanding read(String text) {
        return understander.understand(text);
    }

    // ---- opt-outs ------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        // a polite conditional of reaching out (h12; h8-063, f7-274, k-324 in "texting" and "messaging")
        "I'd appreciate it if you stopped reaching out to me", "we would appreciate it if you would stop following up",
        "it would be nice if y'all stopped getting in touch, thank you",
        // "any further" messages (h12; o006, f7-261)
        "I do not wish to receive any further messages", "we do not wish to get any further text messages from your office",
        // unsubscribing in the first person (h12; t023, o059, k-363, h7-383 in other persons)
        "me doy de baja", "nos damos de baja de su lista, gracias", "me doy de baja de estos mensajes por favor",
        // a warning after "you keep calling me" (h12; h4-313, h9-145 after a stop)
        "you keep texting me about the lot on Elm. final warning", "y'all keep calling my cell every single day, this is your last warning",
        // the new hands registered this round (f9, f10): "you can stop sending" with what; "me dan de baja"; a threat before "si
        // siguen mandando"; harassment named with a complaint to come
        "we sold it, you can stop sending things now", "nos dan de baja de su lista porfa", "los vamos a demandar si siguen escribiendo",
        "eso es un acoso, los voy a denunciar", "this is harassment and I'm going to report it",
    })
    void everyRequestToStopIsAnOptOut(String text) {
        MessageUnderstanding u = read(text);
        assertThat(u.optOut()).as(text).isTrue();
        assertThat(u.intents()).as(text).contains(Intent.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I'd appreciate it if you stopped reaching out to the seller before talking to me", "it'd help if you stopped by the house saturday",
        "stop any further showings until the roof is fixed", "me doy de baja del gimnasio para ahorrar para el enganche",
        "me dieron de baja en la fábrica, así que esperamos", "you keep sending me great listings, keep it up",
        "the city gave us a final warning about the yard, we need to sell",
        // near-misses of the new hands' false opt-outs (f9, f10) and of their families
        "stop, we meant the one on Oak not Elm", "dame de baja de los condos y mándame casas solas", "no me llamen temprano, después de las 5 sí",
        "this is harassment", "si sigue llamando el banco, vendemos", "me dan de baja en el trabajo si falto otra vez",
        "you can stop sending condos, houses only", "ya no queremos condos, basta"})
    void nearMissesAreNotOptOuts(String text) {
        assertThat(read(text).optOut()).as(text).isFalse();
    }

    // ---- a question about the team, its coverage, fees or the process (h4, h5, h7, h8, h11, h12, k, f4, f5, f7, f8, f9) ---------

    @ParameterizedTest
    @ValueSource(strings = {
        "do you guys cover Ypsilanti or only Ann Arbor?", "are y'all licensed in Ohio?", "do you charge buyers a fee?",
        "Do you all work with VA loans?", "ustedes trabajan en Pasco?", "cubren Moxee también?", "¿y ustedes atienden por Kennewick?",
        "how long does it usually take to close when you're a first time buyer?", "cuánto tiempo se tarda en comprar una casa?",
        "how does this whole thing work?", "how long do homes sit on the market in Richland these days"})
    void aQuestionAboutTheServiceNamesNoSide(String text) {
        MessageUnderstanding u = read(text);
        assertThat(u.intents()).as(text).contains(Intent.QUESTION).doesNotContain(Intent.BUYING, Intent.SELLING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"do you guys cover Ypsilanti or only Ann Arbor?", "ustedes trabajan en Pasco?", "are y'all licensed in Ohio?"})
    void thePlacesOfACoverageQuestionAreNotTheLeads(String text) {
        assertThat(read(text).slots()).as(text).noneMatch(s -> s.name() == SlotName.AREA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"do you cover Olathe? we want to buy a 3 bed there", "we're looking to buy in Moxee, how does it work with you?",
        "cubren Pasco? buscamos casa de 3 recámaras por allá"})
    void aLeadWhoAlsoBuysStaysABuyer(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.BUYING);
    }

    // ---- "not buying" beside browsing or a wait (h12, h8, f2, f6, f7, f9, u141); "no way" beside a price (h11, h12, n, h8, h9, f4, f5)

    @ParameterizedTest
    @ValueSource(strings = {"only browsing redfin tonight, not buying", "just looking around for fun, not buying anything",
        "money is tight, not buying anything until spring", "that HOA is way too high, no way",
        "we'd have to sell first, no way to carry two payments"})
    void aRefusalThatQualifiesAnotherIntentIsNotNotInterested(String text) {
        assertThat(read(text).intents()).as(text).doesNotContain(Intent.NOT_INTERESTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not buying, not selling, we're fine", "no way, not interested", "ya no tengo interés",
        "no tenemos interés, gracias"})
    void aRefusalStaysNotInterested(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.NOT_INTERESTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no tengo interés en condos, solo casas"})
    void aSearchNarrowedIsNoRefusal(String text) {
        assertThat(read(text).intents()).as(text).doesNotContain(Intent.NOT_INTERESTED);
    }

    // ---- short answers: a laugh before a no (h12, f3) ---------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"lol no", "haha nope", "jaja no"})
    void aLaughBeforeANoIsNegative(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.NEGATIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lol no rush on our end", "haha no problem, text me tomorrow"})
    void aLaughBeforeANoThatIsNoAnswerIsNotNegative(String text) {
        assertThat(read(text).intents()).as(text).doesNotContain(Intent.NEGATIVE);
    }

    // ---- "I never signed up for this" is an accusation, not a wrong number (n, m, h9, h10, h12, f2, f6, f9) --------------

    @ParameterizedTest
    @ValueSource(strings = {"I never signed up for any of this", "we never asked for these, who are you people",
        "i never subscribed to anything like this"})
    void neverSigningUpIsAngryNotAWrongNumber(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.ANGRY).doesNotContain(Intent.WRONG_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I never asked about selling any house", "wrong number, I don't know any Gloria"})
    void aWrongNumberStaysOne(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.WRONG_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Who is this", "who is this, may I ask"})
    void whoWritesIsAQuestionNotAWrongNumber(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.QUESTION).doesNotContain(Intent.WRONG_NUMBER);
    }

    // ---- a home's systems gone, in more words (h12, h4, h5, h7, h11, f3, f10) ---------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"the furnace is shot and the roof leaks", "it needs a septic and a well pump",
        "la casa necesita techo y las paredes tienen grietas", "the wiring is still knob and tube",
        "honest answer: investor special, it needs everything", "el techo hay que cambiarlo ya"})
    void aHomesSystemsGoneArePoorCondition(String text) {
        assertThat(read(text).value(SlotName.CONDITION)).as(text).contains("poor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my credit is shot right now", "the market is shot around here"})
    void aLeadsCreditIsNoCondition(String text) {
        assertThat(read(text).value(SlotName.CONDITION)).as(text).isEmpty();
    }
}
