package com.jorge.platform.leadscore;

/**
 * One lead's score.
 *
 * @param probability  calibrated probability that the lead converts, 0..1
 * @param modelVersion the registry version that produced it: the tier's {@code model_version} (a canary's
 *                     during a canary), or the in-process model's version
 * @param path         who answered: the inference tier, the in-process fallback, or in-process by design
 */
public record LeadScore(double probability, String modelVersion, ScorePath path) {
    public LeadScore {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be within 0..1, was " + probability);
        }
    }
}
