package com.jorge.platform.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the corpus evaluation. Opt-out is held to the issue's bar (every opt-out found, no false
 * one); the other floors sit a little under what was measured (README.md) so that a regression
 * fails the build.
 */
class CorpusEvaluationTest {

    static final LeadMessageUnderstander UNDERSTANDER = LeadMessageUnderstander.load(EvaluateCorpus.CORPUS_CLOCK);

    static List<LabelledMessage> tuning;
    static List<LabelledMessage> heldOut;
    static CorpusEvaluation.Report heldOutReport;
    static CorpusEvaluation.Report allReport;

    @BeforeAll
    static void evaluate() {
        tuning = LabelledMessage.load(EvaluateCorpus.TUNING);
        heldOut = LabelledMessage.load(EvaluateCorpus.HELD_OUT);
        List<LabelledMessage> all = new ArrayList<>(tuning);
        all.addAll(heldOut);
        heldOutReport = CorpusEvaluation.evaluate(UNDERSTANDER, heldOut);
        allReport = CorpusEvaluation.evaluate(UNDERSTANDER, all);
        System.out.println(heldOutReport.format("held-out"));
        System.out.println(allReport.format("all"));
    }

    @Test
    void corpusHasAtLeastFourHundredMessagesInTwoDisjointParts() {
        assertThat(tuning.size() + heldOut.size()).isGreaterThanOrEqualTo(400);
        assertThat(heldOut).hasSizeGreaterThanOrEqualTo(150);
        Set<String> tuningTexts = new HashSet<>();
        tuning.forEach(m -> tuningTexts.add(m.text().toLowerCase()));
        // one-word replies ("STOP", "no") recur in real traffic; a sentence must be in one part only
        assertThat(heldOut.stream().map(m -> m.text().toLowerCase()).filter(t -> t.split("\\s+").length > 2).filter(tuningTexts::contains))
                .isEmpty();
        assertThat(heldOut.stream().filter(m -> m.language().equals("es")).count()).isGreaterThanOrEqualTo(30);
        assertThat(tuning.stream().filter(m -> m.language().equals("es")).count()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void everyOptOutIsFoundAndNothingElseIsTakenForOne() {
        assertThat(allReport.optOutsExpected()).isGreaterThanOrEqualTo(50);
        assertThat(allReport.optOutRecall()).isEqualTo(1.0);
        assertThat(allReport.falseOptOuts()).isZero();
        assertThat(heldOutReport.optOutRecall()).isEqualTo(1.0);
        assertThat(heldOutReport.falseOptOuts()).isZero();
    }

    @Test
    void slotsAndIntentsStayAboveTheirMeasuredFloors() {
        // measured: held-out slot F1 0.988, intent accuracy 0.969; all: 0.996 and 0.990
        assertThat(heldOutReport.slotsOverall().f1()).isGreaterThanOrEqualTo(0.97);
        assertThat(heldOutReport.intentAccuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(allReport.slotsOverall().f1()).isGreaterThanOrEqualTo(0.98);
        assertThat(allReport.intentAccuracy()).isGreaterThanOrEqualTo(0.97);
        assertThat(allReport.languageAccuracy()).isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void otherMetrosStayAboveTheirMeasuredFloorsWithEveryTuningOptOutFound() {
        // issue 13: leads from five other metros, both parts tuning data since heldout-2; floors under README.md's figures
        CorpusEvaluation.Report tuningMetros = CorpusEvaluation.evaluate(UNDERSTANDER, LabelledMessage.load(EvaluateCorpus.TUNING_METROS));
        CorpusEvaluation.Report heldOutMetros = CorpusEvaluation.evaluate(UNDERSTANDER, LabelledMessage.load(EvaluateCorpus.HELD_OUT_METROS));
        assertThat(tuningMetros.optOutRecall()).isEqualTo(1.0);
        assertThat(tuningMetros.falseOptOuts()).isZero();
        assertThat(tuningMetros.slotsOverall().f1()).isGreaterThanOrEqualTo(0.95);
        assertThat(tuningMetros.intentAccuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(heldOutMetros.optOutRecall()).isEqualTo(1.0);
        assertThat(heldOutMetros.falseOptOuts()).isZero();
        assertThat(heldOutMetros.slotsOverall().f1()).isGreaterThanOrEqualTo(0.95);
        assertThat(heldOutMetros.intentAccuracy()).isGreaterThanOrEqualTo(0.92);
    }

    @Test
    void heldOut2IsItsOwnTextAndStaysAboveItsFloorsAsTuningData() {
        List<LabelledMessage> heldOut2 = LabelledMessage.load(EvaluateCorpus.HELD_OUT_2);
        assertThat(heldOut2).hasSizeGreaterThanOrEqualTo(150);
        assertThat(heldOut2.stream().filter(m -> m.language().equals("es")).count()).isGreaterThanOrEqualTo(50);
        assertThat(longSentencesFoundIn(heldOut2, List.of(EvaluateCorpus.TUNING, EvaluateCorpus.TUNING_METROS, EvaluateCorpus.HELD_OUT_METROS)))
                .isEmpty();
        CorpusEvaluation.Report report = CorpusEvaluation.evaluate(UNDERSTANDER, heldOut2);
        // tuning data since heldout-3 was written; measured (README.md) 0.974 and 0.963, every opt-out, none false
        assertThat(report.slotsOverall().f1()).isGreaterThanOrEqualTo(0.96);
        assertThat(report.intentAccuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(report.optOutRecall()).isEqualTo(1.0);
        assertThat(report.falseOptOuts()).isZero();
    }

    @Test
    void heldOut3IsItsOwnTextAndStaysAboveItsFloorsAsTuningData() {
        List<LabelledMessage> heldOut3 = LabelledMessage.load(EvaluateCorpus.HELD_OUT_3);
        assertThat(heldOut3).hasSizeGreaterThanOrEqualTo(200);
        assertThat(heldOut3.stream().filter(m -> m.language().equals("es")).count()).isGreaterThanOrEqualTo(heldOut3.size() / 3);
        assertThat(longSentencesFoundIn(heldOut3, List.of(EvaluateCorpus.TUNING, EvaluateCorpus.TUNING_METROS,
                EvaluateCorpus.HELD_OUT_METROS, EvaluateCorpus.HELD_OUT_2, EvaluateCorpus.HELD_OUT))).isEmpty();
        CorpusEvaluation.Report report = CorpusEvaluation.evaluate(UNDERSTANDER, heldOut3);
        // tuning data since heldout-4 was being written; measured (README.md) 0.991 and 0.970, every opt-out, none false.
        // Its last figures as a held-out part were 0.935, 0.856, 45/51: these floors guard the tuning, they prove nothing new.
        assertThat(report.slotsOverall().f1()).isGreaterThanOrEqualTo(0.98);
        assertThat(report.intentAccuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(report.optOutRecall()).isEqualTo(1.0);
        assertThat(report.falseOptOuts()).isZero();
    }

    @Test
    void heldOut4IsItsOwnTextAndStaysAboveItsFloorsAsTuningData() {
        List<LabelledMessage> heldOut4 = LabelledMessage.load(EvaluateCorpus.HELD_OUT_4);
        assertThat(heldOut4).hasSizeGreaterThanOrEqualTo(150);
        assertThat(heldOut4.stream().filter(m -> m.language().equals("es")).count()).isGreaterThanOrEqualTo(heldOut4.size() / 3);
        assertThat(longSentencesFoundIn(heldOut4, List.of(EvaluateCorpus.TUNING, EvaluateCorpus.TUNING_METROS,
                EvaluateCorpus.HELD_OUT_METROS, EvaluateCorpus.HELD_OUT_2, EvaluateCorpus.HELD_OUT_3, EvaluateCorpus.HELD_OUT))).isEmpty();
        CorpusEvaluation.Report report = CorpusEvaluation.evaluate(UNDERSTANDER, heldOut4);
        // tuning data since heldout-5 was being written (sixth round). Its last figures as a held-out part were 0.885, 0.719,
        // 47/56 opt-outs and 2 false; measured after the round (README.md) 0.939, 0.920, every opt-out, none false.
        // These floors guard the tuning; they prove nothing about a new hand's text.
        assertThat(report.slotsOverall().f1()).isGreaterThanOrEqualTo(0.93);
        assertThat(report.intentAccuracy()).isGreaterThanOrEqualTo(0.91);
        assertThat(report.optOutRecall()).isEqualTo(1.0);
        assertThat(report.falseOptOuts()).isZero();
    }

    @Test
    void heldOut5IsItsOwnTextAndStaysAboveItsFloorsAsTuningData() {
        List<LabelledMessage> heldOut5 = LabelledMessage.load(EvaluateCorpus.HELD_OUT_5);
        assertThat(heldOut5).hasSizeGreaterThanOrEqualTo(150);
        assertThat(heldOut5.stream().filter(m -> m.language().equals("es")).count()).isGreaterThanOrEqualTo(heldOut5.size() / 3);
        // its independent hand wrote 7 stock sentences that an earlier part holds word for word ("please remove me from your
        // list", "let me talk to my husband and get back to you"): found when it became tuning data; no more may appear
        assertThat(longSentencesFoundIn(heldOut5, List.of(EvaluateCorpus.TUNING, EvaluateCorpus.TUNING_METROS, EvaluateCorpus.HELD_OUT_METROS,
                EvaluateCorpus.HELD_OUT_2, EvaluateCorpus.HELD_OUT_3, EvaluateCorpus.HELD_OUT_4, EvaluateCorpus.TUNING_OPT_OUTS,
                EvaluateCorpus.HELD_OUT))).hasSizeLessThanOrEqualTo(7);
        CorpusEvaluation.Report report = CorpusEvaluation.evaluate(UNDERSTANDER, heldOut5);
        // tuning data since heldout-6 was being written (eighth round). Its last figures as a held-out part were 0.915, 0.830,
        // 60/65 opt-outs and 1 false; measured after the round (README.md) 0.945, 0.964, every opt-out, none false.
        // These floors guard the tuning; they prove nothing about a new hand's text.
        assertThat(report.slotsOverall().f1()).isGreaterThanOrEqualTo(0.93);
        assertThat(report.intentAccuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(report.optOutRecall()).isEqualTo(1.0);
        assertThat(report.falseOptOuts()).isZero();
    }

    @Test
    void theKindsPartIsItsOwnTextAndStaysAboveItsFloorsAsTuningData() {
        List<LabelledMessage> kinds = LabelledMessage.load(EvaluateCorpus.TUNING_KINDS);
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(450);
        assertThat(longSentencesFoundIn(kinds, List.of(EvaluateCorpus.TUNING, EvaluateCorpus.TUNING_METROS, EvaluateCorpus.HELD_OUT_METROS,
                EvaluateCorpus.HELD_OUT_2, EvaluateCorpus.HELD_OUT_3, EvaluateCorpus.HELD_OUT_4, EvaluateCorpus.HELD_OUT_5,
                EvaluateCorpus.TUNING_OPT_OUTS, EvaluateCorpus.HELD_OUT))).isEmpty();
        CorpusEvaluation.Report report = CorpusEvaluation.evaluate(UNDERSTANDER, kinds);
        // written by a hand that never read the extractor; scored once before any rule was written from it: 0.801, 0.713,
        // 55/65 opt-outs, 1 false. Measured after the round (README.md) 0.877, 0.912, every opt-out, none false.
        assertThat(report.slotsOverall().f1()).isGreaterThanOrEqualTo(0.86);
        assertThat(report.intentAccuracy()).isGreaterThanOrEqualTo(0.90);
        assertThat(report.optOutRecall()).isEqualTo(1.0);
        assertThat(report.falseOptOuts()).isZero();
    }

    @Test
    void heldOut8AndTheSecondFamiliesPartStayAboveTheirFloorsAsTuningData() {
        List<String> earlier = List.of(EvaluateCorpus.TUNING, EvaluateCorpus.TUNING_METROS, EvaluateCorpus.HELD_OUT_METROS,
                EvaluateCorpus.HELD_OUT_2, EvaluateCorpus.HELD_OUT_3, EvaluateCorpus.HELD_OUT_4, EvaluateCorpus.HELD_OUT_5,
                EvaluateCorpus.TUNING_OPT_OUTS, EvaluateCorpus.TUNING_KINDS, EvaluateCorpus.HELD_OUT, StackedIntentSelection.HELD_OUT_7);
        // tuning data since the eleventh round: heldout-8 (its figures as a held-out part 0.884, 0.820, 71/77 opt-outs, none false;
        // after the round, in sample, 0.926, 0.944, every opt-out) and tuning-families-2 (before any rule was written from it 0.847,
        // 0.750, 49/50; after, 0.928, 0.926, every opt-out). These floors guard the tuning; they prove nothing about a new hand.
        List<LabelledMessage> heldOut8 = LabelledMessage.load(StackedIntentSelection.HELD_OUT_8);
        // its hand wrote 6 stock messages an earlier part holds word for word (a spelled-out keyword, "take me off ur list", "what
        // company are you with"...): found when it became tuning data; no more may appear
        assertThat(longSentencesFoundIn(heldOut8, earlier)).hasSizeLessThanOrEqualTo(6);
        CorpusEvaluation.Report eight = CorpusEvaluation.evaluate(UNDERSTANDER, heldOut8);
        assertThat(eight.slotsOverall().f1()).isGreaterThanOrEqualTo(0.91);
        assertThat(eight.intentAccuracy()).isGreaterThanOrEqualTo(0.92);
        assertThat(eight.optOutRecall()).isEqualTo(1.0);
        assertThat(eight.falseOptOuts()).isZero();
        List<LabelledMessage> families2 = LabelledMessage.load(EvaluateCorpus.TUNING_FAMILIES_2);
        assertThat(families2).hasSizeGreaterThanOrEqualTo(450);
        CorpusEvaluation.Report families = CorpusEvaluation.evaluate(UNDERSTANDER, families2);
        assertThat(families.slotsOverall().f1()).isGreaterThanOrEqualTo(0.91);
        assertThat(families.intentAccuracy()).isGreaterThanOrEqualTo(0.90);
        assertThat(families.optOutRecall()).isEqualTo(1.0);
        assertThat(families.falseOptOuts()).isZero();
    }

    @Test
    void theThirdAndFourthFamiliesPartsStayAboveTheirFloorsAsTuningData() {
        // tuning data since the thirteenth round, by two more hands that never read the extractor, read once before any rule was
        // written from them (on e435233: 0.852, 0.749, 25/27 opt-outs; 0.853, 0.716, 64/78; none false); after the round, with the
        // reader trained on them (in sample), 0.857, 0.904 and 0.868, 0.863, every opt-out. These floors guard the tuning; they prove
        // nothing about a new hand.
        List<LabelledMessage> families3 = LabelledMessage.load(EvaluateCorpus.TUNING_FAMILIES_3);
        assertThat(families3).hasSizeGreaterThanOrEqualTo(450);
        CorpusEvaluation.Report three = CorpusEvaluation.evaluate(UNDERSTANDER, families3);
        assertThat(three.slotsOverall().f1()).isGreaterThanOrEqualTo(0.84);
        assertThat(three.intentAccuracy()).isGreaterThanOrEqualTo(0.88);
        assertThat(three.optOutRecall()).isEqualTo(1.0);
        assertThat(three.falseOptOuts()).isZero();
        List<LabelledMessage> families4 = LabelledMessage.load(EvaluateCorpus.TUNING_FAMILIES_4);
        assertThat(families4).hasSizeGreaterThanOrEqualTo(450);
        assertThat(families4.stream().filter(m -> m.language().equals("es")).count()).isGreaterThanOrEqualTo(families4.size() * 3 / 4);
        CorpusEvaluation.Report four = CorpusEvaluation.evaluate(UNDERSTANDER, families4);
        assertThat(four.slotsOverall().f1()).isGreaterThanOrEqualTo(0.85);
        assertThat(four.intentAccuracy()).isGreaterThanOrEqualTo(0.84);
        assertThat(four.optOutRecall()).isEqualTo(1.0);
        assertThat(four.falseOptOuts()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
            // part, slot F1 floor, intent accuracy floor. Each part by a hand that never read the extractor, read once before any
            // rule was written from it; these floors guard the tuning and prove nothing about a new hand.
            // Tuning data since the fourteenth round (on 2edb810: 0.853/0.715, 54/56 opt-outs, 1 false; 0.816/0.698, 49/53, 1;
            // 0.754/0.701, 45/53, 1; 0.843/0.756, 51/55, 2); after the round, with the reader trained on them (in sample),
            // 0.858/0.853, 0.818/0.840, 0.757/0.826, 0.843/0.871, every opt-out, none false.
            "/corpus/tuning-families-5.jsonl, 0.85, 0.84",
            "/corpus/tuning-families-6.jsonl, 0.81, 0.83",
            "/corpus/tuning-families-7.jsonl, 0.75, 0.81",
            "/corpus/tuning-families-8.jsonl, 0.84, 0.86",
            // Tuning data since the fifteenth round (on e64936d: 0.850/0.727, 50/52 opt-outs, 2 false; 0.906/0.832, 76/78, 2);
            // after the round, with the reader trained on them (in sample), 0.881/0.889 and 0.906/0.905, every opt-out, none false.
            "/corpus/tuning-families-9.jsonl, 0.87, 0.87",
            "/corpus/tuning-families-10.jsonl, 0.89, 0.89"})
    void theFifthToTenthFamiliesPartsStayAboveTheirFloorsAsTuningData(String part, double slotFloor, double intentFloor) {
        assertThat(List.of(EvaluateCorpus.TUNING_FAMILIES_5, EvaluateCorpus.TUNING_FAMILIES_6, EvaluateCorpus.TUNING_FAMILIES_7,
                EvaluateCorpus.TUNING_FAMILIES_8, EvaluateCorpus.TUNING_FAMILIES_9, EvaluateCorpus.TUNING_FAMILIES_10)).contains(part);
        List<LabelledMessage> messages = LabelledMessage.load(part);
        assertThat(messages).hasSizeGreaterThanOrEqualTo(450);
        CorpusEvaluation.Report report = CorpusEvaluation.evaluate(UNDERSTANDER, messages);
        assertThat(report.slotsOverall().f1()).as(part).isGreaterThanOrEqualTo(slotFloor);
        assertThat(report.intentAccuracy()).as(part).isGreaterThanOrEqualTo(intentFloor);
        assertThat(report.optOutRecall()).as(part).isEqualTo(1.0);
        assertThat(report.falseOptOuts()).as(part).isZero();
    }

    @Test
    void everyOptOutPhrasingOfTheOptOutPartIsFoundAndNoNearMissIsTakenForOne() {
        // families of requests to stop (removal, "cancel all these texts", Spanish subjunctives, digits for letters, a keyword
        // split by a space) and near-misses ("stop by", "no more than 400k", "unsubscribed from redfin")
        List<LabelledMessage> optOuts = LabelledMessage.load(EvaluateCorpus.TUNING_OPT_OUTS);
        assertThat(optOuts.stream().filter(LabelledMessage::optOut).count()).isGreaterThanOrEqualTo(60);
        assertThat(optOuts.stream().filter(m -> !m.optOut()).count()).isGreaterThanOrEqualTo(20);
        CorpusEvaluation.Report report = CorpusEvaluation.evaluate(UNDERSTANDER, optOuts);
        assertThat(report.optOutRecall()).isEqualTo(1.0);
        assertThat(report.falseOptOuts()).isZero();
    }

    /**
     * The messages of {@code part} of more than four words that some other part holds word for word: stock
     * requests to stop of up to four words ("stop texting me", "opt me out") recur in real traffic; a longer
     * sentence must not.
     */
    private static List<String> longSentencesFoundIn(List<LabelledMessage> part, List<String> others) {
        Set<String> otherTexts = new HashSet<>();
        for (String other : others) {
            LabelledMessage.load(other).forEach(m -> otherTexts.add(m.text().toLowerCase()));
        }
        return part.stream().map(m -> m.text().toLowerCase()).filter(t -> t.split("\\s+").length > 4).filter(otherTexts::contains).toList();
    }

    @Test
    void everySpanPointsInsideItsMessage() {
        for (LabelledMessage m : heldOut) {
            for (Slot s : UNDERSTANDER.understand(m.text(), m.side()).slots()) {
                assertThat(s.end()).as("%s in %s", s, m.id()).isLessThanOrEqualTo(m.text().length());
                assertThat(m.text().substring(s.start(), s.end())).as("%s in %s", s, m.id()).isNotBlank();
            }
        }
    }

    @Test
    void exemplarPhrasesAreNotCopiedFromTheCorpus() throws Exception {
        Set<String> corpus = new HashSet<>();
        tuning.forEach(m -> corpus.add(normalise(m.text())));
        heldOut.forEach(m -> corpus.add(normalise(m.text())));
        try (var in = getClass().getResourceAsStream("/understanding/intent-exemplars.txt")) {
            List<String> phrases = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> l.contains(":") && !l.startsWith("#")).map(l -> normalise(l.substring(l.indexOf(':') + 1))).toList();
            assertThat(phrases).hasSizeGreaterThan(150);
            // one-word answers ("yes", "no", "okay") are the same in any list; a sentence must not be
            assertThat(phrases.stream().filter(p -> p.split(" ").length > 1)).noneMatch(corpus::contains);
        }
    }

    private static String normalise(String s) {
        return s.toLowerCase().replaceAll("[^\\p{L}\\p{N} ]", "").replaceAll("\\s+", " ").trim();
    }
}
