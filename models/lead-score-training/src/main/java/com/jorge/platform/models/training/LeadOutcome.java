package com.jorge.platform.models.training;

import com.jorge.platform.models.features.LeadAttributes;
import java.util.Objects;

/** One lead whose outcome is known: its raw attributes and whether it converted. */
public record LeadOutcome(LeadAttributes attributes, boolean converted) {
    public LeadOutcome {
        Objects.requireNonNull(attributes, "attributes");
    }
}
