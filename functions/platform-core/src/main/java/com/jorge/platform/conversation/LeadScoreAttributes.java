package com.jorge.platform.conversation;

import java.util.Map;
import java.util.Optional;

/**
 * What the bots know about a lead, as the raw attributes of the lead-score model's feature set. The
 * bots score a live conversation with these attributes, and the worker records them with each won or
 * lost deal ({@code lead_outcomes}), so a model retrained on those outcomes is served what it learned
 * from. The Jorge bots' {@code ConversationLeadAttributes} implements it.
 */
public interface LeadScoreAttributes {

    /** The feature-set version the attributes are keyed by, e.g. {@code conversation-features/1}. */
    String featureSet();

    /** The attributes of a stored conversation; empty when no bot ever talked with the lead. */
    Optional<Map<String, Object>> of(ConversationState state);

    /** For policies that do not score leads: no outcomes are recorded. */
    LeadScoreAttributes NONE = new LeadScoreAttributes() {
        @Override
        public String featureSet() {
            return "none";
        }

        @Override
        public Optional<Map<String, Object>> of(ConversationState state) {
            return Optional.empty();
        }
    };
}
