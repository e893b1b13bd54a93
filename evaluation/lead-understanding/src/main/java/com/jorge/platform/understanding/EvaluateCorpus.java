package com.jorge.platform.understanding;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints the corpus figures: {@code EvaluateCorpus [--corpus FILE] [--patterns-only] [--show-tuning-misses]
 * [--show-misses]}. Without {@code --corpus} it scores the corpus parts in this module; with it, any
 * JSON Lines file in the corpus format. Either way the last line is
 * {@code slotF1=... intentAccuracy=... optOutRecall=... falseOptOuts=...} (for all the parts together
 * when no file is named). Misses are shown for the tuning parts only, or for a named file with
 * {@code --show-misses}; the held-out parts are reported in aggregate, never message by message, so
 * that nobody tunes to them by reading this output.
 */
public final class EvaluateCorpus {

    /** The clock the corpus labels were written against. */
    public static final Clock CORPUS_CLOCK = Clock.fixed(
            ZonedDateTime.of(2026, 1, 15, 12, 0, 0, 0, ZoneId.of("America/Chicago")).toInstant(), ZoneId.of("America/Chicago"));
    public static final String TUNING = "/corpus/tuning.jsonl";
    public static final String HELD_OUT = "/corpus/heldout.jsonl";
    /** Leads from other metros (issue 13): its own tuning and held-out parts. */
    public static final String TUNING_METROS = "/corpus/tuning-metros.jsonl";
    public static final String HELD_OUT_METROS = "/corpus/heldout-metros.jsonl";
    /** Written before the second round of issue 13's changes, once heldout-metros had been read: eight more metros. */
    public static final String HELD_OUT_2 = "/corpus/heldout-2.jsonl";
    /**
     * Written before the third round, once heldout-2 had been measured and became tuning data: ten more
     * metros and new suburbs of five earlier ones. Scored in aggregate only until the fourth round, when a
     * heldout-4 was being written by another engineer: tuning data since (its misses are shown).
     */
    public static final String HELD_OUT_3 = "/corpus/heldout-3.jsonl";
    /**
     * Written by a different hand than the extractor's, before the fourth round: twelve more metros. Held out through the
     * fourth round (aggregate only); tuning data since the fifth, once heldout-5 was being written by another hand.
     */
    public static final String HELD_OUT_4 = "/corpus/heldout-4.jsonl";
    /**
     * Requests to stop in families of phrasings, and near-misses, written for the sixth round's opt-out reading (a tuning
     * part: it tests that the reading is general, by the rules' own hand).
     */
    public static final String TUNING_OPT_OUTS = "/corpus/tuning-optouts.jsonl";
    /**
     * Written by an independent hand before the sixth round's tuning: ten more metros. Held out through the seventh round
     * (aggregate only); tuning data since the eighth, once heldout-6 was being written by another hand.
     */
    public static final String HELD_OUT_5 = "/corpus/heldout-5.jsonl";
    /**
     * Written by a hand that never read the extractor, on the kinds of message it misses on independent text, many phrasings
     * each (eighth round): tuning data from the start; scored once before any rule was written from it.
     */
    public static final String TUNING_KINDS = "/corpus/tuning-kinds.jsonl";
    /**
     * Written by another hand that never read the extractor, on the families it misses most on new text, many phrasings each
     * (eleventh round): tuning data from the start.
     */
    public static final String TUNING_FAMILIES_2 = "/corpus/tuning-families-2.jsonl";
    /**
     * Written by a third hand that never read the extractor, families in many phrasings (registered in the thirteenth round): tuning
     * data from the start; read once before any rule was written from it.
     */
    public static final String TUNING_FAMILIES_3 = "/corpus/tuning-families-3.jsonl";
    /**
     * Written by a fourth such hand, mostly Spanish (registered in the thirteenth round): tuning data from the start; read once
     * before any rule was written from it.
     */
    public static final String TUNING_FAMILIES_4 = "/corpus/tuning-families-4.jsonl";
    /**
     * Sellers mid-conversation by a fifth hand that never read the extractor (registered in the fourteenth round): tuning data
     * from the start; read once before any rule was written from it.
     */
    public static final String TUNING_FAMILIES_5 = "/corpus/tuning-families-5.jsonl";
    /** Buyers mid-conversation by a sixth such hand (registered in the fourteenth round as tuning-families-5 was). */
    public static final String TUNING_FAMILIES_6 = "/corpus/tuning-families-6.jsonl";
    /** Older and rural leads, voice-to-text, by a seventh such hand (registered in the fourteenth round). */
    public static final String TUNING_FAMILIES_7 = "/corpus/tuning-families-7.jsonl";
    /** Young leads, slang and Spanglish, by an eighth such hand (registered in the fourteenth round). */
    public static final String TUNING_FAMILIES_8 = "/corpus/tuning-families-8.jsonl";
    /**
     * Questions about the team, the service and the process, one-line replies given a side, joint decisions, by a ninth hand that
     * never read the extractor (registered in the fifteenth round as tuning-families-5 to -8 were).
     */
    public static final String TUNING_FAMILIES_9 = "/corpus/tuning-families-9.jsonl";
    /** Short refusals and deferrals, decision makers, money hardship and home value in Spanish, by a tenth such hand (fifteenth round). */
    public static final String TUNING_FAMILIES_10 = "/corpus/tuning-families-10.jsonl";
    /** The families parts registered since the thirteenth round, each with the title its report prints, in print order. */
    private static final Map<String, String> LATER_FAMILIES = new LinkedHashMap<>();

    static {
        LATER_FAMILIES.put(TUNING_FAMILIES_3, "FAMILIES, MANY PHRASINGS, BY A THIRD HAND, TUNING");
        LATER_FAMILIES.put(TUNING_FAMILIES_4, "FAMILIES, MOSTLY SPANISH, BY A FOURTH HAND, TUNING");
        LATER_FAMILIES.put(TUNING_FAMILIES_5, "SELLERS MID-CONVERSATION, BY A FIFTH HAND, TUNING");
        LATER_FAMILIES.put(TUNING_FAMILIES_6, "BUYERS MID-CONVERSATION, BY A SIXTH HAND, TUNING");
        LATER_FAMILIES.put(TUNING_FAMILIES_7, "OLDER AND RURAL LEADS, VOICE-TO-TEXT, BY A SEVENTH HAND, TUNING");
        LATER_FAMILIES.put(TUNING_FAMILIES_8, "YOUNG LEADS, SLANG AND SPANGLISH, BY AN EIGHTH HAND, TUNING");
        LATER_FAMILIES.put(TUNING_FAMILIES_9, "TEAM AND PROCESS QUESTIONS, ONE-LINE REPLIES, BY A NINTH HAND, TUNING");
        LATER_FAMILIES.put(TUNING_FAMILIES_10, "SHORT REFUSALS AND DEFERRALS, MOSTLY SPANISH, BY A TENTH HAND, TUNING");
    }

    /** Every registered part, held-out parts turned tuning data included: what the no-argument run reports part by part. */
    static final List<String> REGISTERED_PARTS = List.of(TUNING, HELD_OUT, TUNING_METROS, HELD_OUT_METROS, HELD_OUT_2, HELD_OUT_3,
            HELD_OUT_4, TUNING_OPT_OUTS, HELD_OUT_5, TUNING_KINDS, TUNING_FAMILIES_2, TUNING_FAMILIES_3, TUNING_FAMILIES_4,
            TUNING_FAMILIES_5, TUNING_FAMILIES_6, TUNING_FAMILIES_7, TUNING_FAMILIES_8, TUNING_FAMILIES_9, TUNING_FAMILIES_10);

    private EvaluateCorpus() {
    }

    /** The tuning parts, what a learned intent model may be trained on: never a held-out part. */
    static List<LabelledMessage> trainingParts() {
        List<LabelledMessage> out = new ArrayList<>(LabelledMessage.load(TUNING));
        out.addAll(LabelledMessage.load(TUNING_METROS));
        out.addAll(LabelledMessage.load(HELD_OUT_METROS));
        out.addAll(LabelledMessage.load(HELD_OUT_2));
        out.addAll(LabelledMessage.load(HELD_OUT_3));
        out.addAll(LabelledMessage.load(HELD_OUT_4));
        out.addAll(LabelledMessage.load(HELD_OUT_5));
        out.addAll(LabelledMessage.load(TUNING_KINDS));
        out.addAll(LabelledMessage.load(TUNING_FAMILIES_2));
        LATER_FAMILIES.keySet().forEach(part -> out.addAll(LabelledMessage.load(part)));
        return out;
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        // the learned reader of the full intent set (ninth round): FRESH_DIR, where given, holds older commits' readings
        int lopo = options.indexOf("--intent-reader-lopo");
        if (lopo >= 0) {
            Path freshDir = lopo + 1 < options.size() && !options.get(lopo + 1).startsWith("--") ? Path.of(options.get(lopo + 1)) : null;
            int only = options.indexOf("--only");
            StackedIntentSelection.printLeaveOnePartOut(freshDir, only >= 0 ? List.of(options.get(only + 1).split(";")) : List.of());
            return;
        }
        if (options.contains("--intent-reader-guards")) {
            StackedIntentSelection.printGuards();
            return;
        }
        if (options.contains("--intent-reader-cost")) {
            StackedIntentSelection.printCost();
            return;
        }
        int trainReader = options.indexOf("--train-intent-reader");
        if (trainReader >= 0) {
            boolean named = trainReader + 1 < options.size() && !options.get(trainReader + 1).startsWith("--");
            int bucketsOption = options.indexOf("--buckets");
            int l2Option = options.indexOf("--l2");
            if (bucketsOption >= 0 || l2Option >= 0) {
                if (!named) {
                    throw new IllegalArgumentException("--buckets and --l2 train a candidate: name the FILE to write");
                }
                StackedIntentSelection.withCapacity(bucketsOption >= 0 ? Integer.parseInt(options.get(bucketsOption + 1))
                        : StackedIntentSelection.BUCKETS, l2Option >= 0 ? Double.parseDouble(options.get(l2Option + 1))
                        : StackedIntentSelection.TRAINING.l2());
            }
            StackedIntentSelection.write(named ? Path.of(options.get(trainReader + 1)) : StackedIntentSelection.SHIPPED_FILE, null);
            return;
        }
        if (options.contains("--other-fallback-lopo")) {
            OtherFallbackTraining.printLeaveOnePartOut();
            return;
        }
        int fresh = options.indexOf("--other-fallback-fresh");
        if (fresh >= 0) {
            if (fresh + 2 >= options.size()) {
                throw new IllegalArgumentException("--other-fallback-fresh needs MISSES PART");
            }
            OtherFallbackTraining.printFresh(Path.of(options.get(fresh + 1)), options.get(fresh + 2));
            return;
        }
        if (options.contains("--other-fallback-cost")) {
            OtherFallbackTraining.printCost();
            return;
        }
        int train = options.indexOf("--train-other-fallback");
        if (train >= 0) {
            if (train + 1 >= options.size()) {
                throw new IllegalArgumentException("--train-other-fallback needs the file to write");
            }
            OtherFallbackTraining.write(Path.of(options.get(train + 1)));
            return;
        }
        boolean patternsOnly = options.contains("--patterns-only");
        boolean showMisses = options.contains("--show-tuning-misses");
        Optional<Path> corpus = corpusFile(options);
        if (options.contains("--blend-cross-validation")) {
            List<LabelledMessage> rulesSource = new ArrayList<>(LabelledMessage.load(TUNING));
            rulesSource.addAll(LabelledMessage.load(TUNING_METROS));
            IntentBlendCrossValidation.print("folds of heldout-metros (rules developed on it only after heldout-2 was written)",
                    rulesSource, LabelledMessage.load(HELD_OUT_METROS));
            IntentBlendCrossValidation.print("folds of all the tuning parts", List.of(), trainingParts());
            return;
        }
        if (options.contains("--leave-one-part-out")) {
            Map<String, List<LabelledMessage>> parts = new LinkedHashMap<>();
            for (String part : List.of(TUNING, TUNING_METROS, HELD_OUT_METROS, HELD_OUT_2, HELD_OUT_3, HELD_OUT_4, HELD_OUT_5, TUNING_KINDS)) {
                parts.put(part.substring(part.lastIndexOf('/') + 1, part.indexOf('.')), LabelledMessage.load(part));
            }
            int blendOn = options.indexOf("--fixed-blend-on");
            if (blendOn >= 0 && blendOn + 1 < options.size()) {
                IntentLeaveOnePartOut.printFixedBlend(parts, options.get(blendOn + 1));
            } else {
                IntentLeaveOnePartOut.print(parts);
            }
            return;
        }
        int agreement = options.indexOf("--agreement");
        if (agreement >= 0) {
            printAgreement(corpus, options, agreement);
            return;
        }
        long t0 = System.nanoTime();
        MessageUnderstander understander = patternsOnly ? LeadMessageUnderstander.patternsOnly(CORPUS_CLOCK)
                // the intent reader as JORGE_UNDERSTANDING_INTENT_READER says (fine_tuned unless set), as the worker reads it
                : LeadMessageUnderstander.load(CORPUS_CLOCK).withIntentReader(
                        LeadMessageUnderstander.IntentReading.fromConfig(com.jorge.platform.config.PlatformConfig.fromEnvironment()));
        System.out.printf("understander: %s, loaded in %d ms%n", patternsOnly ? "patterns only" : "patterns + MiniLM exemplars",
                (System.nanoTime() - t0) / 1_000_000);
        if (corpus.isPresent()) {
            CorpusEvaluation.Report report = CorpusEvaluation.evaluate(understander, LabelledMessage.load(corpus.get()));
            if (options.contains("--show-misses")) {
                printMisses(report);
            }
            System.out.println(report.format(corpus.get().toString()));
            System.out.println(PossibleOptOutReport.of(corpus.get().getFileName().toString(), understander,
                    LabelledMessage.load(corpus.get())).line());
            System.out.println(report.summaryLine());
            return;
        }
        List<LabelledMessage> tuning = LabelledMessage.load(TUNING);
        List<LabelledMessage> heldOut = LabelledMessage.load(HELD_OUT);
        List<LabelledMessage> tuningMetros = LabelledMessage.load(TUNING_METROS);
        List<LabelledMessage> heldOutMetros = LabelledMessage.load(HELD_OUT_METROS);
        List<LabelledMessage> heldOut2 = LabelledMessage.load(HELD_OUT_2);
        List<LabelledMessage> heldOut3 = LabelledMessage.load(HELD_OUT_3);
        List<LabelledMessage> heldOut4 = LabelledMessage.load(HELD_OUT_4);
        List<LabelledMessage> optOuts = LabelledMessage.load(TUNING_OPT_OUTS);
        List<LabelledMessage> heldOut5 = LabelledMessage.load(HELD_OUT_5);
        List<LabelledMessage> kinds = LabelledMessage.load(TUNING_KINDS);
        List<LabelledMessage> families2 = LabelledMessage.load(TUNING_FAMILIES_2);
        Map<String, List<LabelledMessage>> laterFamilies = new LinkedHashMap<>();
        LATER_FAMILIES.keySet().forEach(part -> laterFamilies.put(part, LabelledMessage.load(part)));
        List<LabelledMessage> all = new ArrayList<>(tuning);
        all.addAll(heldOut);
        all.addAll(tuningMetros);
        all.addAll(heldOutMetros);
        all.addAll(heldOut2);
        all.addAll(heldOut3);
        all.addAll(heldOut4);
        all.addAll(optOuts);
        all.addAll(heldOut5);
        all.addAll(kinds);
        all.addAll(families2);
        laterFamilies.values().forEach(all::addAll);

        if (options.contains("--embedding-diagnostics") && understander instanceof LeadMessageUnderstander lmu) {
            EmbeddingDiagnostics.print(lmu, tuning);
            return;
        }
        CorpusEvaluation.Report tuningReport = CorpusEvaluation.evaluate(understander, tuning);
        CorpusEvaluation.Report tuningMetrosReport = CorpusEvaluation.evaluate(understander, tuningMetros);
        CorpusEvaluation.Report heldOutMetrosReport = CorpusEvaluation.evaluate(understander, heldOutMetros);
        CorpusEvaluation.Report heldOut2Report = CorpusEvaluation.evaluate(understander, heldOut2);
        CorpusEvaluation.Report heldOut3Report = CorpusEvaluation.evaluate(understander, heldOut3);
        CorpusEvaluation.Report heldOut4Report = CorpusEvaluation.evaluate(understander, heldOut4);
        CorpusEvaluation.Report optOutsReport = CorpusEvaluation.evaluate(understander, optOuts);
        CorpusEvaluation.Report heldOut5Report = CorpusEvaluation.evaluate(understander, heldOut5);
        CorpusEvaluation.Report kindsReport = CorpusEvaluation.evaluate(understander, kinds);
        CorpusEvaluation.Report families2Report = CorpusEvaluation.evaluate(understander, families2);
        Map<String, CorpusEvaluation.Report> laterFamiliesReports = new LinkedHashMap<>();
        laterFamilies.forEach((part, messages) -> laterFamiliesReports.put(part, CorpusEvaluation.evaluate(understander, messages)));
        if (showMisses) {
            printMisses(tuningReport);
            printMisses(tuningMetrosReport);
            printMisses(heldOutMetrosReport);
            printMisses(heldOut2Report);
            printMisses(heldOut3Report);
            printMisses(heldOut4Report);
            printMisses(optOutsReport);
            printMisses(heldOut5Report);
            printMisses(kindsReport);
            printMisses(families2Report);
            laterFamiliesReports.values().forEach(EvaluateCorpus::printMisses);
        }
        System.out.println(CorpusEvaluation.evaluate(understander, heldOut).format("HELD-OUT (" + HELD_OUT + ")"));
        System.out.println(heldOut4Report.format("OTHER METROS, FOURTH HELD-OUT PART, TUNING DATA SINCE HELD-OUT 5 (" + HELD_OUT_4 + ")"));
        System.out.println(heldOut5Report.format("OTHER METROS, FIFTH HELD-OUT PART, TUNING DATA SINCE HELD-OUT 6 (" + HELD_OUT_5 + ")"));
        System.out.println(kindsReport.format("KINDS OF MISS, MANY PHRASINGS, BY A HAND THAT NEVER READ THE EXTRACTOR, TUNING (" + TUNING_KINDS + ")"));
        System.out.println(families2Report.format("FAMILIES MISSED MOST, MANY PHRASINGS, BY ANOTHER HAND, TUNING (" + TUNING_FAMILIES_2 + ")"));
        laterFamiliesReports.forEach((part, report) -> System.out.println(report.format(LATER_FAMILIES.get(part) + " (" + part + ")")));
        System.out.println(optOutsReport.format("OPT-OUT FAMILIES AND NEAR-MISSES, TUNING (" + TUNING_OPT_OUTS + ")"));
        System.out.println(tuningReport.format("TUNING (" + TUNING + ")"));
        System.out.println(heldOutMetrosReport.format(
                "OTHER METROS, FIRST HELD-OUT PART, TUNING DATA SINCE HELD-OUT 2 (" + HELD_OUT_METROS + ")"));
        System.out.println(heldOut2Report.format("OTHER METROS, SECOND HELD-OUT PART, TUNING DATA SINCE HELD-OUT 3 (" + HELD_OUT_2 + ")"));
        System.out.println(heldOut3Report.format("OTHER METROS, THIRD HELD-OUT PART, TUNING DATA SINCE HELD-OUT 4 (" + HELD_OUT_3 + ")"));
        System.out.println(tuningMetrosReport.format("TUNING, OTHER METROS (" + TUNING_METROS + ")"));
        CorpusEvaluation.Report allReport = CorpusEvaluation.evaluate(understander, all);
        System.out.println(allReport.format("ALL"));
        // the possible-opt-out hold, part by part (the hold depends on the patterns only)
        MessageUnderstander patterns = LeadMessageUnderstander.patternsOnly(CORPUS_CLOCK);
        PossibleOptOutReport total = new PossibleOptOutReport("all", 0, 0, 0, 0, 0, 0);
        for (String part : REGISTERED_PARTS) {
            PossibleOptOutReport r = PossibleOptOutReport.of(part.substring(part.lastIndexOf('/') + 1, part.indexOf('.')), patterns,
                    LabelledMessage.load(part));
            System.out.println(r.line());
            total = total.plus(r);
        }
        System.out.println(total.line());
        if (options.contains("--show-possible-opt-outs")) {
            PossibleOptOutReport.printTuningFlags(patterns, all);
        }
        System.out.println(allReport.summaryLine());
    }

    private static Optional<Path> corpusFile(List<String> options) {
        int i = options.indexOf("--corpus");
        if (i < 0) {
            return Optional.empty();
        }
        if (i + 1 >= options.size() || options.get(i + 1).startsWith("--")) {
            throw new IllegalArgumentException("--corpus needs a file: --corpus FILE");
        }
        return Optional.of(Path.of(options.get(i + 1)));
    }

    /**
     * {@code --corpus FILE --agreement OTHER}: OTHER's labels of the same messages scored against FILE's as the
     * understander is scored, with the same last line; {@code --show-misses} lists where the two hands differ.
     */
    private static void printAgreement(Optional<Path> corpus, List<String> options, int agreement) {
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("--agreement needs --corpus FILE: the labelling it is compared with");
        }
        if (agreement + 1 >= options.size() || options.get(agreement + 1).startsWith("--")) {
            throw new IllegalArgumentException("--agreement needs a file: --agreement OTHER_LABELS");
        }
        Path other = Path.of(options.get(agreement + 1));
        List<LabelledMessage> reference = LabelledMessage.load(corpus.get());
        List<LabelledMessage> second = LabelledMessage.load(other);
        if (second.size() != reference.size()) {
            throw new IllegalArgumentException("--agreement: " + other + " has " + second.size() + " messages, "
                    + corpus.get() + " has " + reference.size());
        }
        CorpusEvaluation.Report report = CorpusEvaluation.evaluate(new LabelledReading(second), reference);
        if (options.contains("--show-misses")) {
            printMisses(report);
        }
        System.out.println(report.format(other + " against " + corpus.get()));
        System.out.println(report.summaryLine());
    }

    private static void printMisses(CorpusEvaluation.Report report) {
        for (CorpusEvaluation.Miss miss : report.misses()) {
            System.out.printf("%s %s%n    %s%n", miss.message().id(), miss.message().text(), String.join("; ", miss.problems()));
        }
    }
}
