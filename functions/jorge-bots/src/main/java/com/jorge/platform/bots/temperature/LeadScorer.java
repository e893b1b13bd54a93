package com.jorge.platform.bots.temperature;

import com.jorge.platform.bots.policy.LeadFacts;
import com.jorge.platform.conversation.BotType;

import java.util.Map;

/**
 * Scores a lead from what the conversation knows: the model trained on the platform's own outcomes
 * when one is live (the worker's {@code ModelLeadScorer}), else {@link RuleBasedLeadScorer}.
 */
public interface LeadScorer {
    LeadScore score(BotType side, LeadFacts facts);

    /**
     * Scores a lead in these experiment variants (experiment name to variant, EXPERIMENTS): a
     * {@code model_version} variant may route the lead to another model version (the worker's
     * {@code ModelLeadScorer}); by default the variants change nothing.
     */
    default LeadScore score(BotType side, LeadFacts facts, Map<String, String> variants) {
        return score(side, facts);
    }
}
