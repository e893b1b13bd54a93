package com.jorge.platform.models.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A stratified train / validation / test split, reproducible from a seed: converted and not converted
 * leads are shuffled separately (java.util.Random's generator is specified, so every JVM gives the same
 * order) and cut at the same fractions, so each part keeps the overall conversion rate. Validation picks
 * the calibration and the hot threshold; test is only scored.
 */
public record DatasetSplit(List<LeadOutcome> train, List<LeadOutcome> validation, List<LeadOutcome> test) {

    public static final double TRAIN_FRACTION = 0.70;
    public static final double VALIDATION_FRACTION = 0.15;
    /** Fewer rows than this per class leave a test split too small to score honestly. */
    static final int MIN_PER_CLASS = 20;

    public static DatasetSplit of(List<LeadOutcome> outcomes, long seed) {
        List<LeadOutcome> converted = new ArrayList<>();
        List<LeadOutcome> notConverted = new ArrayList<>();
        for (LeadOutcome outcome : outcomes) {
            (outcome.converted() ? converted : notConverted).add(outcome);
        }
        if (converted.size() < MIN_PER_CLASS || notConverted.size() < MIN_PER_CLASS) {
            throw new IllegalArgumentException("need at least " + MIN_PER_CLASS + " converted and " + MIN_PER_CLASS
                    + " not converted leads to train and evaluate, have " + converted.size() + " and "
                    + notConverted.size());
        }
        Random random = new Random(seed);
        shuffle(converted, random);
        shuffle(notConverted, random);
        List<LeadOutcome> train = new ArrayList<>();
        List<LeadOutcome> validation = new ArrayList<>();
        List<LeadOutcome> test = new ArrayList<>();
        for (List<LeadOutcome> stratum : List.of(converted, notConverted)) {
            int trainEnd = (int) Math.round(stratum.size() * TRAIN_FRACTION);
            int validationEnd = trainEnd + (int) Math.round(stratum.size() * VALIDATION_FRACTION);
            train.addAll(stratum.subList(0, trainEnd));
            validation.addAll(stratum.subList(trainEnd, validationEnd));
            test.addAll(stratum.subList(validationEnd, stratum.size()));
        }
        // interleave the strata again so no consumer sees all positives first
        shuffle(train, random);
        shuffle(validation, random);
        shuffle(test, random);
        return new DatasetSplit(List.copyOf(train), List.copyOf(validation), List.copyOf(test));
    }

    /** Fisher-Yates written out so the order depends on Random's specified sequence only. */
    private static <T> void shuffle(List<T> list, Random random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }
}
