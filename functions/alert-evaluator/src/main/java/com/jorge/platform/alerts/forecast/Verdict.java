package com.jorge.platform.alerts.forecast;

/** What one evaluation of one metric says about its threshold. */
public sealed interface Verdict {

    /** The metric has no points at all (or none recent): neither healthy nor firing. */
    record NoData(String reason) implements Verdict {}

    /** Some points, too few to trust a trend. */
    record TooFewPoints(int points, int needed) implements Verdict {}

    /** Not bad now, and not expected to be within the horizon. */
    record Clear(TrendFit trend) implements Verdict {}

    /** Expected to cross the threshold in about {@code minutesToBreach} minutes. */
    record BreachPredicted(TrendFit trend, double minutesToBreach) implements Verdict {}

    /** Already beyond the threshold. */
    record Breaching(TrendFit trend, double recentValue) implements Verdict {}

    default boolean isBad() {
        return this instanceof BreachPredicted || this instanceof Breaching;
    }

    default boolean isJudged() {
        return !(this instanceof NoData || this instanceof TooFewPoints);
    }
}
