package com.jorge.platform.bots.temperature;

import com.jorge.platform.conversation.Temperature;

import java.util.List;

/** A lead's temperature with every reason that produced it, the score and the qualification completeness. */
public record TemperatureAssessment(Temperature temperature, List<String> reasons, double score, double completeness) {
    public TemperatureAssessment {
        reasons = List.copyOf(reasons);
    }
}
