package com.jorge.platform.bots;

import com.jorge.platform.bots.temperature.ConversationLeadAttributes;
import com.jorge.platform.bots.temperature.LeadScorer;
import com.jorge.platform.conversation.BotSuite;

/**
 * The Jorge seller and buyer bots as the worker runs them: the conversation policy, its follow-up
 * planner, and the attributes won and lost deals are recorded in for retraining the lead score.
 */
public final class JorgeBots {

    private JorgeBots() {
    }

    /** Loads the understanding model (about a second): build once per process. */
    public static BotSuite suite(BotSettings settings, LeadScorer scorer) {
        return suite(JorgeConversationPolicy.create(settings, scorer));
    }

    public static BotSuite suite(JorgeConversationPolicy policy) {
        return new BotSuite(policy, new FollowUpPlanner(policy), new ConversationLeadAttributes());
    }
}
