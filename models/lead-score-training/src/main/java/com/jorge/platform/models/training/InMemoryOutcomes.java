package com.jorge.platform.models.training;

import com.jorge.platform.models.features.FeatureSet;
import java.util.List;
import java.util.Objects;

/** Outcomes already in memory and encoded by {@code featureSet}: a slice of another source, or rows a caller assembled. */
public record InMemoryOutcomes(FeatureSet featureSet, List<LeadOutcome> outcomes, String description,
                               boolean chronological) implements LeadOutcomeSource {
    public InMemoryOutcomes {
        Objects.requireNonNull(featureSet, "featureSet");
        outcomes = List.copyOf(outcomes);
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).featureCount() != featureSet.featureCount()) {
                throw new IllegalArgumentException("outcome " + i + " has " + outcomes.get(i).featureCount()
                        + " features, " + featureSet.version() + " has " + featureSet.featureCount());
            }
        }
    }

    @Override
    public List<LeadOutcome> load() {
        return outcomes;
    }
}
