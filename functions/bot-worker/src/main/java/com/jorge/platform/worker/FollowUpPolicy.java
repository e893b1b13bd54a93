package com.jorge.platform.worker;

import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.ConversationContext;

import java.util.Optional;

/** Decides whether a quiet lead gets a follow-up now (the Jorge bots' {@code FollowUpPlanner}). */
@FunctionalInterface
public interface FollowUpPolicy {
    Optional<BotTurn> followUp(ConversationContext context);
}
