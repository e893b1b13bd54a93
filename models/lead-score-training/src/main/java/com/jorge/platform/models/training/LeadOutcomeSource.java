package com.jorge.platform.models.training;

import com.jorge.platform.models.features.FeatureSet;
import java.util.List;

/**
 * Where training reads lead outcomes from. The same pipeline retrains on either source, so a
 * deployment moves from the public stand-in data to its own leads by changing one flag.
 */
public sealed interface LeadOutcomeSource permits BankMarketingSource, AuroraLeadOutcomeSource, InMemoryOutcomes {

    /** Every outcome, in a stable order (the split shuffles from a seed, so order must not drift). */
    List<LeadOutcome> load();

    /** The schema {@link #load()} encodes with: the model's input columns, recorded in its metadata. */
    FeatureSet featureSet();

    /**
     * Whether {@link #load()} returns outcomes oldest first. Then training also reports how a model
     * trained on the past scores the most recent leads, which a random split cannot show.
     */
    boolean chronological();

    /** A one-line description for the model card and metadata; never contains credentials. */
    String description();
}
