package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The learned intent scorer that was tried: deterministic, learns its data, and never touches an opt-out when blended. */
class LearnedIntentModelTest {

    private static final List<LearnedIntentModel.Example> TOY = List.of(
            LearnedIntentModel.example("we need to wait a few months", Set.of(Intent.NOT_NOW)),
            LearnedIntentModel.example("gonna wait till spring", Set.of(Intent.NOT_NOW)),
            LearnedIntentModel.example("hold off for now, waiting on taxes", Set.of(Intent.NOT_NOW)),
            LearnedIntentModel.example("looking for a 3 bed house", Set.of(Intent.BUYING)),
            LearnedIntentModel.example("searching for a condo to buy", Set.of(Intent.BUYING)),
            LearnedIntentModel.example("want to buy a townhouse", Set.of(Intent.BUYING)));

    @Test
    void trainingTwiceGivesTheSameScores() {
        LearnedIntentModel a = LearnedIntentModel.train(TOY, LearnedIntentModel.Training.DEFAULT);
        LearnedIntentModel b = LearnedIntentModel.train(TOY, LearnedIntentModel.Training.DEFAULT);
        assertThat(a.scores("we will wait")).containsExactly(b.scores("we will wait"));
    }

    @Test
    void scoresWhatItWasTaughtAboveWhatItWasNot() {
        LearnedIntentModel model = LearnedIntentModel.train(TOY, LearnedIntentModel.Training.DEFAULT);
        Map<Intent, Double> waiting = model.probabilities("we'll wait until summer");
        Map<Intent, Double> looking = model.probabilities("looking to buy a house");
        assertThat(waiting.get(Intent.NOT_NOW)).isGreaterThan(0.5).isGreaterThan(waiting.get(Intent.BUYING));
        assertThat(looking.get(Intent.BUYING)).isGreaterThan(0.5).isGreaterThan(looking.get(Intent.NOT_NOW));
        assertThat(model.probabilities("anything")).doesNotContainKey(Intent.OPT_OUT);
    }

    @Test
    void aBlendedScorerCannotMakeOrUnmakeAnOptOut() {
        LearnedIntents saysOptOut = folded -> Map.of(Intent.OPT_OUT, 1.0, Intent.BUYING, 1.0);
        MessageUnderstander u = LeadMessageUnderstander.withLearnedIntents(EvaluateCorpus.CORPUS_CLOCK, saysOptOut,
                new IntentReader.Blend(0.1, 0.1, 0.9));
        assertThat(u.understand("looking for a condo").optOut()).isFalse();
        assertThat(u.understand("looking for a condo").intents()).doesNotContain(Intent.OPT_OUT).contains(Intent.BUYING);
        LearnedIntents saysNothing = folded -> Map.of(Intent.OPT_OUT, 0.0);
        assertThat(LeadMessageUnderstander.withLearnedIntents(EvaluateCorpus.CORPUS_CLOCK, saysNothing, new IntentReader.Blend(0.1, 0.1, 0.9))
                .understand("stop texting me").intents()).contains(Intent.OPT_OUT);
    }

    @Test
    void aDenseVectorIsLearnedFromWhereTheWordsSayNothing() {
        // the same words, told apart only by the dense vector (as a sentence embedding would)
        float[] waitVector = {1, 0};
        float[] buyVector = {0, 1};
        List<LearnedIntentModel.Example> examples = List.of(
                new LearnedIntentModel.Example(IntentFeatures.of("ok"), Set.of(Intent.NOT_NOW), waitVector),
                new LearnedIntentModel.Example(IntentFeatures.of("ok"), Set.of(Intent.BUYING), buyVector));
        LearnedIntentModel model = LearnedIntentModel.train(examples, LearnedIntentModel.Training.DEFAULT, List.of(Intent.NOT_NOW, Intent.BUYING));
        Map<Intent, Double> waiting = model.probabilities(IntentFeatures.of("ok"), waitVector);
        Map<Intent, Double> buying = model.probabilities(IntentFeatures.of("ok"), buyVector);
        assertThat(waiting.get(Intent.NOT_NOW)).isGreaterThan(0.5).isGreaterThan(waiting.get(Intent.BUYING));
        assertThat(buying.get(Intent.BUYING)).isGreaterThan(0.5).isGreaterThan(buying.get(Intent.NOT_NOW));
        assertThat(model.intents()).containsExactly(Intent.NOT_NOW, Intent.BUYING);
        assertThatThrownBy(() -> model.probabilities("ok")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dense vector has 0 values; the model was trained on 2");
    }
}
