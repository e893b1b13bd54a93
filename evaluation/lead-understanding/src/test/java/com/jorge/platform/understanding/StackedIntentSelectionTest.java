package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The training of the learned intent reader is deterministic, and the fresh readings it reads cover their parts. */
class StackedIntentSelectionTest {

    private static StackedIntentSelection.Case toy(String text, Set<Intent> labelled, Set<Intent> rules) {
        String folded = FoldedText.of(text).folded();
        float[] embedding = new float[StackedIntentSelection.EMBEDDING_DIM];
        embedding[Math.floorMod(text.hashCode(), embedding.length)] = 1f;
        LabelledMessage m = new LabelledMessage(text, text, "en", LeadSide.UNKNOWN, List.of(), labelled, labelled.contains(Intent.OPT_OUT));
        return new StackedIntentSelection.Case("toy", m, new MessageUnderstanding("en", List.of(), rules, rules.contains(Intent.OPT_OUT)),
                null, folded, embedding, IntentFeatures.of(folded, StackedIntentSelection.BUCKETS));
    }

    private static final List<StackedIntentSelection.Case> TOY = List.of(
            toy("we need to wait a few months", Set.of(Intent.NOT_NOW), Set.of(Intent.NOT_NOW)),
            toy("gonna wait till spring", Set.of(Intent.NOT_NOW), Set.of(Intent.OTHER)),
            toy("hold off for now", Set.of(Intent.NOT_NOW), Set.of(Intent.OTHER)),
            toy("looking for a 3 bed house", Set.of(Intent.BUYING), Set.of(Intent.BUYING)),
            toy("searching for a condo to buy", Set.of(Intent.BUYING), Set.of(Intent.BUYING)),
            toy("stop texting me", Set.of(Intent.OPT_OUT), Set.of(Intent.OPT_OUT)),
            toy("can we see it saturday?", Set.of(Intent.WANTS_SHOWING, Intent.BUYING), Set.of(Intent.QUESTION)));

    @Test
    void trainingTwiceGivesTheSameBytes() {
        for (StackedIntentSelection.Config config : StackedIntentSelection.CONFIGS) {
            byte[] a = StackedIntentSelection.trainBytes(TOY, config, 0.6, 0.1);
            byte[] b = StackedIntentSelection.trainBytes(TOY, config, 0.6, 0.1);
            assertThat(a).as(config.name()).isEqualTo(b);
            StackedIntentReader model = StackedIntentReader.fromBytes(a);
            assertThat(model.intents()).doesNotContain(Intent.OPT_OUT, Intent.OTHER);
            assertThat(model.add()).isEqualTo(0.6, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void theTrainedReaderLearnsWhatItIsTaughtAndLeavesTheOptOut() {
        StackedIntentSelection.Config config = StackedIntentSelection.SHIPPED;
        StackedIntentReader model = StackedIntentReader.fromBytes(StackedIntentSelection.trainBytes(TOY, config, 0.5, 0.5));
        StackedIntentSelection.Case waiting = toy("we will just wait till spring then", Set.of(Intent.NOT_NOW), Set.of(Intent.OTHER));
        StackedIntentSelection.Policy stacked = new StackedIntentSelection.Policy("stacked", 0.5, 0.5);
        assertThat(StackedIntentSelection.answer(model, config, stacked, waiting, false)).contains(Intent.NOT_NOW);
        StackedIntentSelection.Case stop = toy("stop texting me", Set.of(Intent.OPT_OUT), Set.of(Intent.OPT_OUT));
        assertThat(StackedIntentSelection.answer(model, config, stacked, stop, false)).contains(Intent.OPT_OUT);
        StackedIntentSelection.Case notStop = toy("stop texting me", Set.of(Intent.OTHER), Set.of(Intent.OTHER));
        assertThat(StackedIntentSelection.answer(model, config, stacked, notStop, false)).doesNotContain(Intent.OPT_OUT);
    }

    @Test
    void theFreshReadingsCoverWholePartsOfTheCorpus() throws Exception {
        Map<String, Set<String>> ids = new HashMap<>();
        for (String resource : StackedIntentSelection.PARTS) {
            String part = resource.substring(resource.lastIndexOf('/') + 1, resource.indexOf('.'));
            Set<String> partIds = new HashSet<>();
            LabelledMessage.load(resource).forEach(m -> partIds.add(m.id()));
            ids.put(part, partIds);
        }
        Map<String, Set<String>> read = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (String resource : StackedIntentSelection.FRESH_READINGS) {
            try (var in = StackedIntentSelection.class.getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                lines.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            }
        }
        for (String line : lines) {
            String[] cols = line.split("\t");
            assertThat(cols).hasSize(4);
            assertThat(ids).containsKey(cols[0]);
            assertThat(ids.get(cols[0])).contains(cols[1]);
            read.computeIfAbsent(cols[0], k -> new HashSet<>()).add(cols[1]);
        }
        assertThat(read.keySet()).containsExactlyInAnyOrder("heldout-metros", "heldout-2", "heldout-3", "heldout-4", "tuning-optouts",
                "heldout-5", "tuning-kinds", "heldout-7", "heldout-8", "heldout-9", "heldout-10",
                "tuning-families-3", "tuning-families-4", "heldout-11", "tuning-families-5", "tuning-families-6",
                "tuning-families-7", "tuning-families-8", "heldout-12", "tuning-families-9", "tuning-families-10", "heldout-13", "heldout-14",
                "heldout-15", "heldout-16", "heldout-17");
        read.forEach((part, got) -> assertThat(got).as(part).isEqualTo(ids.get(part)));
    }
}
