package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The learned OTHER fallback can neither make an opt-out nor change what the rules read as anything but OTHER. */
class OtherIntentFallbackTest {

    private static final int BUCKETS = 1 << 6;
    private static final int DIM = 4;
    private static final List<Intent> CONTENT = List.of(Intent.WANTS_CALL, Intent.NOT_NOW, Intent.BUYING);

    /** A model that names every intent it knows for every text: the worst case for what it may touch. */
    private static OtherIntentFallback eager() {
        float[] bias = new float[CONTENT.size()];
        Arrays.fill(bias, 20f);
        return OtherIntentFallback.fromBytes(OtherIntentFallback.write(CONTENT, BUCKETS, DIM, 0.5, bias,
                new float[CONTENT.size() * BUCKETS], new float[CONTENT.size() * DIM]));
    }

    private static final float[] EMBEDDING = {0.5f, 0.5f, 0.5f, 0.5f};

    @Test
    void replacesOtherAloneAndNothingElse() {
        OtherIntentFallback model = eager();
        MessageUnderstanding other = new MessageUnderstanding("en", List.of(), Set.of(Intent.OTHER), false);
        assertThat(model.apply(other, "whatever", EMBEDDING).intents()).containsExactlyInAnyOrderElementsOf(CONTENT);
        for (Set<Intent> found : List.of(Set.of(Intent.QUESTION), Set.of(Intent.AFFIRMATIVE), Set.of(Intent.OTHER, Intent.QUESTION),
                Set.of(Intent.SELLING), Set.of(Intent.NOT_INTERESTED, Intent.NEGATIVE))) {
            MessageUnderstanding rules = new MessageUnderstanding("en", List.of(), found, false);
            assertThat(model.apply(rules, "whatever", EMBEDDING)).isSameAs(rules);
        }
        MessageUnderstanding optOut = new MessageUnderstanding("en", List.of(), Set.of(Intent.OPT_OUT), true);
        assertThat(model.apply(optOut, "stop", EMBEDDING)).isSameAs(optOut);
    }

    @Test
    void leavesOtherWhereNothingReachesTheThreshold() {
        MessageUnderstanding other = new MessageUnderstanding("en", List.of(), Set.of(Intent.OTHER), false);
        assertThat(eager().apply(other, "whatever", EMBEDDING, 1.01)).isSameAs(other);
    }

    @Test
    void refusesAModelThatNamesOptOutOrOther() {
        for (Intent never : List.of(Intent.OPT_OUT, Intent.OTHER)) {
            assertThatThrownBy(() -> OtherIntentFallback.write(List.of(never), BUCKETS, DIM, 0.5, new float[1], new float[BUCKETS],
                    new float[DIM])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(never.name());
        }
    }

    @Test
    void theShippedModelNamesNoOptOut() {
        OtherIntentFallback shipped = OtherIntentFallback.loadDefault().orElseThrow();
        float[] e = new float[384];
        e[0] = 1;
        assertThat(shipped.read("stop texting me", e, 0.0)).doesNotContain(Intent.OPT_OUT, Intent.OTHER);
    }

    /**
     * Through the understander with a model that names every intent it knows wherever it is asked: only the messages read
     * as OTHER alone change, and some do; opt-outs and every other reading stay as they were.
     */
    @Test
    void anEagerModelInTheUnderstanderTouchesOnlyOtherAlone() {
        float[] bias = new float[CONTENT.size()];
        Arrays.fill(bias, 20f);
        OtherIntentFallback eager384 = OtherIntentFallback.fromBytes(OtherIntentFallback.write(CONTENT, BUCKETS, 384, 0.5, bias,
                new float[CONTENT.size() * BUCKETS], new float[CONTENT.size() * 384]));
        LeadMessageUnderstander off = SharedUnderstander.RULES.withOtherFallback(LeadMessageUnderstander.OtherFallback.OFF);
        LeadMessageUnderstander every = SharedUnderstander.RULES.withOtherFallback(LeadMessageUnderstander.OtherFallback.EVERY, eager384);
        int changed = 0;
        for (String text : List.of("STOP", "unsubscribe me", "no more texts pls", "yes", "no thanks", "call me tomorrow at 5",
                "we already have a realtor", "hmm let me think about it", "my cousin might be interested idk", "k", "whatever man",
                "lol who is this", "3 bed 2 bath under 400k", "ok")) {
            MessageUnderstanding rules = off.understand(text);
            MessageUnderstanding with = every.understand(text);
            if (rules.intents().equals(Set.of(Intent.OTHER))) {
                assertThat(with.intents()).as(text).containsExactlyInAnyOrderElementsOf(CONTENT);
                changed++;
            } else {
                assertThat(with).as(text).isEqualTo(rules);
            }
            assertThat(with.optOut()).as(text).isEqualTo(rules.optOut());
        }
        assertThat(changed).isPositive();
    }

    /** Through the understander, asked wherever it answers OTHER: what was not OTHER alone is unchanged, opt-outs included. */
    @ParameterizedTest
    @ValueSource(strings = {"STOP", "unsubscribe me", "please stop texting me", "yes", "no thanks", "call me tomorrow at 5",
        "we already have a realtor", "what's my house worth?", "3 bed 2 bath under 400k", "hmm let me think about it",
        "my cousin might be interested idk", "quiero vender mi casa", "k", "whatever man", "can you send pics of the kitchen",
        "hit me up after the holidays", "lol who is this"})
    void theUnderstanderChangesOnlyOtherAlone(String text) {
        LeadMessageUnderstander off = SharedUnderstander.RULES.withOtherFallback(LeadMessageUnderstander.OtherFallback.OFF);
        LeadMessageUnderstander every = SharedUnderstander.RULES.withOtherFallback(LeadMessageUnderstander.OtherFallback.EVERY);
        MessageUnderstanding rules = off.understand(text);
        MessageUnderstanding with = every.understand(text);
        assertThat(with.optOut()).isEqualTo(rules.optOut());
        assertThat(with.slots()).isEqualTo(rules.slots());
        if (!rules.intents().equals(Set.of(Intent.OTHER))) {
            assertThat(with).isEqualTo(rules);
        } else {
            assertThat(with.intents()).doesNotContain(Intent.OPT_OUT);
        }
    }
}
