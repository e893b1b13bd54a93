package com.jorge.platform.experiments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One A/B test from configuration: contacts are split among the variants by a stable hash of the
 * experiment's name and the contact id, so a lead keeps its variant across messages, restarts and
 * machines, and two experiments split independently.
 *
 * @param kind                     what varies: {@code bot_script}, {@code template}, {@code model_version}
 *                                 or {@code follow_up_cadence} (the bots read it; the results do not)
 * @param metric                   the conversion compared: a lead {@code answered}, {@code qualified},
 *                                 went {@code hot}, was {@code handed_off}, or {@code opted_out} (lower is better)
 * @param plannedSamplePerVariant  the fixed horizon: no winner is called before every variant has this many leads
 * @param alpha                    the test's significance level (two-sided), split over the comparisons with control
 * @param startsOn                 leads whose first message is on or after this day take part
 * @param botType                  only leads of this bot ({@code seller}, {@code buyer}), or null for all
 */
public record Experiment(String name, String kind, String metric, List<Variant> variants, int plannedSamplePerVariant,
                         double alpha, LocalDate startsOn, String botType) {

    public static final Set<String> KINDS = Set.of("bot_script", "template", "model_version", "follow_up_cadence");
    public static final Set<String> METRICS = Set.of("answered", "qualified", "hot", "handed_off", "opted_out");

    /** A variant and its share of the contacts (weights are relative: 50/50, 1/1 and 90/10 all work); the first is control. */
    public record Variant(String name, int weight) {}

    public Experiment {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("an experiment needs a name");
        String where = "experiment '" + name + "': ";
        if (!KINDS.contains(kind)) throw new IllegalArgumentException(where + "kind must be one of " + KINDS);
        if (!METRICS.contains(metric)) throw new IllegalArgumentException(where + "metric must be one of " + METRICS);
        if (variants == null || variants.size() < 2) throw new IllegalArgumentException(where + "needs at least two variants");
        variants = List.copyOf(variants);
        if (variants.stream().map(Variant::name).distinct().count() != variants.size()) {
            throw new IllegalArgumentException(where + "variant names must differ");
        }
        if (variants.stream().anyMatch(v -> v.weight() < 1)) throw new IllegalArgumentException(where + "weights must be at least 1");
        if (plannedSamplePerVariant < 1) throw new IllegalArgumentException(where + "plannedSamplePerVariant must be at least 1");
        if (!(alpha > 0 && alpha < 0.5)) throw new IllegalArgumentException(where + "alpha must be between 0 and 0.5");
        if (startsOn == null) throw new IllegalArgumentException(where + "startsOn is required");
        botType = botType == null ? null : botType.toLowerCase(Locale.ROOT);
    }

    /** The contact's variant: SHA-256 of "name/contactId", its first 8 bytes mod the total weight. */
    public Variant variantOf(String contactId) {
        long total = variants.stream().mapToLong(Variant::weight).sum();
        long bucket = Long.remainderUnsigned(hash(name + "/" + contactId), total);
        for (Variant v : variants) {
            if (bucket < v.weight()) return v;
            bucket -= v.weight();
        }
        throw new IllegalStateException("unreachable: bucket beyond the weights");
    }

    public boolean lowerIsBetter() {
        return metric.equals("opted_out");
    }

    private static long hash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) v = (v << 8) | (d[i] & 0xff);
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
