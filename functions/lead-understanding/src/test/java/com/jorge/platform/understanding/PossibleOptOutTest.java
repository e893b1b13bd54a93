package com.jorge.platform.understanding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The possible-opt-out signal: messages that may ask us to stop without the opt-out rules confirming it are flagged;
 * ordinary messages, including the near-misses the rules know ("bus stop", "stop sending me condos, only houses"),
 * are not; a confirmed opt-out is never also a possible one. Phrasings written for this test, not taken from the corpus.
 */
class PossibleOptOutTest {

    private static MessageUnderstanding read(String text) {
        return SharedUnderstander.PATTERNS_ONLY.understand(text, LeadSide.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "honestly just quit it, I'm not doing this",
            "I am reporting this number to the FCC",
            "this is harassment and my attorney is going to hear about you",
            "wtf man, every day??",
            "can you not message me like every day",
            "please cancel these reminder texts",
            "eso es acoso, ya me tienen harto",
            "no me anden mandando cosas",
            "los voy a demandar",
            "basta!!",
            "qué pinche fastidio con ustedes",
            "st0p it already, seriously"})
    void aProbableRequestToStopIsFlaggedWhenTheRulesDoNotConfirmIt(String text) {
        MessageUnderstanding u = read(text);
        assertThat(u.optOut() || u.possibleOptOut()).as(text).isTrue();
        assertThat(u.optOut() && u.possibleOptOut()).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "we'd love a 3 bed near the light rail, budget 420k",
            "the bus stop on the corner is handy for the kids",
            "stop by Saturday morning if you want to see the kitchen",
            "quit renting last year, now we own",
            "remove the townhomes from my search, only single family",
            "can we cancel the 3pm tour and do Sunday instead?",
            "do I need a lawyer to sell if the house is in a trust?",
            "ya no rentamos, queremos comprar en Kyle",
            "el precio está un poco alto, ¿aceptan ofertas?",
            "no dejen de mandarme opciones en Buda porfa",
            "my parents want to see it too",
            "Stop! that backyard is gorgeous, is it still available?"})
    void anOrdinaryMessageIsNotFlagged(String text) {
        MessageUnderstanding u = read(text);
        assertThat(u.optOut()).as(text).isFalse();
        assertThat(u.possibleOptOut()).as(text).isFalse();
    }

    @Test
    void aConfirmedOptOutIsNeverAlsoPossible() {
        MessageUnderstanding u = read("STOP texting me");
        assertThat(u.optOut()).isTrue();
        assertThat(u.possibleOptOut()).isFalse();
        // the cues alone would have caught it: what the leave-rules-out measure counts
        assertThat(LeadMessageUnderstander.possibleOptOutCue("STOP texting me")).isTrue();
        assertThat(new MessageUnderstanding("en", java.util.List.of(), java.util.Set.of(Intent.OPT_OUT), true, true).possibleOptOut()).isFalse();
    }

    @Test
    void aDisguisedStopWordIsStillACue() {
        assertThat(LeadMessageUnderstander.possibleOptOutCue("S\u200bTOP bugging us")).isTrue();
        assertThat(LeadMessageUnderstander.possibleOptOutCue("ｑｕｉｔ it")).isTrue();
    }
}
