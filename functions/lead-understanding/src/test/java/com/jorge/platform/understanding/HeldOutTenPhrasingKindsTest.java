package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The families of issue 13's thirteenth round, on heldout-10 (its misses read once heldout-11 was written elsewhere), chosen for
 * recurring in another hand's part as well: requests to stop with a threat after them, "don't text again" after a clause of its
 * own, the messages left alone or "basta de mensajes" in Spanish, pestering verbs with our messages; anger in Caribbean and masked
 * curses; a showing called off with a word of waiting; the search paused; a call wanted at a time; the value of an address; an
 * amount met with disbelief; motivations, multi-family buildings, pre-approval under way and lenders no list holds. Every text is
 * written for this test in other words than the corpus's, so a rule that only learned one corpus message fails it.
 */
class HeldOutTenPhrasingKindsTest {

    private final MessageUnderstander understander = SharedUnderstander.RULES;

    private MessageUnderstanding read(String text) {
        return understander.understand(text);
    }

    // ---- opt-outs ------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        // a stop with a threat after it
        "stop or I'll report this number", "quit it or I'm calling my lawyer", "paren o los voy a reportar",
        "stop now or I'm filing a complaint", "enough. stop texting or else",
        // "don't text again" after a clause of its own
        "not buying, don't text again", "we sold last year, do not message again", "all set here. never text us again",
        // the messages left alone, with a "ya" of impatience
        "ya dejen los mensajes", "deja los pinches textos ya", "dejen sus mensajitos ya!",
        // enough of the messages, without a "ya" before
        "basta de mensajes por favor", "alto con los textos",
        // a verb of pestering with our messages
        "no frieguen con sus textos", "no chinguen con tantos mensajes", "no jodan con los mensajes",
        // (tuning-families-3 and -4) a curse as a clause after another; the lead's data deleted; "no vuelvan a" without a pronoun; a
        // polite imperfect subjunctive; a threat without "si"; the do-not-call list in Spanish; "dejes", "d" for "de"; "volver a";
        // a number off whatever list; a formal removal; a Spanglish stop with a clitic; "kiero"; "bote mi número"
        "nope. f off", "we're not buying from a robot, wipe my data", "no vuelvan a escribirme a este cel",
        "les agradecería que no me escribieran más", "me siguen mandando mensajes y los denuncio", "agréguenme a la lista de no llamar",
        "ya deja de textearme", "dejen d mandar cosas", "por favor no volver a escribirme", "that's my office line, take it off whatever list you use",
        "pido la eliminación de mi número de sus registros", "stop escribiéndome porfa", "ya no kiero mas mensajes", "boten mi número de su lista"})
    void everyRequestToStopIsAnOptOut(String text) {
        MessageUnderstanding u = read(text);
        assertThat(u.optOut()).as(text).isTrue();
        assertThat(u.intents()).as(text).contains(Intent.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "should we stop or keep looking?", "stop or go, whatever works for you", "para o antes de junio queremos mudarnos",
        "ya deja el mensaje con mi esposa", "basta de rentar, queremos comprar", "don't text, call me instead",
        "no frieguen, en serio cuesta eso?", "I won't text again until I talk to my wife", "alto bonito has a nice park",
        "f off the freeway exit is the one", "please delete my info on the form and resend it", "no vuelvan a mandar casas de dos pisos",
        "nomás mensajes, no llamadas", "remove it from my search please", "no dejes de mandarme casas",
        "if you don't text again by Friday I'll call another agent"})
    void nearMissesAreNotOptOuts(String text) {
        assertThat(read(text).optOut()).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"stop texting me a**hole", "mamabicho deja de escribir", "hijueputa no me escriban mas",
        "dejen de joder con los textos"})
    void aCurseBesideAStopIsAlsoAnger(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.OPT_OUT, Intent.ANGRY);
    }

    // ---- a family member or partner who must be asked -----------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "la casa es de mis papás, tengo que preguntarles|family",
            "somos 4 hermanos, tengo q ver q dicen los demás|family",
            "mis suegros tienen que opinar también|family",
            "mi socio y yo la compramos, necesito su visto bueno|business_partner",
            "let me see what my mom thinks first, she's helping with the down payment|family"})
    void aFamilyMemberOrPartnerToAskIsADeferral(String text, String who) {
        MessageUnderstanding u = read(text);
        assertThat(u.intents()).as(text).contains(Intent.NOT_NOW);
        assertThat(u.values(SlotName.OTHER_DECISION_MAKERS)).as(text).contains(who);
    }

    @ParameterizedTest
    @ValueSource(strings = {"me and my wife aren't on the same page yet", "my husband handles this stuff, I'll have him call you"})
    void aSpouseNotAgreedIsADeferral(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.NOT_NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"she's on the same page as us about the price", "I'll have him text you the address of the house we like",
        "what my mom says about the kitchen is funny"})
    void nearMissesOfAskingAreNoDeferral(String text) {
        assertThat(read(text).intents()).as(text).doesNotContain(Intent.NOT_NOW);
    }

    // ---- anger ---------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"calling me at 6am, you maniac", "this is the third text today, chill out", "y'all are lunatics",
        "what a psycho, texting at midnight", "4th message this morning, cool it"})
    void angerInOtherWords(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.ANGRY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"the roof is jodido, needs work", "esta muy jodida la casa, hay que arreglarla", "the 3rd bedroom is small",
        "my psychology degree helps lol", "I'll pay $3**/month max for HOA"})
    void nearMissesOfAngerAreNotAnger(String text) {
        assertThat(read(text).intents()).as(text).doesNotContain(Intent.ANGRY);
    }

    // ---- waiting, a showing called off ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"cancel Sunday please, we need to pause for a bit", "hay que cancelar lo del viernes, ya te escribo pa otro dia",
        "tengo que cancelar la cita del domingo, ya le aviso cuando pueda", "we'll stop looking until the new year",
        "ya me cansé, vamos a parar un tiempo", "voy a dejar de buscar por un tiempo", "taking a break from looking until spring",
        "can't even think about moving right now", "we're going to pause, lots going on"})
    void waitingInOtherWords(String text) {
        MessageUnderstanding u = read(text);
        assertThat(u.intents()).as(text).contains(Intent.NOT_NOW).doesNotContain(Intent.WANTS_SHOWING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cancel Sunday's showing, can we do Monday at 5?", "cancelamos la visita del sábado, mejor el domingo"})
    void aShowingMovedIsStillWanted(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.WANTS_SHOWING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"we won't stop looking until we find the one", "can we stop by the open house Sunday?"})
    void nearMissesOfWaitingAreNotWaiting(String text) {
        assertThat(read(text).intents()).as(text).doesNotContain(Intent.NOT_NOW);
    }

    // ---- calls, values, prices -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"mañana es mejor para hablar", "en la tarde es mejor para hablar", "call whenever works",
        "call me anytime this week", "me puede marcar temprano?", "me pueden hablar mas tarde?"})
    void aCallInOtherWords(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.WANTS_CALL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"es mejor para hablar en persona en la casa", "whenever you call the lender, ask about rates"})
    void nearMissesOfACallAreNoCall(String text) {
        assertThat(read(text).intents()).as(text).doesNotContain(Intent.WANTS_CALL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"what would 512 Oak Hollow Dr go for", "what's 9 Birch Ln worth nowadays",
        "en cuanto se venden las casas por mi zona? tengo una", "thinking of selling in Downey, what could we get?"})
    void theValueOfAHomeInOtherWords(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.ASKS_HOME_VALUE).doesNotContain(Intent.QUESTION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$600k for a 2 bedroom, are you kidding", "800 mil por una casa vieja, estan locos",
        "un millon por un condo, que barbaridad", "550 for a fixer lol no"})
    void anAmountMetWithDisbeliefIsAPriceObjection(String text) {
        assertThat(read(text).intents()).as(text).contains(Intent.PRICE_TOO_HIGH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"450 for a 3 bedroom sounds good", "300 mil por una casa de 3 cuartos está bien"})
    void anAmountWithoutDisbeliefIsNoObjection(String text) {
        assertThat(read(text).intents()).as(text).doesNotContain(Intent.PRICE_TOO_HIGH);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // numbers an off-limits question is about: a loan's term, a home's price, a holding period, a retirement plan
            "what are rates looking like? like for a 30 yr|TIMELINE",
            "do I owe capital gains if I sell after 3 years|TIMELINE",
            "me cobran impuestos si vendo antes de 2 años?|TIMELINE",
            "what's the property tax on a 900k house there|BUDGET_MAX",
            "cuánto sería el pago mensual de una casa de 400 mil?|BUDGET_MAX",
            "can I pull from my 401k for the down payment|BUDGET_MAX"})
    void numbersAnOffLimitsQuestionIsAboutAreNoSlots(String text, String slot) {
        assertThat(read(text).values(SlotName.valueOf(slot))).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes still paying on it", "don't stop the search, we still want Bayonne", "no pares la búsqueda porfa"})
    void aSideInOtherWords(String text) {
        assertThat(read(text).intents()).as(text).containsAnyOf(Intent.SELLING, Intent.BUYING);
    }

    // ---- slots ---------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // motivations
            "me transfieren a Houston en marzo, hay que vender|MOTIVATION|relocating",
            "nos regresamos a El Salvador, queremos vender|MOTIVATION|relocating",
            "la casa ya nos quedó chica|MOTIVATION|upgrading",
            "it's too much house now that the kids left|MOTIVATION|downsizing",
            "es mucha casa para nosotros dos|MOTIVATION|downsizing",
            "retired last year and want to sell|MOTIVATION|retiring",
            "selling my dad's house, he passed in May|MOTIVATION|inherited",
            // buildings of two or three families
            "busco una casa de 2 familias en Lynn|PROPERTY_TYPE|multi_family",
            "tengo un edificio de 3 familias|PROPERTY_TYPE|multi_family",
            "looking for a two-decker near the T|PROPERTY_TYPE|multi_family",
            // a spouse in the word of some regions
            "lo tengo que hablar con mi mujer|OTHER_DECISION_MAKERS|spouse",
            // pre-approval under way
            "working with Chase on my preapproval|PRE_APPROVAL|in_progress",
            "estoy esperando que el banco me apruebe|PRE_APPROVAL|in_progress",
            "the credit union has my application|PRE_APPROVAL|in_progress",
            // lenders no list holds, named as the one who acts
            "PenFed approved me for 400|LENDER|PenFed",
            "Meritrust has my application|LENDER|Meritrust",
            "ya metí la aplicación con Banco Popular|LENDER|Banco Popular",
            // not listed
            "no está listada|ALREADY_LISTED|no",
            "no está en el mls todavía|ALREADY_LISTED|no",
            // a mortgage still being paid
            "yeah still paying on it|OWES_MORTGAGE|yes",
            "todavía la estamos pagando|OWES_MORTGAGE|yes",
            // a home sold before, a first home at the head
            "sold our old house last year, renting for now|FIRST_TIME_BUYER|no",
            "first home! Lancaster or Palmdale under 450|FIRST_TIME_BUYER|yes",
            // land that comes with a home
            "a mobile home with a little land|MUST_HAVES|acreage",
            "busco casa con un poco de terreno para los animales|MUST_HAVES|acreage",
            // an HOA taken out, a trailer or a boat to park
            "please remove anything with an HOA from my search|MUST_HAVES|no_hoa",
            "que tenga donde estacionar la lancha|MUST_HAVES|rv_parking",
            // no money to fix the home, as a seller's reason
            "no tenemos dinero para repararla, la vendemos como está|MOTIVATION|financial",
            // the lead's own home priced
            "want at least 600 for my house|PRICE_EXPECTATION|600000",
            "quiero por lo menos 500 mil por la casa|PRICE_EXPECTATION|500000",
            // a month in a list of months, an hour named with its part of the day
            "prob march or april|TIMELINE|2",
            "can you call after 8 tonight|CONTACT_TIME|after 20:00",
            "márqueme después de las 9 de la noche|CONTACT_TIME|after 21:00"})
    void slotsInOtherWords(String text, String slot, String value) {
        assertThat(read(text).values(SlotName.valueOf(slot))).as(text).contains(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "se me murió el carro y ando pagando otro|MOTIVATION|inherited",
            "me regreso a la oficina el lunes|MOTIVATION|relocating",
            "somos una familia de 4|PROPERTY_TYPE|multi_family",
            "por favor no volver a escribirme|MOTIVATION|relocating",
            "ya está listada con otra agencia|ALREADY_LISTED|no",
            "I approved the offer|LENDER|I",
            "Everything got approved|LENDER|Everything",
            // land for sale alone, a casita sought, a floor for a search, a truck alone
            "a mobile home with a little land|PROPERTY_TYPE|land",
            "busco una casita en East San Jose|MUST_HAVES|adu",
            "we want 480 for the house we saw|PRICE_EXPECTATION|480000",
            "en Pacoima, donde estacionar la troca y el trailer|PROPERTY_TYPE|manufactured",
            "we'll retire in march or april|TIMELINE|3",
            "can you call after 8 tonight|CONTACT_TIME|evening"})
    void nearMissesReadNoSuchSlot(String text, String slot, String value) {
        assertThat(read(text).values(SlotName.valueOf(slot))).as(text).doesNotContain(value);
    }
}
