package com.jorge.platform.conversation;

import java.time.Instant;
import java.util.List;

/**
 * The bot's answer to one inbound message: the texts to send (often one, sometimes none: a paused,
 * opted-out or quiet-hours conversation), the CRM actions, and the state to remember.
 *
 * @param notBefore when the replies may go out at the earliest: null means now; otherwise the lead's
 *                  quiet hours are on and the worker holds the replies until then (the actions and the
 *                  state apply at once)
 */
public record BotTurn(List<String> replies, List<CrmAction> actions, ConversationState nextState, Instant notBefore) {
    public BotTurn {
        replies = List.copyOf(replies);
        actions = List.copyOf(actions);
    }

    /** A turn whose replies go out now. */
    public BotTurn(List<String> replies, List<CrmAction> actions, ConversationState nextState) {
        this(replies, actions, nextState, null);
    }

    public static BotTurn silent(ConversationState state) {
        return new BotTurn(List.of(), List.of(), state, null);
    }

    /** True when the replies must wait (quiet hours) at {@code now}. */
    public boolean deferredAt(Instant now) {
        return notBefore != null && !replies.isEmpty() && now.isBefore(notBefore);
    }
}
