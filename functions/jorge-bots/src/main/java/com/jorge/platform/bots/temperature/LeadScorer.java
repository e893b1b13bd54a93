package com.jorge.platform.bots.temperature;

import com.jorge.platform.bots.policy.LeadFacts;
import com.jorge.platform.conversation.BotType;

/**
 * Scores a lead from what the conversation knows: the model trained on the platform's own outcomes
 * when one is live (the worker's {@code ModelLeadScorer}), else {@link RuleBasedLeadScorer}.
 */
public interface LeadScorer {
    LeadScore score(BotType side, LeadFacts facts);
}
