package com.jorge.platform.understanding;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Scores an understander against labelled messages: per-slot P/R/F1, intent accuracy, opt-out recall and false opt-outs. */
public final class CorpusEvaluation {

    /** Counts for one slot or intent. */
    public record Counts(int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Counts plus(Counts o) {
            return new Counts(truePositives + o.truePositives, falsePositives + o.falsePositives, falseNegatives + o.falseNegatives);
        }
    }

    /** A message the understander got wrong in some way. */
    public record Miss(LabelledMessage message, MessageUnderstanding got, List<String> problems) {}

    /** The figures for one set of messages. */
    public record Report(int messages, Map<SlotName, Counts> perSlot, Counts slotsOverall, int intentSetsExact,
                         Map<Intent, Counts> perIntent, int optOutsExpected, int optOutsFound, int falseOptOuts,
                         int languageCorrect, List<Miss> misses) {

        public double intentAccuracy() {
            return messages == 0 ? 1.0 : (double) intentSetsExact / messages;
        }

        public double optOutRecall() {
            return optOutsExpected == 0 ? 1.0 : (double) optOutsFound / optOutsExpected;
        }

        public double languageAccuracy() {
            return messages == 0 ? 1.0 : (double) languageCorrect / messages;
        }

        /** The one-line summary {@code evaluate.sh} ends with: {@code slotF1=... intentAccuracy=... optOutRecall=... falseOptOuts=...}. */
        public String summaryLine() {
            return String.format(Locale.ROOT, "slotF1=%.3f intentAccuracy=%.3f optOutRecall=%.3f falseOptOuts=%d", slotsOverall.f1(),
                    intentAccuracy(), optOutRecall(), falseOptOuts);
        }

        public String format(String title) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "== %s: %d messages%n", title, messages));
            sb.append(String.format(Locale.ROOT, "%-24s %6s %6s %6s %5s %5s %5s%n", "slot", "P", "R", "F1", "tp", "fp", "fn"));
            for (Map.Entry<SlotName, Counts> e : perSlot.entrySet()) {
                Counts c = e.getValue();
                sb.append(String.format(Locale.ROOT, "%-24s %6.3f %6.3f %6.3f %5d %5d %5d%n", e.getKey(), c.precision(), c.recall(), c.f1(),
                        c.truePositives(), c.falsePositives(), c.falseNegatives()));
            }
            sb.append(String.format(Locale.ROOT, "%-24s %6.3f %6.3f %6.3f %5d %5d %5d%n", "ALL SLOTS (micro)", slotsOverall.precision(),
                    slotsOverall.recall(), slotsOverall.f1(), slotsOverall.truePositives(), slotsOverall.falsePositives(),
                    slotsOverall.falseNegatives()));
            sb.append(String.format(Locale.ROOT, "%-24s %6s %6s %6s %5s %5s %5s%n", "intent", "P", "R", "F1", "tp", "fp", "fn"));
            for (Map.Entry<Intent, Counts> e : perIntent.entrySet()) {
                Counts c = e.getValue();
                sb.append(String.format(Locale.ROOT, "%-24s %6.3f %6.3f %6.3f %5d %5d %5d%n", e.getKey(), c.precision(), c.recall(), c.f1(),
                        c.truePositives(), c.falsePositives(), c.falseNegatives()));
            }
            sb.append(String.format(Locale.ROOT, "slot F1 overall:            %.3f%n", slotsOverall.f1()));
            sb.append(String.format(Locale.ROOT, "intent accuracy (exact set): %.3f (%d/%d)%n", intentAccuracy(), intentSetsExact, messages));
            sb.append(String.format(Locale.ROOT, "opt-out recall:              %.3f (%d/%d)%n", optOutRecall(), optOutsFound, optOutsExpected));
            sb.append(String.format(Locale.ROOT, "false opt-outs:              %d%n", falseOptOuts));
            sb.append(String.format(Locale.ROOT, "language accuracy:           %.3f%n", languageAccuracy()));
            return sb.toString();
        }
    }

    private CorpusEvaluation() {
    }

    public static Report evaluate(MessageUnderstander understander, List<LabelledMessage> messages) {
        Map<SlotName, Counts> perSlot = new EnumMap<>(SlotName.class);
        Map<Intent, Counts> perIntent = new EnumMap<>(Intent.class);
        int exact = 0;
        int optExpected = 0;
        int optFound = 0;
        int falseOpt = 0;
        int lang = 0;
        List<Miss> misses = new ArrayList<>();
        // understood on every core (the understander is thread-safe and each message independent), scored in order
        List<MessageUnderstanding> read = messages.parallelStream().map(m -> understander.understand(m.text(), m.side())).toList();
        for (int index = 0; index < messages.size(); index++) {
            LabelledMessage m = messages.get(index);
            MessageUnderstanding got = read.get(index);
            List<String> problems = new ArrayList<>();
            Map<String, Integer> expected = new HashMap<>();
            for (LabelledMessage.Expected e : m.slots()) {
                expected.merge(key(e.name(), e.value()), 1, Integer::sum);
            }
            Map<String, Integer> found = new HashMap<>();
            for (Slot s : got.slots()) {
                found.merge(key(s.name(), s.value()), 1, Integer::sum);
            }
            Set<String> keys = new java.util.HashSet<>(expected.keySet());
            keys.addAll(found.keySet());
            for (String k : keys) {
                SlotName name = SlotName.valueOf(k.substring(0, k.indexOf('=')));
                int e = expected.getOrDefault(k, 0);
                int f = found.getOrDefault(k, 0);
                int tp = Math.min(e, f);
                Counts c = new Counts(tp, f - tp, e - tp);
                perSlot.merge(name, c, Counts::plus);
                if (f > tp) {
                    problems.add("extra " + k);
                }
                if (e > tp) {
                    problems.add("missed " + k);
                }
            }
            Set<Intent> all = EnumSet.copyOf(m.intents());
            all.addAll(got.intents());
            for (Intent i : all) {
                boolean e = m.intents().contains(i);
                boolean f = got.intents().contains(i);
                perIntent.merge(i, new Counts(e && f ? 1 : 0, !e && f ? 1 : 0, e && !f ? 1 : 0), Counts::plus);
            }
            if (got.intents().equals(m.intents())) {
                exact++;
            } else {
                problems.add("intents " + got.intents() + " expected " + m.intents());
            }
            if (m.optOut()) {
                optExpected++;
                if (got.optOut()) {
                    optFound++;
                } else {
                    problems.add("MISSED OPT-OUT");
                }
            } else if (got.optOut()) {
                falseOpt++;
                problems.add("FALSE OPT-OUT");
            }
            if (got.language().equals(m.language())) {
                lang++;
            } else {
                problems.add("language " + got.language());
            }
            if (!problems.isEmpty()) {
                misses.add(new Miss(m, got, problems));
            }
        }
        Counts overall = perSlot.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);
        return new Report(messages.size(), perSlot, overall, exact, perIntent, optExpected, optFound, falseOpt, lang, misses);
    }

    private static String key(SlotName name, String value) {
        return name + "=" + value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
