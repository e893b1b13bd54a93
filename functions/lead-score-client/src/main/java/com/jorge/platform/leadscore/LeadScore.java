package com.jorge.platform.leadscore;

/**
 * One lead's score.
 *
 * @param probability  calibrated probability that the lead converts, 0..1
 * @param modelVersion the model version that produced it
 * @param path         who answered: the inference tier or the in-process fallback
 */
public record LeadScore(double probability, String modelVersion, ScorePath path) {
    public LeadScore {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be within 0..1, was " + probability);
        }
    }
}
