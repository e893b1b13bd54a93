package com.jorge.platform.alerts.evaluation;

/**
 * NAB's score of one data file at one threshold, with its row counts (probationary rows left out, as NAB does).
 *
 * @param windows the labelled windows that count (those outside the probationary period)
 */
public record NabFileScore(double score, int tp, int tn, int fp, int fn, int windows) {

    public int total() {
        return tp + tn + fp + fn;
    }
}
