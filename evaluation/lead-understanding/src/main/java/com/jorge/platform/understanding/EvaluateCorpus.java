package com.jorge.platform.understanding;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the corpus figures: {@code EvaluateCorpus [--patterns-only] [--show-tuning-misses]}.
 * Misses are shown for the tuning part only; the held-out part is reported in aggregate, never
 * message by message, so that nobody tunes to it by reading this output.
 */
public final class EvaluateCorpus {

    /** The clock the corpus labels were written against. */
    public static final Clock CORPUS_CLOCK = Clock.fixed(
            ZonedDateTime.of(2026, 1, 15, 12, 0, 0, 0, ZoneId.of("America/Chicago")).toInstant(), ZoneId.of("America/Chicago"));
    public static final String TUNING = "/corpus/tuning.jsonl";
    public static final String HELD_OUT = "/corpus/heldout.jsonl";

    private EvaluateCorpus() {
    }

    public static void main(String[] args) {
        boolean patternsOnly = List.of(args).contains("--patterns-only");
        boolean showMisses = List.of(args).contains("--show-tuning-misses");
        long t0 = System.nanoTime();
        MessageUnderstander understander = patternsOnly ? LeadMessageUnderstander.patternsOnly(CORPUS_CLOCK)
                : LeadMessageUnderstander.load(CORPUS_CLOCK);
        System.out.printf("understander: %s, loaded in %d ms%n", patternsOnly ? "patterns only" : "patterns + MiniLM exemplars",
                (System.nanoTime() - t0) / 1_000_000);
        List<LabelledMessage> tuning = LabelledMessage.load(TUNING);
        List<LabelledMessage> heldOut = LabelledMessage.load(HELD_OUT);
        List<LabelledMessage> all = new ArrayList<>(tuning);
        all.addAll(heldOut);

        if (List.of(args).contains("--embedding-diagnostics") && understander instanceof LeadMessageUnderstander lmu) {
            EmbeddingDiagnostics.print(lmu, tuning);
            return;
        }
        CorpusEvaluation.Report tuningReport = CorpusEvaluation.evaluate(understander, tuning);
        if (showMisses) {
            for (CorpusEvaluation.Miss miss : tuningReport.misses()) {
                System.out.printf("%s %s%n    %s%n", miss.message().id(), miss.message().text(), String.join("; ", miss.problems()));
            }
        }
        System.out.println(CorpusEvaluation.evaluate(understander, heldOut).format("HELD-OUT (" + HELD_OUT + ")"));
        System.out.println(tuningReport.format("TUNING (" + TUNING + ")"));
        System.out.println(CorpusEvaluation.evaluate(understander, all).format("ALL"));
    }
}
