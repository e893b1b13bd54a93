package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kinds of phrasing issue 13's eighth round taught the understander (heldout-5's misses, read as tuning data once
 * heldout-6 was being written elsewhere, and then tuning-kinds.jsonl's, sorted by kind). Every text is written for this test in other words than the
 * corpus's, so a rule that only learned one corpus message fails it.
 */
class HeldOutFivePhrasingKindsTest {

    // the rules' families, as the later rounds' kinds tests read them: since the sixteenth round the fine-tuned reader edits the
    // set the rules read, and on a few of these kinds it reads otherwise (functions/lead-understanding/README.md)
    private final MessageUnderstander understander = SharedUnderstander.RULES;

    private MessageUnderstanding read(String text) {
        return understander.understand(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // "dar de baja" in its imperative and infinitive forms
        "denme de baja por favor", "quiero que me den de baja", "dénos de baja de sus mensajes",
        // Spanish verbs of removing, a number or me, off a list or system
        "quiten mi numero de sus contactos", "eliminenme de la lista ya", "remueva este teléfono de su sistema",
        // a Spanish "stop!" as its own clause after something else
        "esto ya es demasiado, paren ya!", "no conozco a nadie ahi, ya párenle",
        // a 0 for the o that ends a word
        "n0 more texts", "N0 MAS MENSAJES porfa",
        // the wrong person asks to be taken off
        "wrong person, can you delete this number", "numero equivocado, bórrenlo porfa",
        // (tuning-kinds) a request in the conditional, "f off with", "stop sending these", "done getting these", a threat if
        // one more comes, "want these to end", "I've told you stop", formal names, "bájenme", "take me off la lista"
        "would really appreciate it if you quit texting me", "screw off with all the messages", "pls quit sending these, thx",
        "we're done receiving these.", "seriously. knock it off!", "if I get another text I'm calling my attorney",
        "I need your messages to end today", "I already told you STOP twice", "please end all correspondence",
        "ya bájenme de eso", "take me off su lista please"})
    void everyRequestToStopIsAnOptOut(String text) {
        MessageUnderstanding u = read(text);
        assertThat(u.optOut()).as(text).isTrue();
        assertThat(u.intents()).as(text).contains(Intent.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // what the lead promises to do, not a request
        "I'll stop texting you so much once we get the keys", "ok ok ill quit bothering you till friday",
        // a removal negated or about a home
        "no me quiten de la lista de casas nuevas", "esa casa no la borren de mi lista, me gusta",
        "queremos dar de baja el listado con la otra agencia",
        // "alto" and "basta" used otherwise
        "alto ahí, esa tiene alberca?", "basta de pagar renta, ya queremos casa propia",
        // "the wrong number of" is a mistake in a listing
        "the listing has the wrong number of baths on it",
        // (tuning-kinds) a question about the word, lowering a price, narrowing what is sent
        "stop what? I only asked about the price", "bájenme el precio y lo pensamos", "stop sending these condos, houses only"})
    void nearMissesAreNotOptOuts(String text) {
        assertThat(read(text).optOut()).as(text).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // deferral: busy, a season, out of town, a paused search, not in a position, "dame unos días"
        "super busy at work, maybe next month|NOT_NOW",
        "andamos bien ocupados con la mudanza de mi suegra|NOT_NOW",
        "maybe once baseball season is over|NOT_NOW",
        "mejor cuando pase la navidad|NOT_NOW",
        "out of town all next week|NOT_NOW",
        "can you put my search on hold until spring|NOT_NOW",
        "we're not in a position to do anything this year|NOT_NOW",
        "denme un par de semanas y les aviso|NOT_NOW",
        "ni pensar en vender con estas tasas|NOT_NOW",
        // a decision maker in short forms
        "lemme check w my gf tonight|NOT_NOW",
        "tengo que platicarlo con mi esposo primero|NOT_NOW",
        // greetings
        "whats up!|GREETING",
        "qué onda, buenas tardes|GREETING",
        "thank u very much, god bless|GREETING",
        // showings
        "could you show us that one on Maple tomorrow|WANTS_SHOWING",
        "can we come look at the blue one saturday?|WANTS_SHOWING",
        "me la pueden mostrar el domingo?|WANTS_SHOWING",
        "would love to get inside the ranch on 5th before the weekend|WANTS_SHOWING",
        // prices out of reach
        "those are all way out of my price range|PRICE_TOO_HIGH",
        "todo está fuera de nuestro presupuesto|PRICE_TOO_HIGH",
        "who could afford those with these salaries lol|PRICE_TOO_HIGH",
        // value, the "it" a question points back to
        "we're thinking of listing, what do u think it's worth now?|ASKS_HOME_VALUE",
        "si la pongo a la venta, cuánto nos darían?|ASKS_HOME_VALUE",
        // an agent already
        "ya tenemos quien nos represente, gracias|HAS_AGENT",
        "we have an agent, thank you|HAS_AGENT",
        // slang refusals
        "ni madres, no vendo|NOT_INTERESTED",
        "not buying, sorry|NOT_INTERESTED",
        // browsing
        "nothing serious, just checking prices|JUST_LOOKING",
        // harassment in Spanish
        "esto es puro acoso|ANGRY",
        // a Spanish sale named with its object
        "vamos a poner nuestra casa en venta en primavera|SELLING",
        // (tuning-kinds) a time to come back to, a pause, a life event as the reason
        "let's circle back after the holidays|NOT_NOW",
        "busqueme en unos 3 meses|NOT_NOW",
        "hold that thought, work is nuts|NOT_NOW",
        "my mom just had surgery so we'll wait a bit|NOT_NOW",
        "we want to list but not till the fall|SELLING",
        // (tuning-kinds) showings: getting in, a video tour, a home by its style, Spanish infinitives with the home as clitic
        "any chance you can get us inside tomorrow?|WANTS_SHOWING",
        "can you do a facetime tour for my wife?|WANTS_SHOWING",
        "I'd like to see that craftsman on Elm|WANTS_SHOWING",
        "nos urge visitarla este sábado|WANTS_SHOWING",
        // (tuning-kinds) prices: priced out, over what the bank approved, fees that are steep, "se pasa"
        "we're totally priced out of that zip|PRICE_TOO_HIGH",
        "that's 30k over what we were approved for|PRICE_TOO_HIGH",
        "your fees seem steep to me|PRICE_TOO_HIGH",
        "esa casa se pasa de lo que tenemos|PRICE_TOO_HIGH",
        // (tuning-kinds) off-limits: closing costs, PMI, probate, a lawsuit, eviction
        "how much are closing costs usually?|OFF_LIMITS_QUESTION",
        "me pueden demandar si no pago la mensualidad?|OFF_LIMITS_QUESTION",
        // (tuning-kinds) who writes, asked plainly
        "hola, quien me escribe|QUESTION",
        "happy thanksgiving!|GREETING"})
    void readsTheIntentOfEachKind(String text, Intent intent) {
        assertThat(read(text).intents()).as(text).contains(intent);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a call refused is not a call wanted
        "don't call me, I'm at work all day, text only|WANTS_CALL",
        // "not at all" before what it negates is no refusal
        "para nada es molestia, mándeme las de Pharr|NOT_INTERESTED",
        // a contact time is not a deferral
        "call me after 7 tonight, I'm driving till then|NOT_NOW",
        // an off-limits question about a sale supposed names no side; browsing names no side
        "would I owe taxes if we sell the rental?|SELLING",
        "si compro con mi ITIN cuánto sería el interés?|BUYING",
        "solo curioseando lo que hay en Weslaco|BUYING",
        // a lender checking credit is the pre-approval under way, not money trouble
        "the bank is still reviewing my credit|NOT_NOW",
        // (tuning-kinds) "real person" asked about is no call wanted; a greeting word before a question is no greeting
        "wait is this a real person?|WANTS_CALL",
        "hey who is this|GREETING",
        // "the going rate" for a home is its value, not a lending rate
        "what's the going rate for a 3 bed around here|OFF_LIMITS_QUESTION"})
    void wordsOfAnotherKindDoNotTrigger(String text, Intent intent) {
        assertThat(read(text).intents()).as(text).doesNotContain(intent);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "we just applied thru the credit union, waiting to hear|PRE_APPROVAL|in_progress",
        "estamos en trámite con la cooperativa|PRE_APPROVAL|in_progress",
        "ya entregué mis papeles al banco|PRE_APPROVAL|in_progress",
        "they're pulling credit tomorrow|PRE_APPROVAL|in_progress",
        "submitted the mortgage app last night|PRE_APPROVAL|in_progress",
        "got our approval letter this morning|PRE_APPROVAL|yes",
        "ya nos aprobaron con Vantage Bank|LENDER|Vantage Bank",
        "todavía no la he listado|ALREADY_LISTED|no",
        "le faltan unos arreglitos al baño|CONDITION|fair",
        "need to run it by my bf|OTHER_DECISION_MAKERS|partner",
        "mis primos y yo la heredamos|OTHER_DECISION_MAKERS|family",
        "la casa está nomás a mi nombre|OTHER_DECISION_MAKERS|none",
        "nos quedamos sin chamba los dos, hay que vender|MOTIVATION|financial",
        "we're moving out of state in june so we have to sell|MOTIVATION|relocating",
        "ya no queremos rentar, queremos algo propio|HOME_TO_SELL_FIRST|no",
        // (tuning-kinds) lenders by the word their names end with, or after the word for one; pre-approval stages
        "approved through Heartland Credit Union last week|LENDER|Heartland Credit Union",
        "our lender is Primelending, waiting on them|LENDER|Primelending",
        "the lady at Summit Funding is pulling it together|LENDER|Summit Funding",
        "la preaprobación está en proceso|PRE_APPROVAL|in_progress",
        "haven't gotten the pre approval yet|PRE_APPROVAL|no",
        "el banco ya me dio la carta|PRE_APPROVAL|yes",
        "me and my brother own it, he has to agree|OTHER_DECISION_MAKERS|family"})
    void readsTheSlotOfEachKind(String text, SlotName slot, String value) {
        assertThat(read(text).values(slot)).as(text).contains(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a place's words are not slots of their own
        "looking in Bay View, 3 bed|MUST_HAVES|view",
        // money trouble with a word of waiting is a reason to wait, not a motivation
        "medical bills piled up, can't do anything right now|MOTIVATION|financial"})
    void aWordOfAnotherReadingIsNoSlot(String text, SlotName slot, String value) {
        assertThat(read(text).values(slot)).as(text).doesNotContain(value);
    }
}
