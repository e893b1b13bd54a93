package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kinds of phrasing issue 13's fourth round taught the understander (the misses of heldout-3, read as
 * tuning data, sorted by kind). Every text here is written for this test in other words than the corpus's,
 * so a rule that only learned one corpus message fails it.
 */
class LeadPhrasingKindsTest {

    // the rules' families, as the later rounds' kinds tests read them: since the sixteenth round the fine-tuned reader edits the
    // set the rules read, and on a few of these kinds it reads otherwise (functions/lead-understanding/README.md)
    private final MessageUnderstander understander = SharedUnderstander.RULES;

    private MessageUnderstanding read(String text) {
        return understander.understand(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a carrier keyword with politeness or a sign-off
        "Cancel please", "STOP gracias", "Parar por favor", "baja porfa", "stop plis, ya no quiero nada", "end thx",
        // consent withdrawn, as revocations are worded
        "I withdraw my consent to receive texts", "You do not have my consent to text me", "I never consented to these messages",
        "no doy mi consentimiento para estos mensajes", "revoco mi autorización",
        // off the list, for us as well as me
        "please take us off your list, we already bought", "take our number off", "please remove our number", "remove us",
        "put me on your do not call list",
        // Spanish "stop" with a helper verb and a gerund
        "dejen de estar mandando mensajes", "deje de seguir escribiéndome", "paren de textearme",
        // a subscription ended, accents or not
        "cancelar suscripción", "cancela mi suscripcion", "cancel my subscription", "quit sending texts"})
    void everyRequestToStopIsAnOptOut(String text) {
        MessageUnderstanding u = read(text);
        assertThat(u.optOut()).as(text).isTrue();
        assertThat(u.intents()).as(text).contains(Intent.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I don't consent to that price, way too low", "I didn't agree to the price", "stop by the house thursday porfa",
        "no paren de mandarme casas", "don't stop sending homes in Lehi", "stop sending me condos, only houses please",
        "para de mandar condos, solo casas", "Stop! That price is amazing", "cancel the showing please",
        "can we end the call early tomorrow", "we might cancel the listing agreement"})
    void nearMissesAreNotOptOuts(String text) {
        assertThat(read(text).optOut()).as(text).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ya no me interesa, ya vendimos|NOT_INTERESTED",
        "Sold it already, thanks|NOT_INTERESTED",
        "we went with another realtor|HAS_AGENT",
        "no one by that name here|WRONG_NUMBER",
        "wrong #, sorry|WRONG_NUMBER",
        "let's jump on a call tomorrow|WANTS_CALL",
        "háblame después de las 6|WANTS_CALL",
        "¿podrían llamarme hoy?|WANTS_CALL",
        "can we walk thru the Maple one on saturday|WANTS_SHOWING",
        "are there open houses near Sandy|WANTS_SHOWING",
        "the tour got cancelled, can we reschedule it|WANTS_SHOWING",
        "cancelaron la visita, mejor el jueves|WANTS_SHOWING",
        "not a great time, maybe in the fall|NOT_NOW",
        "can't even think about selling until after the holidays|NOT_NOW",
        "ask me again next year|NOT_NOW",
        "give us a couple weeks|NOT_NOW",
        "let me run it by my daughter first|NOT_NOW",
        "what are condos like mine selling for in Sandy|ASKS_HOME_VALUE",
        "cuánto se venden casas como las nuestras?|ASKS_HOME_VALUE",
        "for sure, send them|AFFIRMATIVE",
        "nope sorry|NEGATIVE"})
    void readsTheIntentOfEachKind(String text, Intent intent) {
        assertThat(read(text).intents()).as(text).contains(intent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"how long does it take to sell a house around here?", "do you charge a fee to sell a home?",
        "how fast do homes sell in this market?"})
    void aQuestionAboutSellingInGeneralDoesNotMakeASeller(String text) {
        assertThat(read(text).intents()).as(text).doesNotContain(Intent.SELLING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sold it last year, now we want to buy in Mesa", "ya vendimos y ahora queremos comprar"})
    void aSaleThatLeadsToAPurchaseIsNoRefusal(String text) {
        MessageUnderstanding u = read(text);
        assertThat(u.intents()).as(text).doesNotContain(Intent.NOT_INTERESTED).contains(Intent.BUYING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"don't contact me again", "what are your office hours?", "stop showing me condos, houses only"})
    void wordsOfAnotherKindDoNotTrigger(String text) {
        MessageUnderstanding u = read(text);
        assertThat(u.intents()).as(text).doesNotContain(Intent.NOT_NOW, Intent.WANTS_SHOWING);
        assertThat(u.values(SlotName.MUST_HAVES)).as(text).doesNotContain("office");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "stop showing me condos, houses only|condo",
        "remove all the townhomes from my search|townhouse",
        "no me interesan los condos|condo",
        "nada de condominios por favor|condo",
        "3 bed, no townhouses|townhouse"})
    void aKindOfHomeTakenOutOfTheSearchIsNotWanted(String text, String type) {
        assertThat(read(text).values(SlotName.PROPERTY_TYPE)).as(text).doesNotContain(type);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "la cocina esta muy vieja y hay que pintar|CONDITION|fair",
        "it needs fresh paint and new flooring|CONDITION|fair",
        "tiene problemas con el techo|CONDITION|poor",
        "my credit needs some work first|CONDITION|",
        "acabamos de pagarla el año pasado|OWES_MORTGAGE|no",
        "we paid it off in 2020|OWES_MORTGAGE|no",
        "we had it listed in the spring, that listing expired|ALREADY_LISTED|expired",
        "tengo un lote en Rio Rancho que quiero vender|PROPERTY_TYPE|land",
        "a lot of rooms would be nice|PROPERTY_TYPE|",
        "my dad wants to sell his house in Mesa|OTHER_DECISION_MAKERS|family",
        "I'd have to talk it over with my parents|OTHER_DECISION_MAKERS|family",
        "somos primeros compradores|FIRST_TIME_BUYER|yes",
        "total first timer here|FIRST_TIME_BUYER|yes",
        "ya mandamos la solicitud al banco|PRE_APPROVAL|in_progress",
        "we submitted the application monday, waiting on them|PRE_APPROVAL|in_progress",
        "hay que vender la casa antes de comprar otra|HOME_TO_SELL_FIRST|yes",
        "we're moving to Boise for his new job|MOTIVATION|relocating",
        "nos vamos a Ohio por el trabajo de mi esposa|MOTIVATION|relocating",
        "want to be closer to the grandkids|MOTIVATION|relocating",
        "my place is at 1180 Willow Run Ct|PROPERTY_ADDRESS|1180 Willow Run Ct",
        "twins #2 on the way so we need more space|PROPERTY_ADDRESS|"})
    void readsTheSlotOfEachKind(String text, SlotName slot, String value) {
        if (value == null) {
            assertThat(read(text).values(slot)).as(text).isEmpty();
        } else {
            assertThat(read(text).values(slot)).as(text).containsExactly(value);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"renting it out, not selling. looking for 3 beds in Mesa, max 500k",
        "we won't sell. looking for something around 400"})
    void aNegationEndsWithItsSentence(String text) {
        MessageUnderstanding u = read(text);
        assertThat(u.intents()).as(text).contains(Intent.BUYING);
        assertThat(u.values(SlotName.PRICE_EXPECTATION)).as(text).isEmpty();
    }
}
