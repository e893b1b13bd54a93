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

    private static final String[] PLACES = {"Bellevue", "Kirkland", "Redmond", "Renton", "Kent", "Auburn", "Seattle", "Ballard", "Issaquah",
            "Sammamish", "Shoreline", "Burien", "Bothell", "Federal Way", "West Seattle", "Capitol Hill", "Queen Anne", "Maple Valley",
            "Mercer Island", "Woodinville"};
    private static final int[] PRICES = {350, 400, 450, 500, 550, 600, 650, 700, 750, 800, 900};
    private static final String[] EN = {"%d bed in %s under %s", "%d bedroom home in %s, max %s", "looking for a %d bedroom house in %s up to %s",
            "need %d bedrooms in %s under %s", "show me %d bed homes in %s below %s", "%d br in %s, budget %s"};
    private static final String[] ES = {"casa de %d recámaras en %s hasta %s", "busco %d habitaciones en %s, máximo %s",
            "%d recámaras en %s por menos de %s"};
    /** feature: EN phrasings, EN negated, ES, ES negated. */
    private static final String[][] FEATURES = {
            {"with a basement", "that has a basement", "without a basement", "con sótano", "sin sótano"},
            {"with a view", "with views", "with no view", "con vista", "sin vista"},
            {"on the water", "waterfront", "not on the water", "frente al lago", "lejos del lago"},
            {"single story", "one level", "not single story", "de un piso", "que no sea de un piso"},
            {"on a big lot", "with a large lot", "not on a big lot", "con terreno grande", "sin terreno grande"}};
    /** preference groups: EN paraphrases, then the Spanish rendering. */
    private static final String[][] INTENTS = {
            {"near good schools", "close to good schools", "in a good school district", "near highly rated schools", "cerca de buenas escuelas"},
            {"on a quiet street", "quiet street", "on a calm quiet street", "a quiet street with little traffic", "en una calle tranquila"},
            {"walkable to shops and restaurants", "walking distance to shops and restaurants", "can walk to restaurants and shops", "within walking distance of restaurants and shops", "cerca de tiendas y restaurantes"},
            {"close to the light rail", "near the light rail station", "near light rail", "walking distance to light rail", "cerca del tren ligero"},
            {"fenced yard for our dog", "a fenced yard for the dog", "fenced backyard for my dog", "yard fenced in for our dog", "patio cercado para el perro"},
            {"with an updated kitchen", "updated kitchen", "a modern updated kitchen", "kitchen that has been updated", "cocina actualizada"},
            {"short commute to downtown", "easy commute to downtown", "quick commute downtown", "short drive to downtown for work", "cerca del centro para trabajar"},
            {"lots of natural light", "plenty of natural light", "bright with lots of sunlight", "lots of sunlight and natural light", "mucha luz natural"},
            {"near parks and trails", "close to parks and hiking trails", "near trails and parks", "close to hiking trails and parks", "cerca de parques y senderos"},
            {"room for a home office", "space for a home office", "a spare room for a home office", "extra room to use as a home office", "espacio para oficina en casa"},
            {"family friendly neighborhood", "kid friendly neighborhood", "good neighborhood for kids", "neighborhood that is good for families", "vecindario familiar"},
            {"close to the lake", "near the lake", "a short walk to the lake", "walking distance to the lake", "cerca del lago"}};
    /** opposite preferences: a near miss the embedding finds close. */
    private static final String[][] OPPOSITES = {
            {"close to the freeway", "far from the freeway"}, {"near downtown", "far from downtown"}, {"on a quiet street", "on a busy street"},
            {"big kitchen", "small kitchen"}, {"near the airport", "away from the airport"}, {"close to the lake", "far from the lake"},
            {"newer kitchen", "older kitchen"}, {"near a busy road", "away from busy roads"}, {"good for entertaining", "not good for entertaining"},
            {"close to a school", "not close to a school"}};
    /** preferences that differ in one word, the near misses published semantic caches hit. */
    private static final String[][] CLOSE_BUT_DIFFERENT = {
            {"near good elementary schools", "near good high schools"}, {"close to the light rail", "close to the bus line"},
            {"short commute to Microsoft", "short commute to Amazon"}, {"fenced yard for the dog", "fenced yard for the kids"},
            {"updated kitchen", "updated bathrooms"}, {"near the golf course", "near the tennis courts"},
            {"walk to the farmers market", "walk to the grocery store"}, {"room for a home gym", "room for a home office"},
            {"close to the hospital", "close to the university"}, {"hardwood floors", "carpeted floors"},
            {"gas stove", "electric stove"}, {"near the ferry terminal", "near the airport"},
            {"air conditioning", "heated floors"}, {"solar panels", "heat pump"}, {"near a dog park", "near a skate park"},
            {"two car garage", "two car driveway"}, {"gourmet kitchen", "gourmet pantry"}, {"mountain trails nearby", "bike trails nearby"}};
    private static final String[] NUMBERED = {"%d car garage", "%d minute walk to school", "within %d miles of downtown", "room for %d cars"};
    private static final String[] TYPES = {"condo", "townhouse", "duplex", "mobile home"};

    private final Random random = new Random(16);

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "perf/search/pairs");
        int groups = args.length > 1 ? Integer.parseInt(args[1]) : 640;
        new CachePairsGenerator().write(out, groups);
    }

    private record Question(int beds, String place, int priceK, int feature, boolean negated, int intent, String type) {}

    void write(Path dir, int groups) throws IOException {
        List<String> tune = new ArrayList<>();
        List<String> report = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            List<String> pairs = g % 2 == 0 ? tune : report;
            Question q = new Question(2 + random.nextInt(4), pick(PLACES), PRICES[random.nextInt(PRICES.length)],
                    random.nextInt(10) < 3 ? random.nextInt(FEATURES.length) : -1, false,
                    random.nextInt(10) < 8 ? random.nextInt(INTENTS.length) : -1, "");
            // a paraphrase: another template, another feature phrasing, another phrasing of the preference
            int ta = random.nextInt(EN.length);
            int tb = (ta + 1 + random.nextInt(EN.length - 1)) % EN.length;
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
                case 3 -> pairs.add(pair(a, en(withType(q, pick(TYPES)), tb, pb, 0), false, "other-type", g));
                case 4 -> pairs.add(pair(a, en(withFeature(q, q.feature() < 0 ? random.nextInt(FEATURES.length) : (q.feature() + 1) % FEATURES.length, false), tb, pb, 0), false, "added-feature", g));
                case 5 -> {
                    int f = q.feature() < 0 ? random.nextInt(FEATURES.length) : q.feature();
                    pairs.add(pair(en(withFeature(q, f, false), ta, pa, 0), en(withFeature(q, f, true), tb, pb, 0), false, "negated-feature", g));
                }
                case 6 -> pairs.add(pair(a, en(withIntent(q, q.intent() < 0 ? random.nextInt(INTENTS.length) : (q.intent() + 1 + random.nextInt(INTENTS.length - 1)) % INTENTS.length), tb, pb, 0), false, "other-preference", g));
                case 7 -> {
                    String[] o = OPPOSITES[random.nextInt(OPPOSITES.length)];
                    pairs.add(pair(base(q, ta) + ", " + o[0], base(q, tb) + ", " + o[1], false, "opposite-preference", g));
                }
                case 8 -> {
                    String[] o = CLOSE_BUT_DIFFERENT[random.nextInt(CLOSE_BUT_DIFFERENT.length)];
                    boolean flip = random.nextBoolean();
                    pairs.add(pair(base(q, ta) + ", " + o[flip ? 1 : 0], base(q, tb) + ", " + o[flip ? 0 : 1], false, "close-preference", g));
                }
                default -> {
                    String t = pick(NUMBERED);
                    int n = 2 + random.nextInt(3);
                    pairs.add(pair(base(q, ta) + ", " + String.format(Locale.ROOT, t, n), base(q, tb) + ", " + String.format(Locale.ROOT, t, n + 1 + random.nextInt(3)), false, "free-text-number", g));
                }
            }
            if (random.nextBoolean()) {
                // English and Spanish: the same question. The constraints are language-neutral, so with no
                // preference the cache hits; a preference compares embeddings of an English-only model, so
                // it may miss (a miss costs one search; a hit across languages must still be the same question)
                Question plain = (g / 2) % 2 == 0 ? withIntent(q, -1) : q;
                pairs.add(pair(en(plain, ta, pa, 0), es(plain, random.nextInt(ES.length)), true, plain.intent() < 0 ? "en-es" : "en-es-preference", g));
            }
        }
        Files.createDirectories(dir);
        Files.write(dir.resolve("tune.jsonl"), tune);
        Files.write(dir.resolve("report.jsonl"), report);
        System.out.println("tune=" + tune.size() + " report=" + report.size());
    }

    private String base(Question q, int template) {
        return String.format(Locale.ROOT, EN[template], q.beds(), q.place(), money(q.priceK(), template));
    }

    private String en(Question q, int template, int phrasing, int featurePhrasing) {
        StringBuilder s = new StringBuilder(q.type().isEmpty() ? base(q, template) : base(q, template).replaceFirst(" in ", " " + q.type() + " in "));
        if (q.feature() >= 0) {
            s.append(' ').append(q.negated() ? FEATURES[q.feature()][2] : FEATURES[q.feature()][featurePhrasing]);
        }
        if (q.intent() >= 0) {
            s.append(", ").append(INTENTS[q.intent()][phrasing]);
        }
        return s.toString();
    }

    private String es(Question q, int template) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, ES[template], q.beds(), q.place(), q.priceK() + " mil"));
        if (q.feature() >= 0) {
            s.append(' ').append(FEATURES[q.feature()][q.negated() ? 4 : 3]);
        }
        if (q.intent() >= 0) {
            s.append(", ").append(INTENTS[q.intent()][4]);
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
            other = PRICES[random.nextInt(PRICES.length)];
        } while (other == k);
        return other;
    }

    private String otherPlace(String place) {
        String other;
        do {
            other = pick(PLACES);
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
