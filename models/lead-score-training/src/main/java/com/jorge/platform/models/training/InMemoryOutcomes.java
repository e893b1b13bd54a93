package com.jorge.platform.models.training;

import java.util.List;

/** Outcomes already in memory: a slice of another source, or rows a caller assembled. */
public record InMemoryOutcomes(List<LeadOutcome> outcomes, String description, boolean chronological)
        implements LeadOutcomeSource {
    public InMemoryOutcomes {
        outcomes = List.copyOf(outcomes);
    }

    @Override
    public List<LeadOutcome> load() {
        return outcomes;
    }
}
