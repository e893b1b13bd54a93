package com.jorge.platform.conversation;

import java.util.Objects;

/**
 * What the worker needs from a bot implementation: the conversation policy that answers each message,
 * the follow-up policy for leads who go quiet, and the attributes won and lost deals are recorded in.
 * The Jorge bots provide all three; a bot without follow-ups or lead scoring uses {@link #of}.
 */
public record BotSuite(ConversationPolicy policy, FollowUpPolicy followUps, LeadScoreAttributes leadScoreAttributes) {

    public BotSuite {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(followUps, "followUps");
        Objects.requireNonNull(leadScoreAttributes, "leadScoreAttributes");
    }

    /** A policy alone: no follow-ups, no outcomes recorded. */
    public static BotSuite of(ConversationPolicy policy) {
        return new BotSuite(policy, FollowUpPolicy.NONE, LeadScoreAttributes.NONE);
    }

    /** For functions that only finish decisions already stored (due replies): asking it to decide is a wiring mistake. */
    public static final BotSuite NO_DECISIONS = of((context, message) -> {
        throw new IllegalStateException("this function delivers stored decisions and makes none");
    });
}
