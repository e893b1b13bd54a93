package com.jorge.platform.alerts.forecast;

/** What one evaluation of one metric says about its threshold. */
public sealed interface Verdict {

    /** The metric has no points at all (or none recent): neither healthy nor firing. */
    record NoData(String reason) implements Verdict {}

    /** Some points, too few to trust a trend. */
    record TooFewPoints(int points, int needed) implements Verdict {}

    /** Not bad now, and the calibrated chance of a breach within the horizon is under the operating probability. */
    record Clear(TrendFit trend, double breachProbability) implements Verdict {}

    /**
     * A breach within the horizon is at least as likely as the operating probability: {@code breachProbability}
     * (calibrated, 0..1); {@code minutesToBreach} is the trend's central estimate (the horizon when the trend is flat).
     */
    record BreachPredicted(TrendFit trend, double minutesToBreach, double breachProbability) implements Verdict {}

    /** Already beyond the threshold. */
    record Breaching(TrendFit trend, double recentValue) implements Verdict {}

    default boolean isBad() {
        return this instanceof BreachPredicted || this instanceof Breaching;
    }

    /** The calibrated chance of being beyond the threshold within the horizon: 1 when already there, 0 without a verdict. */
    default double breachProbability() {
        return switch (this) {
            case NoData n -> 0;
            case TooFewPoints t -> 0;
            case Clear c -> c.breachProbability();
            case BreachPredicted p -> p.breachProbability();
            case Breaching b -> 1;
        };
    }

    default boolean isJudged() {
        return !(this instanceof NoData || this instanceof TooFewPoints);
    }
}
