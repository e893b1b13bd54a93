package com.jorge.platform.bots.temperature;

import com.jorge.platform.conversation.Temperature;

import java.util.List;

/**
 * A lead's temperature with every reason that produced it, the score and the qualification completeness.
 *
 * @param modelVersion the model version that gave the score ({@link LeadScore#modelVersion()})
 */
public record TemperatureAssessment(Temperature temperature, List<String> reasons, double score, double completeness,
                                    String modelVersion) {
    public TemperatureAssessment(Temperature temperature, List<String> reasons, double score, double completeness) {
        this(temperature, reasons, score, completeness, LeadScore.RULES);
    }

    public TemperatureAssessment {
        reasons = List.copyOf(reasons);
        if (modelVersion == null) modelVersion = LeadScore.RULES;
    }
}
