package com.jorge.platform.conversation;

import java.util.List;

/**
 * The bot's answer to one inbound message: the texts to send (often one, sometimes none: a paused,
 * opted-out or quiet-hours conversation), the CRM actions, and the state to remember.
 */
public record BotTurn(List<String> replies, List<CrmAction> actions, ConversationState nextState) {
    public BotTurn {
        replies = List.copyOf(replies);
        actions = List.copyOf(actions);
    }

    public static BotTurn silent(ConversationState state) {
        return new BotTurn(List.of(), List.of(), state);
    }
}
