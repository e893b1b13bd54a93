package com.jorge.platform.understanding;

import java.util.List;
import java.util.Locale;

/**
 * How the possible-opt-out hold would have fared on a corpus part: the non-opt-outs it flags (a real conversation held
 * for a person), the opt-outs the rules missed that it catches, and, by leave-rules-out, the labelled opt-outs its cues
 * alone flag (what it would catch were the rules to miss them all: its recall on wordings the rules do not hold).
 */
record PossibleOptOutReport(String part, int nonOptOuts, int flagged, int optOuts, int missedByRules, int caughtMissed,
                            int cuedOptOuts) {

    static PossibleOptOutReport of(String part, MessageUnderstander understander, List<LabelledMessage> messages) {
        int nonOptOuts = 0, flagged = 0, optOuts = 0, missed = 0, caught = 0, cued = 0;
        for (LabelledMessage m : messages) {
            MessageUnderstanding got = understander.understand(m.text(), m.side());
            if (m.optOut()) {
                optOuts++;
                if (LeadMessageUnderstander.possibleOptOutCue(m.text())) cued++;
                if (!got.optOut()) {
                    missed++;
                    if (got.possibleOptOut()) caught++;
                }
            } else {
                nonOptOuts++;
                if (got.possibleOptOut()) flagged++;
            }
        }
        return new PossibleOptOutReport(part, nonOptOuts, flagged, optOuts, missed, caught, cued);
    }

    /** The tuning parts' non-opt-outs flagged and opt-outs the cues alone miss, message by message (tuning parts only). */
    static void printTuningFlags(MessageUnderstander understander, List<LabelledMessage> tuning) {
        for (LabelledMessage m : tuning) {
            boolean cue = LeadMessageUnderstander.possibleOptOutCue(m.text());
            if (m.optOut() && !cue) {
                System.out.println("UNCUED OPT-OUT " + m.id() + " " + m.text());
            } else if (!m.optOut() && understander.understand(m.text(), m.side()).possibleOptOut()) {
                System.out.println("FLAGGED " + m.id() + " " + m.text());
            }
        }
    }

    PossibleOptOutReport plus(PossibleOptOutReport o) {
        return new PossibleOptOutReport("all", nonOptOuts + o.nonOptOuts, flagged + o.flagged, optOuts + o.optOuts,
                missedByRules + o.missedByRules, caughtMissed + o.caughtMissed, cuedOptOuts + o.cuedOptOuts);
    }

    String line() {
        return String.format(Locale.ROOT,
                "possibleOptOuts %s: flagged=%d of %d non-opt-outs (%.1f %%), catches %d of %d missed opt-outs, leave-rules-out %d of %d opt-outs (%.1f %%)",
                part, flagged, nonOptOuts, percent(flagged, nonOptOuts), caughtMissed, missedByRules, cuedOptOuts, optOuts,
                percent(cuedOptOuts, optOuts));
    }

    private static double percent(int n, int of) {
        return of == 0 ? 0.0 : 100.0 * n / of;
    }
}
