package com.jorge.platform.bots.temperature;

import com.jorge.platform.bots.policy.LeadFacts;
import com.jorge.platform.conversation.BotType;

/**
 * Scores a lead from what the conversation knows. The machine-learned lead score (the lead-score
 * issue) plugs in here; until it exists {@link RuleBasedLeadScorer} stands in.
 */
public interface LeadScorer {
    LeadScore score(BotType side, LeadFacts facts);
}
