package com.jorge.platform.bots.temperature;

import java.util.List;

/**
 * How likely a lead is to transact soon, in [0, 1], with the reasons behind the number.
 *
 * @param source which scorer produced it (the model version, or the interim rule-based estimate)
 */
public record LeadScore(double value, List<String> reasons, String source) {
    public LeadScore {
        if (Double.isNaN(value) || value < 0 || value > 1) {
            throw new IllegalArgumentException("lead score must be in [0, 1], got " + value);
        }
        reasons = List.copyOf(reasons);
    }
}
