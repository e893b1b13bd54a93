package com.jorge.platform.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether {@link LearnedIntentModel} blended with the rules ({@link IntentReader.Blend}) reads intents
 * better than the rules alone: 5-fold cross-validation on tuning parts only, each fold scored with a
 * model trained on the other folds (plus {@code alwaysTrain}), patterns and model, no embedding.
 * Prints exact-set intent accuracy per pair of thresholds and, at 0.5, how many of the intents the
 * model added were right. {@code evaluate.sh --blend-cross-validation}.
 */
final class IntentBlendCrossValidation {

    static final int FOLDS = 5;
    private static final double[] ADD = {0.3, 0.5, 0.7, 0.9, 2.0};
    private static final double[] ADD_WHEN_NOTHING = {0.3, 0.5, 0.7, 0.9, 2.0};

    private IntentBlendCrossValidation() {
    }

    /**
     * Folds over {@code scored}; {@code alwaysTrain} is in every fold's training set and never scored
     * (parts the rules were written from: there they look perfect and any addition looks wrong).
     */
    static void print(String title, List<LabelledMessage> alwaysTrain, List<LabelledMessage> scored) {
        int[][] exact = new int[ADD.length][ADD_WHEN_NOTHING.length];
        int[][] added = new int[LearnedIntentModel.LEARNED.size()][4];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<LearnedIntentModel.Example> train = new ArrayList<>();
            alwaysTrain.forEach(m -> train.add(LearnedIntentModel.example(m.text(), m.intents())));
            List<LabelledMessage> test = new ArrayList<>();
            for (int i = 0; i < scored.size(); i++) {
                LabelledMessage m = scored.get(i);
                if (i % FOLDS == fold) {
                    test.add(m);
                } else {
                    train.add(LearnedIntentModel.example(m.text(), m.intents()));
                }
            }
            LearnedIntentModel model = LearnedIntentModel.train(train, LearnedIntentModel.Training.DEFAULT);
            countAdditions(model, test, added);
            for (int a = 0; a < ADD.length; a++) {
                for (int n = 0; n < ADD_WHEN_NOTHING.length; n++) {
                    MessageUnderstander u = LeadMessageUnderstander.withLearnedIntents(EvaluateCorpus.CORPUS_CLOCK, model,
                            new IntentReader.Blend(ADD_WHEN_NOTHING[n], ADD[a], 0.0));
                    exact[a][n] += CorpusEvaluation.evaluate(u, test).intentSetsExact();
                }
            }
        }
        System.out.printf("blend cross-validation, %s: %d folds of %d messages%n", title, FOLDS, scored.size());
        System.out.println("exact-set intent accuracy; rows: add from this probability where the rules found an intent the model scores,"
                + " columns: where they found none (2 = never; 2/2 = rules alone)");
        StringBuilder head = new StringBuilder("          ");
        for (double n : ADD_WHEN_NOTHING) {
            head.append(String.format(Locale.ROOT, "%8.1f", n));
        }
        System.out.println(head);
        for (int a = 0; a < ADD.length; a++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%10.1f", ADD[a]));
            for (int n = 0; n < ADD_WHEN_NOTHING.length; n++) {
                row.append(String.format(Locale.ROOT, "%8.3f", exact[a][n] / (double) scored.size()));
            }
            System.out.println(row);
        }
        System.out.println("intents the model added at 0.5, right/wrong: where the rules found none | where they found some");
        for (int k = 0; k < LearnedIntentModel.LEARNED.size(); k++) {
            System.out.printf(Locale.ROOT, "  %-20s %3d/%-3d | %3d/%-3d%n", LearnedIntentModel.LEARNED.get(k), added[k][0], added[k][1],
                    added[k][2], added[k][3]);
        }
    }

    private static void countAdditions(LearnedIntentModel model, List<LabelledMessage> test, int[][] added) {
        MessageUnderstander rulesAlone = LeadMessageUnderstander.withLearnedIntents(EvaluateCorpus.CORPUS_CLOCK, model,
                IntentReader.Blend.NONE);
        MessageUnderstander blended = LeadMessageUnderstander.withLearnedIntents(EvaluateCorpus.CORPUS_CLOCK, model,
                new IntentReader.Blend(0.5, 0.5, 0.0));
        for (LabelledMessage m : test) {
            Set<Intent> rules = rulesAlone.understand(m.text(), m.side()).intents();
            boolean nothing = rules.stream().noneMatch(LearnedIntentModel.LEARNED::contains);
            for (Intent i : blended.understand(m.text(), m.side()).intents()) {
                int k = LearnedIntentModel.LEARNED.indexOf(i);
                if (k >= 0 && !rules.contains(i)) {
                    added[k][(nothing ? 0 : 2) + (m.intents().contains(i) ? 0 : 1)]++;
                }
            }
        }
    }
}
