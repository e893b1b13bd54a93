package com.jorge.platform.perf.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the labelled query pairs (pairs/tune.jsonl, pairs/report.jsonl) from templates, seeded, so
 * the set is rebuilt identically: paraphrases of one buyer question that the cache should answer
 * from each other, near misses that must not share an answer (another number, place, property type,
 * an added or negated feature, another or opposite preference, another number in the free text),
 * and English/Spanish pairs of one question. Each base question is one group; even groups go to
 * the tuning part, odd ones to the report part, so no question is in both.
 *   java ... CachePairsGenerator [outDir, default perf/search/pairs] [groups, default 640]
 */
public final class CachePairsGenerator {

    private final Vocabulary v;
    private final Random random;

    CachePairsGenerator(Vocabulary vocabulary, long seed) {
        this.v = vocabulary;
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "perf/search/pairs");
        int groups = args.length > 1 ? Integer.parseInt(args[1]) : 640;
        new CachePairsGenerator(Vocabulary.TUNING, 16).write(out, groups);
        // the held-out part: its own vocabulary and seed, every group in one file, never used for tuning
        new CachePairsGenerator(Vocabulary.HELD_OUT, 1_016).writeHeldOut(out.resolve("heldout.jsonl"), groups);
        new CachePairsGenerator(Vocabulary.HELD_OUT_2, 2_016).writeHeldOut(out.resolve("heldout2.jsonl"), groups);
    }

    private record Question(int beds, String place, int priceK, int feature, boolean negated, int intent, String type) {}

    void write(Path dir, int groups) throws IOException {
        List<String> tune = new ArrayList<>();
        List<String> report = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            group(g, g % 2 == 0 ? tune : report);
        }
        Files.createDirectories(dir);
        Files.write(dir.resolve("tune.jsonl"), tune);
        Files.write(dir.resolve("report.jsonl"), report);
        System.out.println("tune=" + tune.size() + " report=" + report.size());
    }

    void writeHeldOut(Path file, int groups) throws IOException {
        List<String> pairs = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            group(g, pairs);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, pairs);
        System.out.println(file.getFileName() + "=" + pairs.size());
    }

    private void group(int g, List<String> pairs) {
        {
            Question q = new Question(2 + random.nextInt(4), pick(v.places()), v.prices()[random.nextInt(v.prices().length)],
                    random.nextInt(10) < 3 ? random.nextInt(v.features().length) : -1, false,
                    random.nextInt(10) < 8 ? random.nextInt(v.intents().length) : -1, "");
            // a paraphrase: another template, another feature phrasing, another phrasing of the preference
            int ta = random.nextInt(v.en().length);
            int tb = (ta + 1 + random.nextInt(v.en().length - 1)) % v.en().length;
            int pa = random.nextInt(4);
            int pb = (pa + 1 + random.nextInt(3)) % 4;
            pairs.add(pair(en(q, ta, pa, 0), en(q, tb, pb, 1), true, "paraphrase", g));
            if (random.nextBoolean()) {
                pairs.add(pair(en(q, ta, pa, 0), en(q, ta, pa, 0), true, "repeat", g));
            }
            String a = en(q, ta, pa, random.nextInt(2));
            int kind = random.nextInt(10);
            switch (kind) {
                case 0 -> pairs.add(pair(a, en(withBeds(q, q.beds() + (random.nextBoolean() || q.beds() == 2 ? 1 : -1)), tb, pb, 0), false, "other-beds", g));
                case 1 -> pairs.add(pair(a, en(withPrice(q, otherPrice(q.priceK())), tb, pb, 0), false, "other-price", g));
                case 2 -> pairs.add(pair(a, en(withPlace(q, otherPlace(q.place())), tb, pb, 0), false, "other-place", g));
                case 3 -> pairs.add(pair(a, en(withType(q, pick(v.types())), tb, pb, 0), false, "other-type", g));
                case 4 -> pairs.add(pair(a, en(withFeature(q, q.feature() < 0 ? random.nextInt(v.features().length) : (q.feature() + 1) % v.features().length, false), tb, pb, 0), false, "added-feature", g));
                case 5 -> {
                    int f = q.feature() < 0 ? random.nextInt(v.features().length) : q.feature();
                    pairs.add(pair(en(withFeature(q, f, false), ta, pa, 0), en(withFeature(q, f, true), tb, pb, 0), false, "negated-feature", g));
                }
                case 6 -> pairs.add(pair(a, en(withIntent(q, q.intent() < 0 ? random.nextInt(v.intents().length) : (q.intent() + 1 + random.nextInt(v.intents().length - 1)) % v.intents().length), tb, pb, 0), false, "other-preference", g));
                case 7 -> {
                    String[] o = v.opposites()[random.nextInt(v.opposites().length)];
                    pairs.add(pair(base(q, ta) + ", " + o[0], base(q, tb) + ", " + o[1], false, "opposite-preference", g));
                }
                case 8 -> {
                    String[] o = v.closeButDifferent()[random.nextInt(v.closeButDifferent().length)];
                    boolean flip = random.nextBoolean();
                    pairs.add(pair(base(q, ta) + ", " + o[flip ? 1 : 0], base(q, tb) + ", " + o[flip ? 0 : 1], false, "close-preference", g));
                }
                default -> {
                    String t = pick(v.numbered());
                    int n = 2 + random.nextInt(3);
                    pairs.add(pair(base(q, ta) + ", " + String.format(Locale.ROOT, t, n), base(q, tb) + ", " + String.format(Locale.ROOT, t, n + 1 + random.nextInt(3)), false, "free-text-number", g));
                }
            }
            if (random.nextBoolean()) {
                // English and Spanish: the same question. The constraints are language-neutral, so with no
                // preference the cache hits; a preference compares embeddings of an English-only model, so
                // it may miss (a miss costs one search; a hit across languages must still be the same question)
                Question plain = (g / 2) % 2 == 0 ? withIntent(q, -1) : q;
                pairs.add(pair(en(plain, ta, pa, 0), es(plain, random.nextInt(v.es().length)), true, plain.intent() < 0 ? "en-es" : "en-es-preference", g));
            }
        }
    }

    private String base(Question q, int template) {
        return String.format(Locale.ROOT, v.en()[template], q.beds(), q.place(), money(q.priceK(), template));
    }

    private String en(Question q, int template, int phrasing, int featurePhrasing) {
        StringBuilder s = new StringBuilder(q.type().isEmpty() ? base(q, template) : base(q, template).replaceFirst(" in ", " " + q.type() + " in "));
        if (q.feature() >= 0) {
            s.append(' ').append(q.negated() ? v.features()[q.feature()][2] : v.features()[q.feature()][featurePhrasing]);
        }
        if (q.intent() >= 0) {
            s.append(", ").append(v.intents()[q.intent()][phrasing]);
        }
        return s.toString();
    }

    private String es(Question q, int template) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, v.es()[template], q.beds(), q.place(), q.priceK() + " mil"));
        if (q.feature() >= 0) {
            s.append(' ').append(v.features()[q.feature()][q.negated() ? 4 : 3]);
        }
        if (q.intent() >= 0) {
            s.append(", ").append(v.intents()[q.intent()][4]);
        }
        return s.toString();
    }

    private static String money(int k, int template) {
        return switch (template % 3) {
            case 0 -> k + "k";
            case 1 -> "$" + k + "k";
            default -> "$" + k + ",000";
        };
    }

    private int otherPrice(int k) {
        int other;
        do {
            other = v.prices()[random.nextInt(v.prices().length)];
        } while (other == k);
        return other;
    }

    private String otherPlace(String place) {
        String other;
        do {
            other = pick(v.places());
        } while (other.equals(place));
        return other;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static Question withBeds(Question q, int beds) {
        return new Question(beds, q.place(), q.priceK(), q.feature(), q.negated(), q.intent(), q.type());
    }

    private static Question withPrice(Question q, int k) {
        return new Question(q.beds(), q.place(), k, q.feature(), q.negated(), q.intent(), q.type());
    }

    private static Question withPlace(Question q, String place) {
        return new Question(q.beds(), place, q.priceK(), q.feature(), q.negated(), q.intent(), q.type());
    }

    private static Question withType(Question q, String type) {
        return new Question(q.beds(), q.place(), q.priceK(), q.feature(), q.negated(), q.intent(), type);
    }

    private static Question withFeature(Question q, int feature, boolean negated) {
        return new Question(q.beds(), q.place(), q.priceK(), feature, negated, q.intent(), q.type());
    }

    private static Question withIntent(Question q, int intent) {
        return new Question(q.beds(), q.place(), q.priceK(), q.feature(), q.negated(), intent, q.type());
    }

    private static String pair(String a, String b, boolean same, String kind, int group) {
        return "{\"a\": \"" + a.replace("\"", "\\\"") + "\", \"b\": \"" + b.replace("\"", "\\\"") + "\", \"same\": " + same
                + ", \"kind\": \"" + kind + "\", \"group\": " + group + "}";
    }
}
