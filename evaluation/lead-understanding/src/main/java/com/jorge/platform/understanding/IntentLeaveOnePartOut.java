package com.jorge.platform.understanding;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The leave-one-part-out protocol of this module's README: for each training part, learned readers are
 * trained on the other four and scored on it; every threshold is chosen by the same protocol inside the
 * four training parts. Candidates: the rules alone (in-sample: an upper bound), {@link LearnedIntentModel}
 * over every intent alone, reading n-grams, a MiniLM embedding or both (the only fair estimates), the rules with form intents and the model's content
 * intents, the rules blended with the model ({@link IntentReader.Blend}), and a learned opt-out added to the
 * rules' with a cut-off above every inner-fold non-opt-out. {@code evaluate.sh --leave-one-part-out}.
 */
final class IntentLeaveOnePartOut {

    /** Every intent a learned reader alone must name; OTHER is what it says when it names none. */
    static final List<Intent> ALL = Arrays.stream(Intent.values()).filter(i -> i != Intent.OTHER).toList();
    /** Intents the rules read from a message's form, kept from the rules by the "form + learned content" candidate. */
    private static final Set<Intent> FORM = EnumSet.of(Intent.OPT_OUT, Intent.AFFIRMATIVE, Intent.NEGATIVE, Intent.QUESTION, Intent.GREETING);
    private static final Set<Intent> SPECIFIC_QUESTIONS = EnumSet.of(
            Intent.WANTS_CALL, Intent.WANTS_SHOWING, Intent.ASKS_HOME_VALUE, Intent.OFF_LIMITS_QUESTION, Intent.GREETING);
    private static final double[] ADD_WHEN_NOTHING = {0.3, 0.4, 0.5, 0.7, 0.9, 2.0};
    private static final double[] ADD = {0.5, 0.7, 0.9, 2.0};
    private static final double LEARNED_ALONE = 0.5;

    /** The blend fixed before scoring: add what the model finds at 0.5 only where the rules found nothing it scores. */
    static final IntentReader.Blend FIXED_BLEND = new IntentReader.Blend(0.5, 2.0, 0.0);

    /** One part's figures for one candidate. */
    record Score(int messages, int exact, int optOutsExpected, int optOutsFound, int falseOptOuts) {
        double accuracy() {
            return exact / (double) messages;
        }

        double optOutRecall() {
            return optOutsExpected == 0 ? 1.0 : optOutsFound / (double) optOutsExpected;
        }
    }

    /**
     * A message with what the rules alone make of it, computed once (the rules do not change between folds),
     * its n-gram features and its unit-length MiniLM embedding.
     */
    private record Case(LabelledMessage message, MessageUnderstanding rules, int[] features, float[] embedding) {}

    /** What a learned model reads of a message. */
    enum Reads {
        NGRAMS, EMBEDDING, BOTH;

        LearnedIntentModel.Example example(Case c) {
            return new LearnedIntentModel.Example(this == EMBEDDING ? new int[0] : c.features(), c.message().intents(),
                    this == NGRAMS ? new float[0] : c.embedding());
        }

        Map<Intent, Double> probabilities(LearnedIntentModel model, Case c) {
            LearnedIntentModel.Example e = example(c);
            return model.probabilities(e.features(), e.dense());
        }
    }

    private final MessageUnderstander rulesAlone = LeadMessageUnderstander.patternsOnly(EvaluateCorpus.CORPUS_CLOCK);
    private final MiniLmEmbeddings embeddings = MiniLmEmbeddings.load();
    private final CurrentScores scores = new CurrentScores();
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private final List<Long> embedNanos = new ArrayList<>();
    private final Map<IntentReader.Blend, MessageUnderstander> blended = new HashMap<>();

    private IntentLeaveOnePartOut() {
    }

    static void print(Map<String, List<LabelledMessage>> parts) {
        new IntentLeaveOnePartOut().run(parts);
    }

    /**
     * One part scored by the rules blended with a model trained on the other parts, at {@link #FIXED_BLEND} (and,
     * for the record only, every cell of the grid). Meant to run on the classes of a commit whose rules had not yet
     * been developed on {@code scored} (heldout-3 on 13ecb1d), where the rules are out of sample as a blend's are on
     * fresh text; on today's classes it measures the rules in-sample.
     */
    static void printFixedBlend(Map<String, List<LabelledMessage>> named, String scored) {
        if (!named.containsKey(scored)) {
            throw new IllegalArgumentException("--fixed-blend-on: no training part named " + scored + "; the parts are " + named.keySet());
        }
        IntentLeaveOnePartOut run = new IntentLeaveOnePartOut();
        List<Case> test = named.get(scored).stream().map(run::toCase).toList();
        List<Case> train = named.entrySet().stream().filter(e -> !e.getKey().equals(scored))
                .flatMap(e -> e.getValue().stream().map(run::toCase)).toList();
        LearnedIntentModel content = train(train, LearnedIntentModel.LEARNED);
        System.out.printf(Locale.ROOT, "%s, rules alone: %.3f%n", scored, score(test, Case::rules).accuracy());
        System.out.printf(Locale.ROOT, "%s, rules + model at the fixed blend %s: %.3f%n", scored, FIXED_BLEND,
                score(test, c -> run.blended(content, FIXED_BLEND, c)).accuracy());
        // a fallback consulted only where the rules answer OTHER alone: the model's content intents from a threshold
        LearnedIntentModel contentBoth = train(train, LearnedIntentModel.LEARNED, Reads.BOTH);
        for (double t : new double[] {0.3, 0.4, 0.5, 0.6, 0.7, 0.8}) {
            System.out.printf(Locale.ROOT, "%s, rules + fallback where they answer OTHER, from %.1f: n-grams %.3f, n-grams + MiniLM %.3f%n", scored, t,
                    score(test, c -> otherFallback(content, Reads.NGRAMS, t, c)).accuracy(),
                    score(test, c -> otherFallback(contentBoth, Reads.BOTH, t, c)).accuracy());
        }
        for (double n : ADD_WHEN_NOTHING) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  where the rules found nothing, add from %.1f:", n));
            for (double a : ADD) {
                IntentReader.Blend b = new IntentReader.Blend(n, a, 0.0);
                row.append(String.format(Locale.ROOT, " %.3f (elsewhere from %.1f)", score(test, c -> run.blended(content, b, c)).accuracy(), a));
            }
            System.out.println(row);
        }
    }

    private void run(Map<String, List<LabelledMessage>> named) {
        Map<String, List<Case>> parts = new LinkedHashMap<>();
        named.forEach((name, messages) -> parts.put(name, messages.stream().map(this::toCase).toList()));
        Map<String, Map<String, Score>> table = new LinkedHashMap<>();
        for (String scored : parts.keySet()) {
            Map<String, List<Case>> training = new LinkedHashMap<>(parts);
            List<Case> test = training.remove(scored);
            List<Case> trainAll = training.values().stream().flatMap(List::stream).toList();
            LearnedIntentModel every = train(trainAll, ALL);
            LearnedIntentModel content = train(trainAll, LearnedIntentModel.LEARNED);
            LearnedIntentModel everyEmbedding = train(trainAll, ALL, Reads.EMBEDDING);
            LearnedIntentModel everyBoth = train(trainAll, ALL, Reads.BOTH);
            LearnedIntentModel contentBoth = train(trainAll, LearnedIntentModel.LEARNED, Reads.BOTH);
            if (table.isEmpty()) {
                printCost(every, trainAll);
            }
            IntentReader.Blend blend = chooseBlend(training);
            double optOutCut = chooseOptOutCut(training);
            System.out.printf(Locale.ROOT, "scoring %s: blend chosen in its training parts %s, learned opt-out cut-off %.3f%n", scored, blend,
                    optOutCut);
            put(table, "rules alone (in-sample)", scored, score(test, c -> c.rules()));
            put(table, "learned alone, n-grams (fair)", scored, score(test, c -> learnedAlone(every, Reads.NGRAMS, c)));
            put(table, "learned alone, MiniLM (fair)", scored, score(test, c -> learnedAlone(everyEmbedding, Reads.EMBEDDING, c)));
            put(table, "learned alone, n-grams + MiniLM (fair)", scored, score(test, c -> learnedAlone(everyBoth, Reads.BOTH, c)));
            put(table, "rules' form + learned content, n-grams", scored, score(test, c -> formPlusContent(content, Reads.NGRAMS, c)));
            put(table, "rules' form + learned content, both", scored, score(test, c -> formPlusContent(contentBoth, Reads.BOTH, c)));
            put(table, "rules + learned blend (inner-chosen)", scored, score(test, c -> blended(content, blend, c)));
            put(table, "rules + learned opt-out (inner cut-off)", scored, score(test, c -> withLearnedOptOut(every, optOutCut, c)));
            put(table, "learned opt-out alone at that cut-off", scored, score(test, c -> learnedOptOutOnly(every, optOutCut, c)));
        }
        System.out.println("leave-one-part-out: exact-set intent accuracy / opt-out recall / false opt-outs, per scored part");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-42s", "candidate"));
        parts.keySet().forEach(p -> head.append(String.format(Locale.ROOT, " | %-20s", p)));
        head.append(" | mean acc | worst acc | mean opt-out recall | false opt-outs");
        System.out.println(head);
        table.forEach((candidate, row) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-42s", candidate));
            double sum = 0;
            double worst = 1;
            double recall = 0;
            int falseOptOuts = 0;
            for (Score s : row.values()) {
                line.append(String.format(Locale.ROOT, " | %.3f %.3f %-2d      ", s.accuracy(), s.optOutRecall(), s.falseOptOuts()));
                sum += s.accuracy();
                worst = Math.min(worst, s.accuracy());
                recall += s.optOutRecall();
                falseOptOuts += s.falseOptOuts();
            }
            line.append(String.format(Locale.ROOT, " | %.3f    | %.3f     | %.3f               | %d", sum / row.size(), worst,
                    recall / row.size(), falseOptOuts));
            System.out.println(line);
        });
    }

    private Case toCase(LabelledMessage m) {
        long t0 = cpu.getCurrentThreadCpuTime();
        float[] embedding = unit(embeddings.embed(m.text()).content().vector());
        embedNanos.add(cpu.getCurrentThreadCpuTime() - t0);
        return new Case(m, rulesAlone.understand(m.text(), m.side()), IntentFeatures.of(FoldedText.of(m.text()).folded()), embedding);
    }

    /** CPU time per message of what a learned path would add to understand(): n-gram scoring, and a MiniLM embedding. */
    private void printCost(LearnedIntentModel ngrams, List<Case> cases) {
        List<Long> scoring = new ArrayList<>();
        for (int pass = 0; pass < 3; pass++) {
            for (Case c : cases) {
                String folded = FoldedText.of(c.message().text()).folded(); // understand() has folded it already
                long t0 = cpu.getCurrentThreadCpuTime();
                ngrams.probabilities(folded);
                scoring.add(cpu.getCurrentThreadCpuTime() - t0);
            }
        }
        System.out.printf(Locale.ROOT, "CPU per message: n-gram features + model, %s; MiniLM embedding, %s%n", percentiles(scoring),
                percentiles(embedNanos));
    }

    private static String percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "p50 %d µs, p99 %d µs (%d samples)", sorted[sorted.length / 2] / 1000,
                sorted[(int) (sorted.length * 0.99)] / 1000, sorted.length);
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(Math.max(norm, 1e-12)));
        }
        return out;
    }

    private static LearnedIntentModel train(List<Case> cases, List<Intent> intents) {
        return train(cases, intents, Reads.NGRAMS);
    }

    private static LearnedIntentModel train(List<Case> cases, List<Intent> intents, Reads reads) {
        return LearnedIntentModel.train(cases.stream().map(reads::example).toList(), LearnedIntentModel.Training.DEFAULT, intents);
    }

    /** The blend whose inner leave-one-part-out accuracy is highest (ties: the one that adds least). */
    private IntentReader.Blend chooseBlend(Map<String, List<Case>> training) {
        int[][] exact = new int[ADD_WHEN_NOTHING.length][ADD.length];
        for (String inner : training.keySet()) {
            List<Case> test = training.get(inner);
            LearnedIntentModel model = train(training.entrySet().stream().filter(e -> !e.getKey().equals(inner))
                    .flatMap(e -> e.getValue().stream()).toList(), LearnedIntentModel.LEARNED);
            for (int n = 0; n < ADD_WHEN_NOTHING.length; n++) {
                for (int a = 0; a < ADD.length; a++) {
                    IntentReader.Blend blend = new IntentReader.Blend(ADD_WHEN_NOTHING[n], ADD[a], 0.0);
                    exact[n][a] += score(test, c -> blended(model, blend, c)).exact();
                }
            }
        }
        int bestN = ADD_WHEN_NOTHING.length - 1;
        int bestA = ADD.length - 1;
        for (int n = ADD_WHEN_NOTHING.length - 1; n >= 0; n--) {
            for (int a = ADD.length - 1; a >= 0; a--) {
                if (exact[n][a] > exact[bestN][bestA]) {
                    bestN = n;
                    bestA = a;
                }
            }
        }
        return new IntentReader.Blend(ADD_WHEN_NOTHING[bestN], ADD[bestA], 0.0);
    }

    /** Just above the highest OPT_OUT probability of any non-opt-out message of the inner folds. */
    private static double chooseOptOutCut(Map<String, List<Case>> training) {
        double highest = 0;
        for (String inner : training.keySet()) {
            LearnedIntentModel model = train(training.entrySet().stream().filter(e -> !e.getKey().equals(inner))
                    .flatMap(e -> e.getValue().stream()).toList(), ALL);
            for (Case c : training.get(inner)) {
                if (!c.message().optOut()) {
                    highest = Math.max(highest, optOutProbability(model, c));
                }
            }
        }
        return Math.min(1.0, highest + 1e-6);
    }

    private static double optOutProbability(LearnedIntentModel model, Case c) {
        return Reads.NGRAMS.probabilities(model, c).get(Intent.OPT_OUT);
    }

    private static MessageUnderstanding learnedAlone(LearnedIntentModel model, Reads reads, Case c) {
        Set<Intent> intents = EnumSet.noneOf(Intent.class);
        reads.probabilities(model, c).forEach((intent, p) -> {
            if (p >= LEARNED_ALONE) {
                intents.add(intent);
            }
        });
        if (intents.isEmpty()) {
            intents.add(Intent.OTHER);
        }
        return new MessageUnderstanding(c.rules().language(), c.rules().slots(), intents, intents.contains(Intent.OPT_OUT));
    }

    /** The rules, except where they answer OTHER alone: there the model's intents from {@code threshold} (OTHER if none). */
    private static MessageUnderstanding otherFallback(LearnedIntentModel model, Reads reads, double threshold, Case c) {
        if (!c.rules().intents().equals(Set.of(Intent.OTHER))) {
            return c.rules();
        }
        Set<Intent> intents = EnumSet.noneOf(Intent.class);
        reads.probabilities(model, c).forEach((intent, p) -> {
            if (p >= threshold) {
                intents.add(intent);
            }
        });
        if (intents.isEmpty()) {
            intents.add(Intent.OTHER);
        }
        return new MessageUnderstanding(c.rules().language(), c.rules().slots(), intents, c.rules().optOut());
    }

    private static MessageUnderstanding formPlusContent(LearnedIntentModel model, Reads reads, Case c) {
        Set<Intent> intents = EnumSet.noneOf(Intent.class);
        c.rules().intents().stream().filter(FORM::contains).forEach(intents::add);
        reads.probabilities(model, c).forEach((intent, p) -> {
            if (p >= LEARNED_ALONE && !(c.rules().optOut() && (intent == Intent.SELLING || intent == Intent.BUYING))) {
                intents.add(intent);
            }
        });
        if (intents.stream().anyMatch(i -> i != Intent.QUESTION && SPECIFIC_QUESTIONS.contains(i))) {
            intents.remove(Intent.QUESTION);
        }
        if (intents.isEmpty()) {
            intents.add(Intent.OTHER);
        }
        return new MessageUnderstanding(c.rules().language(), c.rules().slots(), intents, c.rules().optOut());
    }

    /** The rules blended with the model; the understander is run again only where the model could add something. */
    private MessageUnderstanding blended(LearnedIntentModel model, IntentReader.Blend blend, Case c) {
        Map<Intent, Double> p = Reads.NGRAMS.probabilities(model, c);
        boolean nothing = c.rules().intents().stream().noneMatch(p::containsKey);
        double threshold = nothing ? blend.addWhenRulesFoundNothing() : blend.add();
        if (p.values().stream().allMatch(v -> v < threshold)) {
            return c.rules();
        }
        scores.current = p;
        return blended.computeIfAbsent(blend, b -> LeadMessageUnderstander.withLearnedIntents(EvaluateCorpus.CORPUS_CLOCK, scores, b))
                .understand(c.message().text(), c.message().side());
    }

    private static MessageUnderstanding withLearnedOptOut(LearnedIntentModel model, double cut, Case c) {
        if (c.rules().optOut() || optOutProbability(model, c) < cut) {
            return c.rules();
        }
        Set<Intent> intents = EnumSet.of(Intent.OPT_OUT);
        c.rules().intents().stream().filter(i -> i != Intent.OTHER && i != Intent.SELLING && i != Intent.BUYING).forEach(intents::add);
        return new MessageUnderstanding(c.rules().language(), c.rules().slots(), intents, true);
    }

    private static MessageUnderstanding learnedOptOutOnly(LearnedIntentModel model, double cut, Case c) {
        boolean optOut = optOutProbability(model, c) >= cut;
        return new MessageUnderstanding(c.rules().language(), c.rules().slots(), optOut ? Set.of(Intent.OPT_OUT) : Set.of(Intent.OTHER), optOut);
    }

    private static Score score(List<Case> cases, Function<Case, MessageUnderstanding> reader) {
        int exact = 0;
        int expected = 0;
        int found = 0;
        int falseOptOuts = 0;
        for (Case c : cases) {
            MessageUnderstanding got = reader.apply(c);
            if (got.intents().equals(c.message().intents())) {
                exact++;
            }
            if (c.message().optOut()) {
                expected++;
                if (got.optOut()) {
                    found++;
                }
            } else if (got.optOut()) {
                falseOptOuts++;
            }
        }
        return new Score(cases.size(), exact, expected, found, falseOptOuts);
    }

    private static void put(Map<String, Map<String, Score>> table, String candidate, String part, Score score) {
        table.computeIfAbsent(candidate, k -> new LinkedHashMap<>()).put(part, score);
    }

    /** The scores of the message being read: one understander per blend is built (each loads the gazetteer) and reused. */
    private static final class CurrentScores implements LearnedIntents {
        private Map<Intent, Double> current = Map.of();

        @Override
        public Map<Intent, Double> probabilities(String folded) {
            return current;
        }
    }
}
