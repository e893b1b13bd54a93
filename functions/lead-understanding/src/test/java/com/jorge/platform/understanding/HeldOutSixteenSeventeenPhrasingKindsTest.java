package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The families of issue 13's nineteenth round, on heldout-16 and heldout-17 (tuning data since this round). Opt-outs are every one
 * the shipped understander missed on them, each as a family in more words, with near-misses (their two false opt-outs among
 * them), read by the shipped understander (the fine-tuned reader included: OPT_OUT stays the detector's); the slot family is read
 * by the rules alone, as the later rounds' kinds tests are. Every text is written for this test in other words than the corpus's,
 * so a rule that only learned one corpus message fails it.
 */
class HeldOutSixteenSeventeenPhrasingKindsTest {

    private static MessageUnderstanding rules(String text) {
        return SharedUnderstander.RULES.understand(text);
    }

    private static MessageUnderstanding shipped(String text) {
        return SharedUnderstander.WITH_MODEL.understand(text);
    }

    // ---- opt-outs ------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        // the stop word sent again (h16)
        "replying STOP for the 3rd time", "texting stop again bc you clearly ignored it", "I sent STOP yesterday.",
        // "no sigan / no manden" without a clitic, our messages or this phone named (h16)
        "no sigan enviando mensajes, gracias", "no manden más textos a este número por favor", "ya no sigan escribiendo a este cel",
        // a curse that sends us off, starred, as the whole message ("f off" alone stays ANGRY, as heldout-2's n079 labels it)
        "f*** off!!", "F**** OFF",
        // "quit it" as its own sentence (h17)
        "this is a scam and you know it. Quit it!", "just quit it already",
        // "¡basta ya!" as its own sentence after a complaint (h17)
        "siempre lo mismo con ustedes. ¡Basta ya!", "otra vez? ¡ya basta!",
        // a report to the regulator promised after the texts are called harassment, spam or a scam, or named (h17)
        "Third text today. I'm reporting you to the FTC", "this is spam and I will file a complaint with the FCC"
    })
    void everyRequestToStopIsAnOptOut(String text) {
        MessageUnderstanding u = shipped(text);
        assertThat(u.optOut()).as(text).isTrue();
        assertThat(u.intents()).as(text).contains(Intent.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // one kind of home unsubscribed from, the messages kept (h16's false opt-out)
        "only send houses now, unsubscribe me from townhomes", "please unsubscribe us from the condo alerts and keep the land ones coming",
        // "no me dejen de mandar": a wish that the messages go on (h17's false opt-out)
        "no me dejes de mandar casas así, me gustan", "porfa no nos dejen de escribir, seguimos buscando",
        // near-misses of the new families
        "no sigan mandando casas de dos pisos, solo de una planta", "my neighbor reported the builder to the FTC last year",
        // a report threat alone stays a possible opt-out (held for a person), not an opt-out
        "I'm going to report this number to the FCC",
        "my kid keeps sending stop motion videos lol", "I might quit it, the job I mean, then we move"})
    void nearMissesAreNotOptOuts(String text) {
        assertThat(shipped(text).optOut()).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"unsubscribe me from the condo texts", "unsubscribe me from your list"})
    void aListOrTheTextsUnsubscribedFromStayOptOuts(String text) {
        assertThat(shipped(text).optOut()).as(text).isTrue();
    }

    // ---- an approval still awaited (h16-108, h16-447, h17-114, h17-187, h17-316, h17-373) --------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"aún no nos aprueban, ya llevamos dos semanas", "el lender dice que ya mero nos aprueban",
        "la credit union todavía está revisando todo", "estamos esperando que el banco nos conteste", "applied online at Chase yesterday",
        "le falta la respuesta del pre-approval"})
    void anApprovalAwaitedIsInProgress(String text) {
        assertThat(rules(text).value(SlotName.PRE_APPROVAL)).as(text).contains("in_progress");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ya nos aprobaron con el banco, hasta 250"})
    void anApprovalGivenStaysYes(String text) {
        assertThat(rules(text).value(SlotName.PRE_APPROVAL)).as(text).contains("yes");
    }
}
