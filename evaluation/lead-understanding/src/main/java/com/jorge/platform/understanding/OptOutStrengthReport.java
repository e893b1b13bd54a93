package com.jorge.platform.understanding;

import java.util.ArrayList;
import java.util.List;

/**
 * What holding weak opt-outs for a person would cost (issue 13, slots round): per tuning part, the labelled opt-outs the
 * detector confirms by a strong rule and those it confirms only by the weak families ({@link OptOutDetector#strength}), and the
 * non-opt-outs it confirms either way (false opt-outs). A weak-only opt-out held rather than applied would be an opt-out the
 * summary line no longer counts (the bot would send nothing and wait for a person). Never reads a held-out part.
 * {@code java ... OptOutStrengthReport [--list]}.
 */
public final class OptOutStrengthReport {

    static final List<String> PARTS = EvaluateCorpus.REGISTERED_PARTS;

    /** One part's counts: opt-outs strong / weak-only / missed, non-opt-outs confirmed strong / weak. */
    record Counts(String part, int strong, int weakOnly, int missed, int falseStrong, int falseWeak) {}

    static Counts count(String part, List<LabelledMessage> messages, List<String> listing) {
        OptOutDetector detector = new OptOutDetector();
        int strong = 0;
        int weak = 0;
        int missed = 0;
        int falseStrong = 0;
        int falseWeak = 0;
        for (LabelledMessage m : messages) {
            OptOutDetector.Strength s = detector.strength(FoldedText.of(m.text()));
            if (m.optOut()) {
                switch (s) {
                    case STRONG -> strong++;
                    case WEAK -> {
                        weak++;
                        listing.add(m.id() + " weak-only opt-out: " + m.text());
                    }
                    case NONE -> missed++;
                }
            } else if (s == OptOutDetector.Strength.STRONG) {
                falseStrong++;
                listing.add(m.id() + " false opt-out (strong): " + m.text());
            } else if (s == OptOutDetector.Strength.WEAK) {
                falseWeak++;
                listing.add(m.id() + " false opt-out (weak): " + m.text());
            }
        }
        return new Counts(part, strong, weak, missed, falseStrong, falseWeak);
    }

    public static void main(String[] args) {
        boolean list = List.of(args).contains("--list");
        int[] all = new int[5];
        for (String part : PARTS) {
            List<String> listing = new ArrayList<>();
            Counts c = count(part, LabelledMessage.load(part), listing);
            System.out.printf("%-28s opt-outs strong=%d weak-only=%d missed=%d   non-opt-outs confirmed strong=%d weak=%d%n", part,
                    c.strong(), c.weakOnly(), c.missed(), c.falseStrong(), c.falseWeak());
            if (list) {
                listing.forEach(l -> System.out.println("    " + l));
            }
            all[0] += c.strong();
            all[1] += c.weakOnly();
            all[2] += c.missed();
            all[3] += c.falseStrong();
            all[4] += c.falseWeak();
        }
        System.out.printf("%-28s opt-outs strong=%d weak-only=%d missed=%d   non-opt-outs confirmed strong=%d weak=%d%n", "all",
                all[0], all[1], all[2], all[3], all[4]);
    }
}
