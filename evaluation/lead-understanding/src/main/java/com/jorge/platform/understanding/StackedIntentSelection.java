package com.jorge.platform.understanding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The learned reader of the full intent set ({@link StackedIntentReader}, issue 13, ninth round): how candidates are chosen
 * (leave-one-part-out over every tuning part, {@code evaluate.sh --intent-reader-lopo [FRESH_DIR]}) and the training that
 * writes the shipped resource ({@code evaluate.sh --train-intent-reader FILE [FRESH_DIR]}). Never reads heldout-6 or
 * heldout-18 (not among the parts; heldout-7 is one since the tenth round, heldout-8 and tuning-families-2 since the eleventh,
 * heldout-9 since the twelfth, heldout-10, tuning-families-3 and tuning-families-4 since the thirteenth, heldout-11 and
 * tuning-families-5 to -8 since the fourteenth, heldout-12 and tuning-families-9 and -10 since the fifteenth, heldout-13, -14 and
 * -15 since the eighteenth, heldout-16 and -17 since the nineteenth).
 *
 * <p>Each part is scored by a model trained on the others; a policy's thresholds are those the same protocol picks inside
 * the training parts (train on all but two, score the one left of the training parts), never by the scored part.
 *
 * <p>FRESH_DIR holds what older commits' rules read, one {@code PART TAB ID TAB INTENTS TAB OPTOUT} line per message
 * (files {@code *.tsv}; README: which commit read which part, before it was written from). With it, a second table
 * scores each part that has such a reading with the rules <em>as they were before that part was written</em> (fresh):
 * the closest proxy for a new hand, since today's rules were written from every part; and the "fresh-trained" stacked
 * models are trained on those readings where a part has one (today's elsewhere).
 */
final class StackedIntentSelection {

    /** heldout-7, held out through the ninth round; tuning data since the tenth. */
    static final String HELD_OUT_7 = "/corpus/heldout-7.jsonl";
    /** heldout-8, held out through the tenth round; tuning data since the eleventh (heldout-9 is held out). */
    static final String HELD_OUT_8 = "/corpus/heldout-8.jsonl";
    /** heldout-9, held out through the eleventh round; tuning data since the twelfth (heldout-10 is held out). */
    static final String HELD_OUT_9 = "/corpus/heldout-9.jsonl";
    /** heldout-10, held out through the twelfth round; tuning data since the thirteenth (heldout-11 is held out). */
    static final String HELD_OUT_10 = "/corpus/heldout-10.jsonl";
    /** heldout-11, held out through the thirteenth round; tuning data since the fourteenth (heldout-12 is held out). */
    static final String HELD_OUT_11 = "/corpus/heldout-11.jsonl";
    /** heldout-12, held out through the fourteenth round; tuning data since the fifteenth (heldout-13 is held out). */
    static final String HELD_OUT_12 = "/corpus/heldout-12.jsonl";
    /** heldout-13, held out through the fifteenth round; tuning data since the sixteenth (no rule written from its misses before the eighteenth). */
    static final String HELD_OUT_13 = "/corpus/heldout-13.jsonl";
    /** heldout-14, held out through the sixteenth round; tuning data since the seventeenth. */
    static final String HELD_OUT_14 = "/corpus/heldout-14.jsonl";
    /** heldout-15, held out through the seventeenth round; tuning data since the eighteenth (heldout-16 is held out). */
    static final String HELD_OUT_15 = "/corpus/heldout-15.jsonl";
    /** heldout-16, held out through the eighteenth round; tuning data since the nineteenth. */
    static final String HELD_OUT_16 = "/corpus/heldout-16.jsonl";
    /** heldout-17, held out through the eighteenth round; tuning data since the nineteenth (heldout-18 is held out). */
    static final String HELD_OUT_17 = "/corpus/heldout-17.jsonl";
    static final List<String> PARTS = List.of(EvaluateCorpus.TUNING, EvaluateCorpus.HELD_OUT, EvaluateCorpus.TUNING_METROS,
            EvaluateCorpus.HELD_OUT_METROS, EvaluateCorpus.HELD_OUT_2, EvaluateCorpus.HELD_OUT_3, EvaluateCorpus.HELD_OUT_4,
            EvaluateCorpus.TUNING_OPT_OUTS, EvaluateCorpus.HELD_OUT_5, EvaluateCorpus.TUNING_KINDS, StackedIntentSelection.HELD_OUT_7,
            StackedIntentSelection.HELD_OUT_8, EvaluateCorpus.TUNING_FAMILIES_2, StackedIntentSelection.HELD_OUT_9,
            StackedIntentSelection.HELD_OUT_10, EvaluateCorpus.TUNING_FAMILIES_3, EvaluateCorpus.TUNING_FAMILIES_4,
            StackedIntentSelection.HELD_OUT_11, EvaluateCorpus.TUNING_FAMILIES_5, EvaluateCorpus.TUNING_FAMILIES_6,
            EvaluateCorpus.TUNING_FAMILIES_7, EvaluateCorpus.TUNING_FAMILIES_8, StackedIntentSelection.HELD_OUT_12,
            EvaluateCorpus.TUNING_FAMILIES_9, EvaluateCorpus.TUNING_FAMILIES_10, StackedIntentSelection.HELD_OUT_13,
            StackedIntentSelection.HELD_OUT_14, StackedIntentSelection.HELD_OUT_15, StackedIntentSelection.HELD_OUT_16,
            StackedIntentSelection.HELD_OUT_17);
    /** Every intent but OPT_OUT (the rules' alone) and OTHER (what is left). */
    static final List<Intent> LEARNED = Arrays.stream(Intent.values()).filter(i -> i != Intent.OPT_OUT && i != Intent.OTHER).toList();
    /**
     * What older commits' rules read of each part before it was written from (fresh-readings/build.sh): heldout-metros and
     * heldout-2 by d361cba, heldout-3 by 13ecb1d, heldout-4 and tuning-optouts by cd534b3, heldout-5 and tuning-kinds by
     * cbdc1a4, heldout-7 by 1a7e47c (main before the tenth round tuned the rules on it), heldout-8 by 40be78c (main before the
     * eleventh), heldout-9 by 75b029f (main before the twelfth), heldout-10, tuning-families-3 and tuning-families-4 by e435233
     * (main before the thirteenth, which wrote the first rules from them), heldout-11 and tuning-families-5 to -8 by 2edb810 (main
     * before the fourteenth, which wrote the first rules from them), heldout-12, tuning-families-9 and -10 by e64936d (main before the
     * fifteenth, which wrote the first rules from them; -9 and -10 landed during the round), heldout-13 and heldout-14 by ca93927b
     * (main before the seventeenth, which wrote the first rules from heldout-14 and cited one message of heldout-13; none was written
     * from heldout-13's misses before), heldout-15 by a6e2914d (main before the eighteenth, which wrote the first rules from it),
     * heldout-16 and heldout-17 by a3c236ff (main when the eighteenth began; the nineteenth wrote the first rules from them). tuning,
     * heldout and tuning-metros have none (the rules were first written from them); tuning-families-2 none yet (no rule had
     * been written from it before the eleventh round's: today's rules read it fresh).
     */
    static final List<String> FRESH_READINGS = List.of("/fresh-readings/heldout-metros-d361cba.tsv", "/fresh-readings/heldout-2-d361cba.tsv",
            "/fresh-readings/heldout-3-13ecb1d.tsv", "/fresh-readings/heldout-4-cd534b3.tsv", "/fresh-readings/heldout-5-cbdc1a4.tsv",
            "/fresh-readings/heldout-7-1a7e47c.tsv", "/fresh-readings/heldout-8-40be78c.tsv",
            "/fresh-readings/heldout-9-75b029f.tsv", "/fresh-readings/heldout-10-e435233.tsv",
            "/fresh-readings/tuning-families-3-e435233.tsv", "/fresh-readings/tuning-families-4-e435233.tsv",
            "/fresh-readings/heldout-11-2edb810.tsv", "/fresh-readings/tuning-families-5-2edb810.tsv",
            "/fresh-readings/tuning-families-6-2edb810.tsv", "/fresh-readings/tuning-families-7-2edb810.tsv",
            "/fresh-readings/tuning-families-8-2edb810.tsv", "/fresh-readings/heldout-12-e64936d.tsv",
            "/fresh-readings/tuning-families-9-e64936d.tsv", "/fresh-readings/tuning-families-10-e64936d.tsv",
            "/fresh-readings/heldout-13-ca93927b.tsv", "/fresh-readings/heldout-14-ca93927b.tsv", "/fresh-readings/heldout-15-a6e2914d.tsv",
            "/fresh-readings/heldout-16-a3c236ff.tsv", "/fresh-readings/heldout-17-a3c236ff.tsv");
    /**
     * The shipped reader's hashed buckets and training settings (the model file records its buckets, checked at load). Fifteenth
     * round: 2^14 buckets with l2 1e-4 per update, chosen on heldout-12 before any rule was written from it (README: 2^12 as shipped
     * read 368 of 448 sets right through the full understander, 2^14 370, 2^16 370, 2^14 with l2 1e-4 371).
     */
    static final int BUCKETS = 1 << 14;
    static final int EMBEDDING_DIM = 384;
    static final LearnedIntentModel.Training TRAINING = new LearnedIntentModel.Training(12, 0.4, 1e-4, 13L);
    /** The buckets and settings this run trains with: the shipped ones unless {@link #withCapacity} names others. */
    private static volatile int buckets = BUCKETS;
    private static volatile LearnedIntentModel.Training training = TRAINING;

    /**
     * {@code evaluate.sh --train-intent-reader FILE --buckets N [--l2 X]}: a candidate's capacity (the fifteenth round's
     * experiment, README); the shipped weights are written only with the shipped settings (the fingerprint records them).
     */
    static void withCapacity(int bucketCount, double l2) {
        IntentFeatures.of("", bucketCount); // validates: a power of two up to IntentFeatures.BUCKETS
        buckets = bucketCount;
        training = new LearnedIntentModel.Training(TRAINING.epochs(), TRAINING.step(), l2, TRAINING.seed());
    }

    static int buckets() {
        return buckets;
    }

    static LearnedIntentModel.Training training() {
        return training;
    }

    /** A message, what today's understander reads (fallback off), the fresh rules' intents (null: none), features. */
    record Case(String part, LabelledMessage message, MessageUnderstanding rules, Set<Intent> fresh, String folded, float[] embedding,
                int[] features) {
        Set<Intent> ruleIntents(boolean freshWherePossible) {
            return freshWherePossible && fresh != null ? fresh : rules.intents();
        }
    }

    /** A candidate: what the model reads and which rules' reading it is trained on. */
    record Config(String name, boolean embedding, boolean stacked, boolean trainedFresh) {}

    /** How the rules' set and the model's probabilities make the answer. */
    record Policy(String family, double add, double drop) {
        String label() {
            return switch (family) {
                case "rules" -> "rules";
                case "learned alone", "stacked" -> String.format(Locale.ROOT, "%s %.2f", family, add);
                case "union" -> String.format(Locale.ROOT, "union add>=%.2f", add);
                case "remove" -> String.format(Locale.ROOT, "remove <%.2f", drop);
                default -> String.format(Locale.ROOT, "edit add>=%.2f drop<%.2f", add, drop);
            };
        }
    }

    static final List<Config> CONFIGS = List.of(
            new Config("n-grams alone", false, false, false),
            new Config("n-grams + MiniLM alone", true, false, false),
            new Config("stacked: n-grams + rules + slots (trained on today's rules)", false, true, false),
            new Config("stacked: n-grams + rules + slots (trained on fresh rules)", false, true, true),
            new Config("stacked: n-grams + MiniLM + rules + slots (today's rules)", true, true, false),
            new Config("stacked: n-grams + MiniLM + rules + slots (fresh rules)", true, true, true));

    static Map<String, List<Policy>> families(boolean stacked) {
        Map<String, List<Policy>> f = new LinkedHashMap<>();
        List<Policy> replace = new ArrayList<>();
        for (double t : new double[] {0.7, 0.6, 0.5, 0.4, 0.3}) {
            replace.add(new Policy(stacked ? "stacked" : "learned alone", t, t));
        }
        f.put(stacked ? "stacked" : "learned alone", replace);
        List<Policy> union = new ArrayList<>();
        for (double t : new double[] {0.95, 0.9, 0.8, 0.7, 0.6, 0.5}) {
            union.add(new Policy("union", t, -1));
        }
        f.put("union", union);
        List<Policy> remove = new ArrayList<>();
        for (double t : new double[] {0.02, 0.05, 0.1, 0.2, 0.3}) {
            remove.add(new Policy("remove", 2, t));
        }
        f.put("remove", remove);
        List<Policy> edit = new ArrayList<>();
        for (double a : new double[] {0.9, 0.8, 0.7, 0.6}) {
            for (double d : new double[] {0.05, 0.1, 0.2, 0.3}) {
                edit.add(new Policy("edit", a, d));
            }
        }
        f.put("edit", edit);
        return f;
    }

    private StackedIntentSelection() {
    }

    static Map<String, List<Case>> cases(Path freshDir) throws IOException {
        return cases(freshDir, true);
    }

    /** As above; without {@code embed} no MiniLM embedding is computed (each case's is empty: for configs that read none). */
    static Map<String, List<Case>> cases(Path freshDir, boolean embed) throws IOException {
        Map<String, Set<Intent>> fresh = new HashMap<>();
        List<String> lines = new ArrayList<>();
        if (freshDir != null) {
            try (var files = Files.list(freshDir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                    lines.addAll(Files.readAllLines(f));
                }
            }
        } else {
            for (String resource : FRESH_READINGS) {
                try (var in = StackedIntentSelection.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalArgumentException("missing resource " + resource);
                    }
                    lines.addAll(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList());
                }
            }
        }
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t");
            Set<Intent> set = EnumSet.noneOf(Intent.class);
            for (String i : cols[2].split(",")) {
                set.add(Intent.valueOf(i));
            }
            fresh.put(cols[0] + "/" + cols[1], set);
        }
        LeadMessageUnderstander understander = LeadMessageUnderstander.load(EvaluateCorpus.CORPUS_CLOCK)
                .withOtherFallback(LeadMessageUnderstander.OtherFallback.OFF).withIntentReader(LeadMessageUnderstander.IntentReading.RULES);
        Map<String, List<Case>> parts = new LinkedHashMap<>();
        for (String resource : PARTS) {
            String part = resource.substring(resource.lastIndexOf('/') + 1, resource.indexOf('.'));
            List<Case> cases = new ArrayList<>();
            for (LabelledMessage m : LabelledMessage.load(resource)) {
                // the text the understander reads (spoken punctuation as signs, fourteenth round), so training sees what it will
                String folded = FoldedText.of(DictatedPunctuation.apply(m.text())).folded();
                cases.add(new Case(part, m, understander.understand(m.text(), m.side()), fresh.get(part + "/" + m.id()), folded,
                        embed ? understander.embedding(m.text()).orElseThrow() : new float[0], IntentFeatures.of(folded, buckets())));
            }
            parts.put(part, cases);
        }
        return parts;
    }

    static float[] dense(Case c, Config config, boolean freshRules) {
        float[] embedding = config.embedding() ? c.embedding() : new float[0];
        if (!config.stacked()) {
            return Arrays.copyOf(embedding, StackedIntentReader.denseDim(embedding.length));
        }
        return StackedIntentReader.denseFeatures(embedding, c.ruleIntents(freshRules), c.rules().slots(), c.rules().language());
    }

    static StackedIntentReader train(List<Case> cases, Config config) {
        return StackedIntentReader.fromBytes(trainBytes(cases, config, 0.5, 0.5));
    }

    /** A model of {@code config} trained on {@code cases} (fixed seed: the same cases give the same bytes), as its resource. */
    static byte[] trainBytes(List<Case> cases, Config config, double add, double drop) {
        List<LearnedIntentModel.Example> examples = cases.stream().map(c -> new LearnedIntentModel.Example(
                c.features(), c.message().intents(), dense(c, config, config.trainedFresh()))).toList();
        LearnedIntentModel model = LearnedIntentModel.train(examples, training(), LEARNED, buckets());
        return model.asStackedReader(config.embedding() ? EMBEDDING_DIM : 0, add, drop);
    }

    /**
     * Which stage-moving intents ({@link StackedIntentReader#STAGE_MOVING}) the reader may add: any (the ninth round as first
     * built); any but NOT_NOW against a TIMELINE of at most three months (the ninth round as merged); none; only to a message
     * the rules read an intent of substance in (not OTHER, QUESTION, yes, no or a greeting); only to one of six words or more;
     * the same, naming no time to meet and no NOT_NOW against a soon TIMELINE; or as shipped since the tenth round
     * ({@link StackedIntentReader#guarded}: that, and no side where the rules read an off-limits question or browsing).
     */
    enum Guard { NONE, SOON_NOT_NOW, NO_STAGE_MOVES, SUBSTANCE, WORDS6, WORDS6_TIME_SOON, SHIPPED }

    static final Set<Intent> ANSWER_ONLY = EnumSet.of(Intent.OTHER, Intent.QUESTION, Intent.AFFIRMATIVE, Intent.NEGATIVE, Intent.GREETING);

    /** What a policy answers for a case, the rules read fresh or today's, guarded as the understander guards. */
    static Set<Intent> answer(StackedIntentReader model, Config config, Policy policy, Case c, boolean freshRules) {
        return answer(model, config, policy, c, freshRules, Guard.SHIPPED);
    }

    static Set<Intent> answer(StackedIntentReader model, Config config, Policy policy, Case c, boolean freshRules, Guard guard) {
        Set<Intent> rules = c.ruleIntents(freshRules);
        if (policy.family().equals("rules")) {
            return rules;
        }
        float[] embedding = config.embedding() ? c.embedding() : new float[0];
        List<Slot> slots = c.rules().slots();
        double[] p = model.probabilities(c.folded(), embedding, config.stacked() ? rules : Set.of(), slots, c.rules().language());
        p = switch (guard) {
            case NONE, SOON_NOT_NOW -> p;
            case NO_STAGE_MOVES -> model.withoutStageMoves(p, rules);
            case SUBSTANCE -> rules.stream().anyMatch(i -> !ANSWER_ONLY.contains(i)) ? p : model.withoutStageMoves(p, rules);
            case WORDS6 -> StackedIntentReader.words(c.folded()) >= 6 ? p : model.withoutStageMoves(p, rules);
            case WORDS6_TIME_SOON -> model.guardedStagesOnly(p, rules, c.folded(), slots);
            case SHIPPED -> model.guarded(p, rules, c.folded(), slots);
        };
        Set<Intent> start = policy.family().equals("learned alone") || policy.family().equals("stacked")
                ? (rules.contains(Intent.OPT_OUT) ? EnumSet.of(Intent.OPT_OUT) : EnumSet.noneOf(Intent.class)) : rules;
        Set<Intent> out = model.edit(start, p, policy.add(), policy.drop());
        if (guard == Guard.SOON_NOT_NOW && !rules.contains(Intent.NOT_NOW) && out.contains(Intent.NOT_NOW)
                && slots.stream().anyMatch(s -> s.name() == SlotName.TIMELINE && s.value().strip().matches("\\d+")
                        && Integer.parseInt(s.value().strip()) <= StackedIntentReader.SOON_MONTHS)) {
            out.remove(Intent.NOT_NOW);
            if (out.isEmpty()) {
                out.add(Intent.OTHER);
            }
        }
        return out;
    }

    /**
     * {@code evaluate.sh --intent-reader-guards}: the shipped candidate at union 0.50, each part scored by the model trained on
     * the others, with each {@link Guard}, on today's and on fresh readings; and, fresh, what it adds of each intent
     * unguarded (added, of them right) and the messages each guard turns right or wrong against no guard.
     */
    static void printGuards() throws Exception {
        long t0 = System.nanoTime();
        Map<String, List<Case>> parts = cases(null);
        List<String> names = List.copyOf(parts.keySet());
        List<String> freshParts = names.stream().filter(p -> parts.get(p).stream().allMatch(c -> c.fresh() != null)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        Map<String, Future<StackedIntentReader>> models = new LinkedHashMap<>();
        try {
            for (String p : names) {
                models.put(p, pool.submit(() -> train(without(parts, p), SHIPPED)));
            }
            Policy union = new Policy("union", 0.5, -1);
            for (boolean fresh : new boolean[] {false, true}) {
                List<String> scored = fresh ? freshParts : names;
                String which = fresh ? " [fresh rules]" : " [today's rules]";
                printRow("rules" + which, scored, p -> exactRules(parts.get(p), fresh), parts);
                for (Guard guard : Guard.values()) {
                    Map<String, Integer> exact = new LinkedHashMap<>();
                    for (String p : scored) {
                        StackedIntentReader m = models.get(p).get();
                        int n = 0;
                        for (Case c : parts.get(p)) {
                            n += answer(m, SHIPPED, union, c, fresh, guard).equals(c.message().intents()) ? 1 : 0;
                        }
                        exact.put(p, n);
                    }
                    printRow("stacked, union 0.50, guard " + guard + which, scored, exact::get, parts);
                }
            }
            Map<Intent, int[]> added = new java.util.TreeMap<>();
            int[][] turned = new int[Guard.values().length][2];
            for (String p : freshParts) {
                StackedIntentReader m = models.get(p).get();
                for (Case c : parts.get(p)) {
                    Set<Intent> rules = c.ruleIntents(true);
                    Set<Intent> none = answer(m, SHIPPED, union, c, true, Guard.NONE);
                    for (Intent i : none) {
                        if (!rules.contains(i) && i != Intent.OTHER) {
                            int[] a = added.computeIfAbsent(i, k -> new int[2]);
                            a[0]++;
                            a[1] += c.message().intents().contains(i) ? 1 : 0;
                        }
                    }
                    boolean noneRight = none.equals(c.message().intents());
                    for (Guard guard : Guard.values()) {
                        boolean right = answer(m, SHIPPED, union, c, true, guard).equals(c.message().intents());
                        turned[guard.ordinal()][0] += right && !noneRight ? 1 : 0;
                        turned[guard.ordinal()][1] += !right && noneRight ? 1 : 0;
                    }
                }
            }
            added.forEach((i, a) -> System.out.printf(Locale.ROOT, "  fresh, unguarded, adds %-20s %4d, right %4d (%s)%s%n", i, a[0], a[1],
                    a[0] == 0 ? "-" : String.format(Locale.ROOT, "%.2f", a[1] / (double) a[0]),
                    StackedIntentReader.STAGE_MOVING.contains(i) ? "  stage-moving" : ""));
            for (Guard guard : Guard.values()) {
                System.out.printf(Locale.ROOT, "  fresh, guard %-13s against none: %d messages turned right, %d turned wrong%n", guard,
                        turned[guard.ordinal()][0], turned[guard.ordinal()][1]);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "done in %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
    }

    private static List<Case> without(Map<String, List<Case>> parts, String... left) {
        Set<String> out = Set.of(left);
        return parts.entrySet().stream().filter(e -> !out.contains(e.getKey())).flatMap(e -> e.getValue().stream()).toList();
    }

    private static int exact(StackedIntentReader model, Config config, Policy policy, List<Case> cases, boolean freshRules) {
        int n = 0;
        for (Case c : cases) {
            n += answer(model, config, policy, c, freshRules).equals(c.message().intents()) ? 1 : 0;
        }
        return n;
    }

    /** {@code evaluate.sh --intent-reader-lopo [FRESH_DIR]}. */
    static void printLeaveOnePartOut(Path freshDir, List<String> only) throws Exception {
        long t0 = System.nanoTime();
        Map<String, List<Case>> parts = cases(freshDir);
        List<String> names = List.copyOf(parts.keySet());
        List<String> freshParts = names.stream().filter(p -> parts.get(p).stream().allMatch(c -> c.fresh() != null)).toList();
        System.out.printf(Locale.ROOT, "cases ready in %d s; parts with a fresh reading: %s%n", (System.nanoTime() - t0) / 1_000_000_000,
                freshParts);
        printRow("rules (today's: in-sample)", names, p -> exactRules(parts.get(p), false), parts);
        if (!freshParts.isEmpty()) {
            printRow("rules (fresh: before the part)", freshParts, p -> exactRules(parts.get(p), true), parts);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        try {
            for (Config config : CONFIGS) {
                if (!only.isEmpty() && only.stream().noneMatch(config.name()::contains)) {
                    continue;
                }
                long t1 = System.nanoTime();
                // one model for every training set: all but one part, all but two
                Map<String, Future<StackedIntentReader>> models = new LinkedHashMap<>();
                for (int a = 0; a < names.size(); a++) {
                    String pa = names.get(a);
                    models.put(pa, pool.submit(() -> train(without(parts, pa), config)));
                    for (int b = a + 1; b < names.size(); b++) {
                        String pb = names.get(b);
                        models.put(pa + "+" + pb, pool.submit(() -> train(without(parts, pa, pb), config)));
                    }
                }
                for (boolean fresh : freshParts.isEmpty() ? new boolean[] {false} : new boolean[] {false, true}) {
                    List<String> scored = fresh ? freshParts : names;
                    for (Map.Entry<String, List<Policy>> family : families(config.stacked()).entrySet()) {
                        StringBuilder chosen = new StringBuilder();
                        Map<String, Integer> exactByPart = new LinkedHashMap<>();
                        Map<Policy, int[]> grid = new LinkedHashMap<>();
                        for (String p : scored) {
                            // the policy the training parts choose: train on all but p and one more, score that one
                            Map<Policy, Integer> inner = new LinkedHashMap<>();
                            for (String q : names) {
                                if (q.equals(p)) {
                                    continue;
                                }
                                StackedIntentReader m = pair(models, names, p, q).get();
                                for (Policy policy : family.getValue()) {
                                    inner.merge(policy, exact(m, config, policy, parts.get(q), fresh), Integer::sum);
                                }
                            }
                            Policy best = family.getValue().get(0);
                            for (Policy policy : family.getValue()) {
                                if (inner.get(policy) > inner.get(best)) {
                                    best = policy;
                                }
                            }
                            StackedIntentReader m = models.get(p).get();
                            exactByPart.put(p, exact(m, config, best, parts.get(p), fresh));
                            chosen.append(' ').append(p).append(' ').append(best.label());
                            for (Policy policy : family.getValue()) {
                                grid.computeIfAbsent(policy, k -> new int[scored.size()])[scored.indexOf(p)] =
                                        exact(m, config, policy, parts.get(p), fresh);
                            }
                        }
                        printRow(config.name() + ", " + family.getKey() + (fresh ? " [fresh rules]" : " [today's rules]"), scored,
                                exactByPart::get, parts);
                        System.out.println("    chosen inside the training parts:" + chosen);
                        for (Map.Entry<Policy, int[]> g : grid.entrySet()) {
                            printRow("      fixed " + g.getKey().label(), scored, p -> g.getValue()[scored.indexOf(p)], parts);
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "  (%s: %d s)%n", config.name(), (System.nanoTime() - t1) / 1_000_000_000);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "done in %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
    }

    private static Future<StackedIntentReader> pair(Map<String, Future<StackedIntentReader>> models, List<String> names, String p, String q) {
        return names.indexOf(p) < names.indexOf(q) ? models.get(p + "+" + q) : models.get(q + "+" + p);
    }

    private static int exactRules(List<Case> cases, boolean fresh) {
        int n = 0;
        for (Case c : cases) {
            n += c.ruleIntents(fresh).equals(c.message().intents()) ? 1 : 0;
        }
        return n;
    }

    private static void printRow(String name, List<String> scored, java.util.function.Function<String, Integer> exact,
                                 Map<String, List<Case>> parts) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-90s", name));
        double sum = 0;
        int all = 0;
        int n = 0;
        for (String p : scored) {
            int e = exact.apply(p);
            double acc = e / (double) parts.get(p).size();
            sum += acc;
            all += e;
            n += parts.get(p).size();
            row.append(String.format(Locale.ROOT, " | %s %.3f", p, acc));
        }
        row.append(String.format(Locale.ROOT, " | mean %.3f | pooled %.3f (%d)", sum / scored.size(), all / (double) n, n));
        System.out.println(row);
    }

    /** The candidate shipped (README: chosen by the leave-one-part-out tables) and its policy family. */
    static final Config SHIPPED = CONFIGS.get(3);
    static final String SHIPPED_FAMILY = "union";

    /**
     * The policy of {@code family} the leave-one-part-out protocol picks over every part (train on all but one, score it;
     * a part with a fresh reading is scored on it); ties: the first, the most conservative.
     */
    static Policy choosePolicy(Map<String, List<Case>> parts, Config config, String family) {
        List<Policy> policies = families(config.stacked()).get(family);
        Map<Policy, Integer> exact = new LinkedHashMap<>();
        for (String q : parts.keySet()) {
            StackedIntentReader m = train(without(parts, q), config);
            for (Policy policy : policies) {
                exact.merge(policy, exact(m, config, policy, parts.get(q), true), Integer::sum);
            }
        }
        Policy best = policies.get(0);
        for (Policy policy : policies) {
            if (exact.get(policy) > exact.get(best)) {
                best = policy;
            }
        }
        return best;
    }

    /** The shipped candidate's bytes: trained on every part at the policy {@link #choosePolicy} picks. */
    static byte[] shippedBytes(Map<String, List<Case>> parts) {
        Policy policy = choosePolicy(parts, SHIPPED, SHIPPED_FAMILY);
        return trainBytes(parts.values().stream().flatMap(List::stream).toList(), SHIPPED, policy.add(), policy.drop());
    }

    /** Where the shipped reader's weights are, from the repository root: the default of {@code --train-intent-reader}. */
    static final Path SHIPPED_FILE = Path.of("functions/lead-understanding/src/main/resources" + StackedIntentReader.RESOURCE);
    /** What the shipped weights were trained from, as a resource of this module and from the repository root. */
    static final String FINGERPRINT = "/intent-reader-training.sha256";
    static final Path FINGERPRINT_FILE = Path.of("evaluation/lead-understanding/src/main/resources" + FINGERPRINT);

    /**
     * SHA-256 of everything the shipped reader's training reads: the candidate, its policies, the training settings and the
     * guard, and for every message of every part its id, text, labelled intents, the rules' intents it is trained on (the
     * fresh reading where the part has one, today's rules elsewhere), today's slot names and language. The same inputs give
     * the same weights (the training is deterministic), so weights recorded with another fingerprint are stale.
     */
    static String trainingFingerprint(Map<String, List<Case>> parts) {
        StringBuilder all = new StringBuilder();
        all.append(String.join("|", "intent-reader v1", SHIPPED.toString(), SHIPPED_FAMILY, families(SHIPPED.stacked()).get(SHIPPED_FAMILY).toString(),
                training().toString(), Integer.toString(buckets()), LEARNED.toString(), Guard.SHIPPED.name(),
                StackedIntentReader.STAGE_MOVING.toString(), Integer.toString(StackedIntentReader.STANDALONE_WORDS),
                StackedIntentReader.SIDES.toString(), StackedIntentReader.SIDELESS.toString(),
                Integer.toString(StackedIntentReader.SOON_MONTHS))).append('\n');
        for (Map.Entry<String, List<Case>> part : parts.entrySet()) {
            for (Case c : part.getValue()) {
                all.append(part.getKey()).append('\t').append(c.message().id()).append('\t').append(c.message().text()).append('\t')
                        .append(EnumSet.copyOf(c.message().intents())).append('\t').append(EnumSet.copyOf(c.ruleIntents(SHIPPED.trainedFresh())))
                        .append('\t').append(c.rules().slots().stream().map(x -> x.name().name()).toList()).append('\t')
                        .append(c.rules().language()).append('\n');
            }
        }
        return sha256(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code evaluate.sh --train-intent-reader [FILE]}: the shipped candidate trained on every tuning part, written to FILE
     * (default: the shipped resource), and what it was trained from to {@link #FINGERPRINT_FILE} (StackedIntentWeightsTest
     * fails when the training data no longer gives these weights).
     */
    static void write(Path file, Path freshDir) throws IOException {
        Map<String, List<Case>> parts = cases(freshDir, SHIPPED.embedding());
        byte[] bytes = shippedBytes(parts);
        Files.write(file, bytes);
        if (freshDir == null && file.toAbsolutePath().normalize().equals(SHIPPED_FILE.toAbsolutePath().normalize())) {
            Files.writeString(FINGERPRINT_FILE, "# evaluate.sh --train-intent-reader: what the shipped intent reader was trained from\n"
                    + "training-data " + trainingFingerprint(parts) + "\nweights " + sha256(bytes) + "\n");
            System.out.println("wrote " + FINGERPRINT_FILE);
        }
        StackedIntentReader model = StackedIntentReader.fromBytes(bytes);
        System.out.printf(Locale.ROOT, "wrote %s: %d bytes, %d messages, %s, %s add>=%.2f drop<%.2f%n", file, bytes.length,
                parts.values().stream().mapToInt(List::size).sum(), SHIPPED.name(), SHIPPED_FAMILY, model.add(), model.drop());
    }

    /**
     * {@code evaluate.sh --intent-reader-cost}: thread CPU time of {@code understand()} per message over the ten parts with the
     * rules alone and with the shipped reader, message by message in turn (two warm-up passes, three measured), and of the
     * reader's own step ({@link StackedIntentReader#apply} on the rules' understanding) alone.
     */
    static void printCost() {
        List<LabelledMessage> messages = new ArrayList<>();
        PARTS.forEach(p -> messages.addAll(LabelledMessage.load(p)));
        LeadMessageUnderstander loaded = LeadMessageUnderstander.load(EvaluateCorpus.CORPUS_CLOCK);
        List<LeadMessageUnderstander> understanders = List.of(loaded.withIntentReader(LeadMessageUnderstander.IntentReading.RULES),
                loaded.withIntentReader(LeadMessageUnderstander.IntentReading.STACKED));
        StackedIntentReader model = StackedIntentReader.loadDefault().orElseThrow();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long[][] nanos = new long[3][messages.size() * 3];
        for (int pass = 0; pass < 5; pass++) {
            for (int m = 0; m < messages.size(); m++) {
                LabelledMessage message = messages.get(m);
                MessageUnderstanding rules = null;
                for (int u = 0; u < understanders.size(); u++) {
                    long t0 = cpu.getCurrentThreadCpuTime();
                    MessageUnderstanding got = understanders.get(u).understand(message.text(), message.side());
                    long spent = cpu.getCurrentThreadCpuTime() - t0;
                    if (u == 0) {
                        rules = got;
                    }
                    if (pass >= 2) {
                        nanos[u][(pass - 2) * messages.size() + m] = spent;
                    }
                }
                String folded = FoldedText.of(message.text()).folded();
                long t0 = cpu.getCurrentThreadCpuTime();
                model.apply(rules, folded, new float[0]);
                long spent = cpu.getCurrentThreadCpuTime() - t0;
                if (pass >= 2) {
                    nanos[2][(pass - 2) * messages.size() + m] = spent;
                }
            }
        }
        List<String> names = List.of("understand(), rules alone", "understand(), stacked reader", "the reader's step alone");
        for (int u = 0; u < names.size(); u++) {
            long[] sorted = nanos[u].clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%-30s CPU: p50 %d µs, p90 %d µs, p99 %d µs, mean %d µs (%d samples)%n", names.get(u),
                    sorted[sorted.length / 2] / 1000, sorted[(int) (sorted.length * 0.9)] / 1000, sorted[(int) (sorted.length * 0.99)] / 1000,
                    (long) Arrays.stream(sorted).average().orElse(0) / 1000, sorted.length);
        }
    }
}
