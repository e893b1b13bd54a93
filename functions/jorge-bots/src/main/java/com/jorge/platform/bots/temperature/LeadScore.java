package com.jorge.platform.bots.temperature;

import java.util.List;

/**
 * How likely a lead is to transact soon, in [0, 1], with the reasons behind the number and the
 * scorer's own cut-offs: a calibrated model's probabilities sit near its base rate (about one lead in
 * ten converts), the rule-based estimate's points do not, so each scorer says where hot and warm begin.
 *
 * @param source which scorer produced it (the model and version, or the interim rule-based estimate)
 * @param hotAt  a score at or above this is high enough for hot
 * @param warmAt a score at or above this is high enough for warm; never above {@code hotAt}
 * @param modelVersion the model version that scored (the registry version, {@value #RULES} for the rule-based
 *                     estimate): what {@code lead_scores.model_version} records
 */
public record LeadScore(double value, List<String> reasons, String source, double hotAt, double warmAt,
                        String modelVersion) {

    public static final String RULES = "rules";

    /** A score of the rule-based estimate. */
    public LeadScore(double value, List<String> reasons, String source, double hotAt, double warmAt) {
        this(value, reasons, source, hotAt, warmAt, RULES);
    }

    public LeadScore {
        if (modelVersion == null || modelVersion.isBlank()) modelVersion = RULES;
        if (Double.isNaN(value) || value < 0 || value > 1) {
            throw new IllegalArgumentException("lead score must be in [0, 1], got " + value);
        }
        if (!(warmAt >= 0 && warmAt <= hotAt && hotAt <= 1)) {
            throw new IllegalArgumentException("need 0 <= warmAt <= hotAt <= 1, got warm " + warmAt + ", hot " + hotAt);
        }
        reasons = List.copyOf(reasons);
    }
}
