package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jorge.platform.config.PlatformConfig;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The learned reader of the full intent set: it loads, it can neither make nor unmake an opt-out, and it keeps the set consistent. */
class StackedIntentReaderTest {

    private static final int BUCKETS = 1 << 6;
    private static final List<Intent> LEARNED = Arrays.stream(Intent.values())
            .filter(i -> i != Intent.OPT_OUT && i != Intent.OTHER).toList();

    /** A model whose every probability is the logistic of {@code bias}, whatever it reads. */
    private static StackedIntentReader constant(float bias, int embeddingDim, double add, double drop) {
        float[] b = new float[LEARNED.size()];
        Arrays.fill(b, bias);
        return StackedIntentReader.fromBytes(StackedIntentReader.write(LEARNED, BUCKETS, embeddingDim, add, drop, b,
                new float[LEARNED.size() * BUCKETS], new float[LEARNED.size() * StackedIntentReader.denseDim(embeddingDim)]));
    }

    private static MessageUnderstanding understanding(Set<Intent> intents, boolean optOut) {
        return new MessageUnderstanding("en", List.of(), intents, optOut);
    }

    @Test
    void anEagerModelNeverMakesAnOptOut() {
        StackedIntentReader eager = constant(20f, 0, 0.5, 0.5);
        MessageUnderstanding read = eager.apply(understanding(Set.of(Intent.OTHER), false),
                "well we have been thinking about all of it for a while", new float[0]);
        assertThat(read.intents()).doesNotContain(Intent.OPT_OUT, Intent.OTHER).contains(Intent.NOT_NOW, Intent.SELLING);
        assertThat(read.optOut()).isFalse();
        // one answer, not both; no QUESTION beside a more specific question
        assertThat(read.intents()).doesNotContain(Intent.QUESTION).containsAnyOf(Intent.AFFIRMATIVE, Intent.NEGATIVE);
        assertThat(read.intents().contains(Intent.AFFIRMATIVE) && read.intents().contains(Intent.NEGATIVE)).isFalse();
    }

    /**
     * The guard: an eager model adds no stage-moving intent to a short reply or to one that names a time to meet (read by
     * its conversation, which the reader does not see), nor NOT_NOW against a timeline of at most three months; it still adds
     * what shapes the reply (a side, a value question). What the rules named stays.
     */
    @Test
    void anEagerModelMovesNoStageOnAShortReplyOrATimeToMeet() {
        StackedIntentReader eager = constant(20f, 0, 0.5, 0.5);
        for (String reply : List.of("can we move it?", "maybe", "el sábado a las 10", "after 5 tomorrow", "mañana por la mañana")) {
            Set<Intent> read = eager.apply(understanding(Set.of(Intent.QUESTION), false), FoldedText.of(reply).folded(), new float[0]).intents();
            assertThat(read).as(reply).doesNotContainAnyElementsOf(StackedIntentReader.STAGE_MOVING).contains(Intent.SELLING, Intent.ASKS_HOME_VALUE);
        }
        Slot time = new Slot(SlotName.CONTACT_TIME, "saturday 10:00", 20, 38);
        MessageUnderstanding withTime = new MessageUnderstanding("en", List.of(time), Set.of(Intent.OTHER), false);
        assertThat(eager.apply(withTime, "could you do it on saturday at 10 instead", new float[0]).intents())
                .doesNotContainAnyElementsOf(StackedIntentReader.STAGE_MOVING);
        Slot soon = new Slot(SlotName.TIMELINE, "2", 22, 30);
        MessageUnderstanding outSoon = new MessageUnderstanding("en", List.of(soon), Set.of(Intent.OTHER), false);
        assertThat(eager.apply(outSoon, "we need to be out of here in 2 months", new float[0]).intents())
                .doesNotContain(Intent.NOT_NOW).contains(Intent.WANTS_CALL);
        // what the rules named is theirs
        MessageUnderstanding ruled = understanding(EnumSet.of(Intent.WANTS_SHOWING), false);
        assertThat(eager.apply(ruled, "can we see it?", new float[0]).intents()).contains(Intent.WANTS_SHOWING);
        assertThat(StackedIntentReader.words("el sábado, a las 10!")).isEqualTo(5);
    }

    @Test
    void anOptOutStaysAnOptOutWithNoSideAndNoCall() {
        StackedIntentReader eager = constant(20f, 0, 0.5, 0.5);
        MessageUnderstanding optOut = understanding(Set.of(Intent.OPT_OUT), true);
        MessageUnderstanding read = eager.apply(optOut, "stop", new float[0]);
        assertThat(read.optOut()).isTrue();
        assertThat(read.intents()).contains(Intent.OPT_OUT).doesNotContain(Intent.SELLING, Intent.BUYING, Intent.WANTS_CALL, Intent.OTHER);
        StackedIntentReader refusing = constant(-20f, 0, 0.5, 0.5);
        MessageUnderstanding both = understanding(Set.of(Intent.OPT_OUT, Intent.NEGATIVE), true);
        assertThat(refusing.apply(both, "no. stop", new float[0]).intents()).containsExactly(Intent.OPT_OUT);
    }

    @Test
    void whatARefusingModelRemovesLeavesOther() {
        StackedIntentReader refusing = constant(-20f, 0, 0.5, 0.5);
        assertThat(refusing.apply(understanding(Set.of(Intent.BUYING, Intent.QUESTION), false), "x", new float[0]).intents())
                .containsExactly(Intent.OTHER);
        // below its drop threshold only
        StackedIntentReader keeps = constant(-20f, 0, 0.5, 0.0);
        MessageUnderstanding rules = understanding(Set.of(Intent.BUYING), false);
        assertThat(keeps.apply(rules, "x", new float[0])).isSameAs(rules);
    }

    @Test
    void refusesAModelThatNamesOptOutOrOtherOrHasTheWrongShape() {
        for (Intent never : List.of(Intent.OPT_OUT, Intent.OTHER)) {
            assertThatThrownBy(() -> StackedIntentReader.write(List.of(never), BUCKETS, 0, 0.5, 0.5, new float[1], new float[BUCKETS],
                    new float[StackedIntentReader.denseDim(0)])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(never.name());
        }
        assertThatThrownBy(() -> StackedIntentReader.write(List.of(Intent.BUYING), BUCKETS, 0, 0.5, 0.5, new float[1], new float[BUCKETS],
                new float[3])).isInstanceOf(IllegalArgumentException.class);
        StackedIntentReader model = constant(0f, 4, 0.5, 0.5);
        assertThatThrownBy(() -> model.probabilities("x", new float[3], Set.of(), List.of(), "en")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShippedModelLoadsAndNamesNoOptOut() {
        StackedIntentReader shipped = StackedIntentReader.loadDefault().orElseThrow();
        assertThat(shipped.intents()).doesNotContain(Intent.OPT_OUT, Intent.OTHER).contains(Intent.NOT_NOW, Intent.SELLING, Intent.QUESTION);
        float[] embedding = new float[shipped.embeddingDim()];
        double[] p = shipped.probabilities("stop texting me", embedding, EnumSet.of(Intent.OPT_OUT), List.of(), "en");
        assertThat(p).hasSize(shipped.intents().size());
        assertThat(Arrays.stream(p).allMatch(v -> v >= 0 && v <= 1)).isTrue();
    }

    @Test
    void theSettingIsReadFromConfiguration() {
        assertThat(LeadMessageUnderstander.IntentReading.fromConfig(PlatformConfig.of(Map.of("JORGE_UNDERSTANDING_INTENT_READER", "Stacked"))))
                .isEqualTo(LeadMessageUnderstander.IntentReading.STACKED);
        assertThat(LeadMessageUnderstander.IntentReading.fromConfig(PlatformConfig.of(Map.of("JORGE_UNDERSTANDING_INTENT_READER", "rules"))))
                .isEqualTo(LeadMessageUnderstander.IntentReading.RULES);
        assertThat(LeadMessageUnderstander.IntentReading.fromConfig(PlatformConfig.of(Map.of())))
                .isEqualTo(LeadMessageUnderstander.DEFAULT_INTENT_READING);
        assertThatThrownBy(() -> LeadMessageUnderstander.IntentReading.fromConfig(PlatformConfig.of(Map.of("JORGE_UNDERSTANDING_INTENT_READER", "maybe"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JORGE_UNDERSTANDING_INTENT_READER");
    }

    /** Through the understander with the shipped model: the opt-out verdict and the slots are the rules', whatever it reads. */
    @ParameterizedTest
    @ValueSource(strings = {"STOP", "unsubscribe me", "please stop texting me", "BAJA", "ya no me manden mensajes", "yes", "no thanks",
        "call me tomorrow at 5", "we already have a realtor", "what's my house worth?", "3 bed 2 bath under 400k",
        "hmm let me think about it", "quiero vender mi casa", "stop by the house friday", "don't stop sending listings",
        "lol who is this", "nah stop texting me", "hit me up after the holidays"})
    void theOptOutAndTheSlotsAreTheRules(String text) {
        LeadMessageUnderstander rules = SharedUnderstander.WITH_MODEL.withIntentReader(LeadMessageUnderstander.IntentReading.RULES);
        LeadMessageUnderstander stacked = SharedUnderstander.WITH_MODEL.withIntentReader(LeadMessageUnderstander.IntentReading.STACKED);
        MessageUnderstanding r = rules.understand(text);
        MessageUnderstanding s = stacked.understand(text);
        assertThat(s.optOut()).isEqualTo(r.optOut());
        assertThat(s.intents().contains(Intent.OPT_OUT)).isEqualTo(r.optOut());
        assertThat(s.slots()).isEqualTo(r.slots());
        assertThat(s.language()).isEqualTo(r.language());
    }

    /**
     * What the shipped reader adds where the rules miss, in words of no corpus part (written for this test): a value question in
     * other words is ASKS_HOME_VALUE (and no longer a bare QUESTION), a reason to wait without a word the rules know is NOT_NOW;
     * what the rules already read right stays.
     */
    @Test
    void theShippedReaderAddsWhatTheRulesMissAndKeepsWhatTheyRead() {
        LeadMessageUnderstander rules = SharedUnderstander.WITH_MODEL.withIntentReader(LeadMessageUnderstander.IntentReading.RULES);
        LeadMessageUnderstander stacked = SharedUnderstander.WITH_MODEL.withIntentReader(LeadMessageUnderstander.IntentReading.STACKED);
        assertThat(rules.understand("what would ours go for these days").intents()).containsExactly(Intent.QUESTION);
        assertThat(stacked.understand("what would ours go for these days").intents()).containsExactly(Intent.ASKS_HOME_VALUE);
        assertThat(rules.understand("we gotta wait till the kids finish school").intents()).containsExactly(Intent.OTHER);
        assertThat(stacked.understand("we gotta wait till the kids finish school").intents()).containsExactly(Intent.NOT_NOW);
        // a lead with a timeline within three months is not deferring, whatever the model reads (the motivated-seller persona)
        assertThat(stacked.understand("We need to be out in 2 months").intents()).doesNotContain(Intent.NOT_NOW);
        // replies the bots read in their conversation: no stage moved (the shipped model read WANTS_SHOWING into the first,
        // which sent BookingThroughTheWorkerTest's reschedule past the booking, and WANTS_CALL, NOT_NOW into the others)
        for (String reply : List.of("can we move it?", "maybe", "el sábado a las 10", "after 5 tomorrow", "mañana por la mañana", "late",
                "time you gave")) {
            assertThat(stacked.understand(reply).intents()).as(reply).doesNotContainAnyElementsOf(StackedIntentReader.STAGE_MOVING);
        }
        for (String kept : List.of("thinking of selling next year", "call me when you can", "nope not interested", "stop texting me",
                "can we go see it", "ahorita no, gracias")) {
            assertThat(stacked.understand(kept).intents()).as(kept).containsAll(rules.understand(kept).intents());
        }
        // the default from the tenth round to the fifteenth; since the sixteenth the fine-tuned reader edits its set after it
        assertThat(LeadMessageUnderstander.DEFAULT_INTENT_READING).isEqualTo(LeadMessageUnderstander.IntentReading.FINE_TUNED);
    }
}
