package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The opt-out families of heldout-18 (issue 13, twentieth round; tuning data since its read after the round): its two missed
 * requests to stop and its three false ones, each as a family in other words than the corpus's, read by the shipped
 * understander (the fine-tuned reader included).
 */
class HeldOutEighteenOptOutKindsTest {

    private static MessageUnderstanding shipped(String text) {
        return SharedUnderstander.WITH_MODEL.understand(text);
    }

    /** "párale con tus mensajitos" (any word for the texts, diminutives too) and "que me dejéis en paz" (a subjunctive). */
    @ParameterizedTest
    @ValueSource(strings = {"ya párale con tus textitos, qué lata", "órale, párale con los mensajotes ya",
            "carajo, que me dejéis en paz de una vez", "que nos dejéis tranquilos, hombre"})
    void aStopInSpanishWordsTheRulesMissedIsAnOptOut(String text) {
        assertThat(shipped(text).optOut()).as(text).isTrue();
    }

    /** A stop taken back in the same message is not obeyed, and not answered either: a person reads it. */
    @ParameterizedTest
    @ValueSource(strings = {"STOP lol jk keep em coming, love these", "unsubscribe?? nah keep them coming",
            "Stop, no me borren, sí me interesa la de Alvin", "stop... just kidding, send me the Clute ones"})
    void aStopTakenBackIsHeldForAPerson(String text) {
        MessageUnderstanding read = shipped(text);
        assertThat(read.optOut()).as(text).isFalse();
        assertThat(read.possibleOptOut()).as(text).isTrue();
    }

    /** The list of one showing or open house left, not our messages. */
    @ParameterizedTest
    @ValueSource(strings = {"remove me from the list for the Elm St open house, can't make it",
            "please take me off the rsvp list for saturday's showing, I still want to see it another day"})
    void leavingTheListOfAnEventIsNoOptOut(String text) {
        assertThat(shipped(text).optOut()).as(text).isFalse();
    }
}
