package com.jorge.platform.conversation;

import com.jorge.platform.approvals.ProposedAction;

import java.time.Instant;
import java.util.List;

/**
 * The bot's answer to one inbound message: the texts to send (often one, sometimes none: a paused,
 * opted-out or quiet-hours conversation), the CRM actions, and the state to remember.
 *
 * @param notBefore when the replies may go out at the earliest: null means now; otherwise the lead's
 *                  quiet hours are on and the worker holds the replies until then (the actions and the
 *                  state apply at once)
 * @param heldBecause why the replies wait (e.g. {@code quiet_hours_FL}, {@code FL_daily_text_limit}), null when they do not
 * @param proposals   what the replies do that a location's approval policy may want a person to see first
 *                    (a price opinion, an LLM reply the guard flagged); the worker adds what the CRM actions
 *                    say themselves (a listing appointment)
 */
public record BotTurn(List<String> replies, List<CrmAction> actions, ConversationState nextState, Instant notBefore,
                      String heldBecause, List<ProposedAction> proposals) {
    public BotTurn {
        replies = List.copyOf(replies);
        actions = List.copyOf(actions);
        proposals = List.copyOf(proposals);
    }

    /** A turn that proposes nothing an approval policy looks at beyond its CRM actions. */
    public BotTurn(List<String> replies, List<CrmAction> actions, ConversationState nextState, Instant notBefore,
                   String heldBecause) {
        this(replies, actions, nextState, notBefore, heldBecause, List.of());
    }

    /** Replies held until {@code notBefore} for a reason the platform need not record. */
    public BotTurn(List<String> replies, List<CrmAction> actions, ConversationState nextState, Instant notBefore) {
        this(replies, actions, nextState, notBefore, null);
    }

    /** A turn whose replies go out now. */
    public BotTurn(List<String> replies, List<CrmAction> actions, ConversationState nextState) {
        this(replies, actions, nextState, null, null);
    }

    public BotTurn withProposals(List<ProposedAction> newProposals) {
        return new BotTurn(replies, actions, nextState, notBefore, heldBecause, newProposals);
    }

    public static BotTurn silent(ConversationState state) {
        return new BotTurn(List.of(), List.of(), state, null, null);
    }

    /** True when the replies must wait (quiet hours) at {@code now}. */
    public boolean deferredAt(Instant now) {
        return notBefore != null && !replies.isEmpty() && now.isBefore(notBefore);
    }
}
