package com.jorge.platform.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the exemplar classifier does on the tuning messages it would be asked about (those where
 * the patterns found no intent of substance): how its threshold and margin were chosen.
 */
final class EmbeddingDiagnostics {

    private EmbeddingDiagnostics() {
    }

    static void print(LeadMessageUnderstander understander, List<LabelledMessage> tuning) {
        double[] thresholds = {0.50, 0.55, 0.60, 0.62, 0.65, 0.70, 0.75};
        double[] margins = {0.0, 0.05, 0.08, 0.10, 0.15};
        List<double[]> rows = new ArrayList<>();
        for (LabelledMessage m : tuning) {
            if (!understander.wouldConsultEmbedding(m.text(), m.side())) {
                continue;
            }
            ExemplarIntentClassifier.Verdict v = understander.embeddingVerdict(m.text()).orElseThrow();
            boolean right = m.intents().contains(v.nearest());
            rows.add(new double[] {v.similarity(), v.neutralSimilarity(), right ? 1 : 0});
            System.out.printf(Locale.ROOT, "%s %-5s top=%-20s %.3f neutral=%.3f %s | %s%n", m.id(), right ? "ok" : "WRONG", v.nearest(),
                    v.similarity(), v.neutralSimilarity(), m.intents(), m.text());
        }
        System.out.printf(Locale.ROOT, "%d of %d tuning messages would consult the embedding%n", rows.size(), tuning.size());
        System.out.println("threshold margin  suggested  correct  wrong");
        for (double t : thresholds) {
            for (double mg : margins) {
                int suggested = 0;
                int correct = 0;
                for (double[] r : rows) {
                    if (r[0] >= t && r[0] - r[1] >= mg) {
                        suggested++;
                        correct += (int) r[2];
                    }
                }
                System.out.printf(Locale.ROOT, "%9.2f %6.2f  %9d  %7d  %5d%n", t, mg, suggested, correct, suggested - correct);
            }
        }
    }
}
