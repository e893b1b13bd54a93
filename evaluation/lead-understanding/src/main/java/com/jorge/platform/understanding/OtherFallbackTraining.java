package com.jorge.platform.understanding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The understander's learned OTHER fallback ({@link OtherIntentFallback}, issue 13): measured by leave-one-part-out over
 * every tuning part ({@code evaluate.sh --other-fallback-lopo}) and trained on all of them into the understander's
 * resource ({@code evaluate.sh --train-other-fallback FILE}). Never reads heldout.jsonl (nor heldout-6.jsonl, which is not in this
 * repository's tuning parts).
 *
 * <p>Each part is scored in turn by a model trained on the others; its threshold is the one the same protocol picks
 * inside those training parts (train on all but one, score that one), never by the scored part. The baseline is the
 * shipped understander with the fallback off (rules + exemplars); the fallback is the pure function the understander
 * runs, on the model read back from its float16 bytes.
 */
final class OtherFallbackTraining {

    /** Every part a learned model may be trained on: the tuning parts, nothing held out. */
    static final List<String> PARTS = List.of(EvaluateCorpus.TUNING, EvaluateCorpus.TUNING_METROS, EvaluateCorpus.HELD_OUT_METROS,
            EvaluateCorpus.HELD_OUT_2, EvaluateCorpus.HELD_OUT_3, EvaluateCorpus.HELD_OUT_4, EvaluateCorpus.TUNING_OPT_OUTS,
            EvaluateCorpus.HELD_OUT_5, EvaluateCorpus.TUNING_KINDS, EvaluateCorpus.TUNING_FAMILIES_2,
            EvaluateCorpus.TUNING_FAMILIES_3, EvaluateCorpus.TUNING_FAMILIES_4, EvaluateCorpus.TUNING_FAMILIES_5,
            EvaluateCorpus.TUNING_FAMILIES_6, EvaluateCorpus.TUNING_FAMILIES_7, EvaluateCorpus.TUNING_FAMILIES_8,
            EvaluateCorpus.TUNING_FAMILIES_9, EvaluateCorpus.TUNING_FAMILIES_10);
    static final double[] THRESHOLDS = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    /** The shipped shape: 2^12 n-gram buckets beside the 384 MiniLM values, content intents only. */
    static final int BUCKETS = 1 << 12;

    /** What the model reads. */
    enum Reads {
        BOTH, EMBEDDING
    }

    /** A message, what the understander without the fallback makes of it, whether it embedded it, and its features. */
    record Case(LabelledMessage message, MessageUnderstanding base, boolean embedded, String folded, float[] embedding) {}

    /** A model shape: what it reads and into how many n-gram buckets. */
    private record Shape(String name, Reads reads, int buckets) {}

    private static final List<Shape> SHAPES = List.of(new Shape("n-grams 2^12 + MiniLM", Reads.BOTH, BUCKETS),
            new Shape("MiniLM alone", Reads.EMBEDDING, 1));
    /** Where the fallback is asked: every OTHER alone, or only where the exemplars embedded the message already. */
    private static final List<LeadMessageUnderstander.OtherFallback> WHERE = List.of(LeadMessageUnderstander.OtherFallback.EVERY,
            LeadMessageUnderstander.OtherFallback.EMBEDDED);

    private OtherFallbackTraining() {
    }

    static Map<String, List<Case>> cases() {
        // the rules and the exemplars: what the fallback's tables were measured on (the stacked intent reader off)
        LeadMessageUnderstander understander = LeadMessageUnderstander.load(EvaluateCorpus.CORPUS_CLOCK)
                .withOtherFallback(LeadMessageUnderstander.OtherFallback.OFF).withIntentReader(LeadMessageUnderstander.IntentReading.RULES);
        Map<String, List<Case>> parts = new LinkedHashMap<>();
        for (String part : PARTS) {
            List<Case> cases = new ArrayList<>();
            for (LabelledMessage m : LabelledMessage.load(part)) {
                cases.add(new Case(m, understander.understand(m.text(), m.side()), understander.wouldConsultEmbedding(m.text(), m.side()),
                        FoldedText.of(m.text()).folded(), understander.embedding(m.text()).orElseThrow()));
            }
            parts.put(part.substring(part.lastIndexOf('/') + 1, part.indexOf('.')), cases);
        }
        return parts;
    }

    static OtherIntentFallback train(List<Case> cases, Reads reads, int buckets, double threshold) {
        List<LearnedIntentModel.Example> examples = cases.stream().map(c -> new LearnedIntentModel.Example(
                reads == Reads.EMBEDDING ? new int[0] : IntentFeatures.of(c.folded(), buckets), c.message().intents(), c.embedding())).toList();
        LearnedIntentModel model = LearnedIntentModel.train(examples, LearnedIntentModel.Training.DEFAULT, LearnedIntentModel.LEARNED, buckets);
        return OtherIntentFallback.fromBytes(model.asOtherFallback(threshold));
    }

    /** What the understander makes of a case with the fallback where {@code where} says, at {@code threshold}. */
    static MessageUnderstanding read(OtherIntentFallback model, LeadMessageUnderstander.OtherFallback where, double threshold, Case c) {
        if (where == LeadMessageUnderstander.OtherFallback.OFF || where == LeadMessageUnderstander.OtherFallback.EMBEDDED && !c.embedded()) {
            return c.base();
        }
        return model.apply(c.base(), c.folded(), c.embedding(), threshold);
    }

    /**
     * The threshold the leave-one-part-out protocol picks inside {@code training} for each place the fallback may be
     * asked (ties: the higher, which adds less); one model per inner fold serves both.
     */
    static Map<LeadMessageUnderstander.OtherFallback, Double> chooseThresholds(Map<String, List<Case>> training, Reads reads, int buckets) {
        int[][] exact = new int[WHERE.size()][THRESHOLDS.length];
        for (String inner : training.keySet()) {
            OtherIntentFallback model = train(rest(training, inner), reads, buckets, 0.5);
            for (Case c : training.get(inner)) {
                for (int w = 0; w < WHERE.size(); w++) {
                    for (int i = 0; i < THRESHOLDS.length; i++) {
                        if (read(model, WHERE.get(w), THRESHOLDS[i], c).intents().equals(c.message().intents())) {
                            exact[w][i]++;
                        }
                    }
                }
            }
        }
        Map<LeadMessageUnderstander.OtherFallback, Double> chosen = new LinkedHashMap<>();
        for (int w = 0; w < WHERE.size(); w++) {
            int best = THRESHOLDS.length - 1;
            for (int i = THRESHOLDS.length - 1; i >= 0; i--) {
                if (exact[w][i] > exact[w][best]) {
                    best = i;
                }
            }
            chosen.put(WHERE.get(w), THRESHOLDS[best]);
        }
        return chosen;
    }

    private static List<Case> rest(Map<String, List<Case>> parts, String left) {
        return parts.entrySet().stream().filter(e -> !e.getKey().equals(left)).flatMap(e -> e.getValue().stream()).toList();
    }

    /** {@code evaluate.sh --other-fallback-lopo}: per part, the understander without and with each variant of the fallback. */
    static void printLeaveOnePartOut() {
        long t0 = System.nanoTime();
        Map<String, List<Case>> parts = cases();
        System.out.printf(Locale.ROOT, "cases ready in %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
        System.out.printf(Locale.ROOT, "%-40s", "exact-set intent accuracy (false opt-outs)");
        parts.keySet().forEach(p -> System.out.printf(Locale.ROOT, " | %-16s", p));
        System.out.println(" | all (n)          | parts better/worse");
        Map<String, int[]> baseExact = new LinkedHashMap<>();
        StringBuilder baseRow = new StringBuilder(String.format(Locale.ROOT, "%-40s", "rules + exemplars (fallback off)"));
        int baseAll = 0;
        int n = 0;
        for (Map.Entry<String, List<Case>> e : parts.entrySet()) {
            int exact = 0;
            int falseOptOuts = 0;
            for (Case c : e.getValue()) {
                exact += c.base().intents().equals(c.message().intents()) ? 1 : 0;
                falseOptOuts += c.base().optOut() && !c.message().optOut() ? 1 : 0;
            }
            baseExact.put(e.getKey(), new int[] {exact});
            baseAll += exact;
            n += e.getValue().size();
            baseRow.append(String.format(Locale.ROOT, " | %.3f (%d)%6s", exact / (double) e.getValue().size(), falseOptOuts, ""));
        }
        baseRow.append(String.format(Locale.ROOT, " | %.3f (%d)", baseAll / (double) n, n));
        System.out.println(baseRow);
        for (Shape shape : SHAPES) {
            Map<LeadMessageUnderstander.OtherFallback, StringBuilder> rows = new LinkedHashMap<>();
            Map<LeadMessageUnderstander.OtherFallback, StringBuilder> thresholds = new LinkedHashMap<>();
            Map<LeadMessageUnderstander.OtherFallback, int[]> totals = new LinkedHashMap<>(); // all, better, worse
            for (LeadMessageUnderstander.OtherFallback where : WHERE) {
                rows.put(where, new StringBuilder(String.format(Locale.ROOT, "%-40s", shape.name() + ", " + where.name().toLowerCase(Locale.ROOT))));
                thresholds.put(where, new StringBuilder());
                totals.put(where, new int[3]);
            }
            for (String scored : parts.keySet()) {
                Map<String, List<Case>> training = new LinkedHashMap<>(parts);
                List<Case> test = training.remove(scored);
                Map<LeadMessageUnderstander.OtherFallback, Double> chosen = chooseThresholds(training, shape.reads(), shape.buckets());
                OtherIntentFallback model = train(rest(parts, scored), shape.reads(), shape.buckets(), 0.5);
                for (LeadMessageUnderstander.OtherFallback where : WHERE) {
                    double t = chosen.get(where);
                    int exact = 0;
                    int falseOptOuts = 0;
                    for (Case c : test) {
                        MessageUnderstanding got = read(model, where, t, c);
                        exact += got.intents().equals(c.message().intents()) ? 1 : 0;
                        falseOptOuts += got.optOut() && !c.message().optOut() ? 1 : 0;
                    }
                    int base = baseExact.get(scored)[0];
                    int[] total = totals.get(where);
                    total[0] += exact;
                    total[1] += exact > base ? 1 : 0;
                    total[2] += exact < base ? 1 : 0;
                    thresholds.get(where).append(String.format(Locale.ROOT, " %s %.1f", scored, t));
                    rows.get(where).append(String.format(Locale.ROOT, " | %.3f (%d)%6s", exact / (double) test.size(), falseOptOuts, ""));
                }
            }
            for (LeadMessageUnderstander.OtherFallback where : WHERE) {
                int[] total = totals.get(where);
                System.out.println(rows.get(where).append(String.format(Locale.ROOT, " | %.3f (%d) | %d/%d", total[0] / (double) n, n, total[1], total[2])));
                System.out.println("    thresholds chosen inside the training parts:" + thresholds.get(where));
            }
        }
        System.out.printf(Locale.ROOT, "done in %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
    }

    /**
     * {@code evaluate.sh --train-other-fallback FILE}: the shipped shape trained on every tuning part, at the threshold the
     * leave-one-part-out protocol picks over all of them, written to FILE.
     */
    static void write(Path file) throws IOException {
        Map<String, List<Case>> parts = cases();
        double t = chooseThresholds(parts, Reads.BOTH, BUCKETS).get(LeadMessageUnderstander.OtherFallback.EVERY);
        List<LearnedIntentModel.Example> examples = parts.values().stream().flatMap(List::stream).map(c -> new LearnedIntentModel.Example(
                IntentFeatures.of(c.folded(), BUCKETS), c.message().intents(), c.embedding())).toList();
        byte[] bytes = LearnedIntentModel.train(examples, LearnedIntentModel.Training.DEFAULT, LearnedIntentModel.LEARNED, BUCKETS)
                .asOtherFallback(t);
        Files.write(file, bytes);
        System.out.printf(Locale.ROOT, "wrote %s: %d bytes, %d messages, threshold %.1f%n", file, bytes.length, examples.size(), t);
    }

    /**
     * {@code evaluate.sh --other-fallback-cost}: thread CPU time of {@code understand()} per message over the tuning parts,
     * with the shipped fallback off, where embedded and everywhere (two warm-up passes, three measured, the three
     * understanders in turn message by message so that the machine's load falls on each alike).
     */
    static void printCost() {
        List<LabelledMessage> messages = new ArrayList<>();
        PARTS.forEach(p -> messages.addAll(LabelledMessage.load(p)));
        LeadMessageUnderstander loaded = LeadMessageUnderstander.load(EvaluateCorpus.CORPUS_CLOCK)
                .withIntentReader(LeadMessageUnderstander.IntentReading.RULES);
        List<LeadMessageUnderstander> understanders = WHERE_ALL.stream().map(loaded::withOtherFallback).toList();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long[][] nanos = new long[understanders.size()][messages.size() * 3];
        for (int pass = 0; pass < 5; pass++) {
            for (int m = 0; m < messages.size(); m++) {
                for (int u = 0; u < understanders.size(); u++) {
                    long t0 = cpu.getCurrentThreadCpuTime();
                    understanders.get(u).understand(messages.get(m).text(), messages.get(m).side());
                    long spent = cpu.getCurrentThreadCpuTime() - t0;
                    if (pass >= 2) {
                        nanos[u][(pass - 2) * messages.size() + m] = spent;
                    }
                }
            }
        }
        for (int u = 0; u < understanders.size(); u++) {
            long[] sorted = nanos[u].clone();
            java.util.Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "fallback %-8s CPU per understand(): p50 %d µs, p90 %d µs, p99 %d µs, mean %d µs (%d samples)%n",
                    WHERE_ALL.get(u).name().toLowerCase(Locale.ROOT), sorted[sorted.length / 2] / 1000, sorted[(int) (sorted.length * 0.9)] / 1000,
                    sorted[(int) (sorted.length * 0.99)] / 1000, (long) java.util.Arrays.stream(sorted).average().orElse(0) / 1000, sorted.length);
        }
    }

    private static final List<LeadMessageUnderstander.OtherFallback> WHERE_ALL = List.of(LeadMessageUnderstander.OtherFallback.OFF,
            LeadMessageUnderstander.OtherFallback.EMBEDDED, LeadMessageUnderstander.OtherFallback.EVERY);

    /**
     * {@code evaluate.sh --other-fallback-fresh MISSES PART}: the fallback on rules that had not yet been written from
     * {@code PART}. MISSES is the output of {@code evaluate.sh --corpus PART --show-misses} on an older commit (heldout-4 on
     * 4e0bba4, whose rules had not read it): the intents those rules gave each message are taken from it (a message not
     * listed, or listed for slots only, got its labelled intents). The model is trained on every other tuning part at the
     * threshold chosen inside them (with today's rules as their base); only "every OTHER" is scored, since where the old
     * exemplars embedded a message cannot be read back from the misses.
     */
    static void printFresh(Path misses, String scored) throws IOException {
        Map<String, List<Case>> parts = cases();
        if (!parts.containsKey(scored)) {
            throw new IllegalArgumentException("no tuning part named " + scored + "; the parts are " + parts.keySet());
        }
        Map<String, Set<Intent>> old = new java.util.HashMap<>();
        Map<String, Boolean> oldOptOut = new java.util.HashMap<>();
        List<String> lines = Files.readAllLines(misses);
        java.util.regex.Pattern got = java.util.regex.Pattern.compile("intents \\[([A-Z_, ]*)\\] expected");
        for (int i = 0; i + 1 < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(" ") || !lines.get(i + 1).startsWith("    ")) {
                continue;
            }
            String id = line.split(" ", 2)[0];
            String problems = lines.get(i + 1);
            java.util.regex.Matcher m = got.matcher(problems);
            if (m.find()) {
                Set<Intent> intents = java.util.EnumSet.noneOf(Intent.class);
                for (String name : m.group(1).split(",\\s*")) {
                    if (!name.isBlank()) {
                        intents.add(Intent.valueOf(name.strip()));
                    }
                }
                old.put(id, intents);
            }
            if (problems.contains("FALSE OPT-OUT")) {
                oldOptOut.put(id, true);
            } else if (problems.contains("MISSED OPT-OUT")) {
                oldOptOut.put(id, false);
            }
        }
        List<Case> test = parts.get(scored).stream().map(c -> {
            Set<Intent> intents = old.getOrDefault(c.message().id(), c.message().intents());
            boolean optOut = oldOptOut.getOrDefault(c.message().id(), c.message().optOut());
            return new Case(c.message(), new MessageUnderstanding(c.base().language(), c.base().slots(), intents, optOut), false, c.folded(),
                    c.embedding());
        }).toList();
        Map<String, List<Case>> training = new LinkedHashMap<>(parts);
        training.remove(scored);
        for (Shape shape : SHAPES) {
            double t = chooseThresholds(training, shape.reads(), shape.buckets()).get(LeadMessageUnderstander.OtherFallback.EVERY);
            OtherIntentFallback model = train(rest(parts, scored), shape.reads(), shape.buckets(), 0.5);
            int base = 0;
            int fixed = 0;
            int broken = 0;
            int falseOptOuts = 0;
            for (Case c : test) {
                boolean before = c.base().intents().equals(c.message().intents());
                MessageUnderstanding after = read(model, LeadMessageUnderstander.OtherFallback.EVERY, t, c);
                boolean now = after.intents().equals(c.message().intents());
                base += before ? 1 : 0;
                fixed += now && !before ? 1 : 0;
                broken += before && !now ? 1 : 0;
                falseOptOuts += after.optOut() && !c.message().optOut() ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "%s with the older rules (%d misses read), %s, every OTHER from %.1f: %.3f -> %.3f (%d fixed, %d broken), false opt-outs %d%n",
                    scored, old.size(), shape.name(), t, base / (double) test.size(), (base + fixed - broken) / (double) test.size(), fixed, broken,
                    falseOptOuts);
        }
    }
}
