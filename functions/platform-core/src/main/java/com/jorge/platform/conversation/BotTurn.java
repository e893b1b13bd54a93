package com.jorge.platform.conversation;

import com.jorge.platform.approvals.ProposedAction;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The bot's answer to one inbound message: the texts to send (often one, sometimes none: a paused,
 * opted-out or quiet-hours conversation), the CRM actions, and the state to remember.
 *
 * @param notBefore when the replies may go out at the earliest: null means now; otherwise the lead's
 *                  quiet hours are on and the worker holds the replies until then (the actions and the
 *                  state apply at once)
 * @param heldBecause why the replies wait (e.g. {@code quiet_hours_FL}, {@code FL_daily_text_limit}), null when they do not
 * @param llmUsage    the LLM tokens spent wording the replies ({@link LlmUsage#NONE} for template replies); the worker
 *                    records them in the turn's audit entry ({@code llmInputTokens}, {@code llmOutputTokens}) for the
 *                    BI cost per conversation
 * @param objection   the objection the lead raised and the bot answered in this turn ({@code has_agent},
 *                    {@code not_interested}, {@code angry}, {@code not_now}, {@code price_too_high},
 *                    {@code just_looking}), or null; recorded the same way for the BI objection outcomes
 * @param proposals   what the replies do that a location's approval policy may want a person to see first
 *                    (a price opinion, an LLM reply the guard flagged); the worker adds what the CRM actions
 *                    say themselves (a listing appointment)
 * @param experiments the variant of each configured experiment ({@code EXPERIMENTS}) the replies were worded in,
 *                    by experiment name; empty when none applies. The worker records it in the turn's audit entry
 *                    ({@code experiments}), the exposure the BI experiment results stand on
 */
public record BotTurn(List<String> replies, List<CrmAction> actions, ConversationState nextState, Instant notBefore,
                      String heldBecause, LlmUsage llmUsage, String objection, List<ProposedAction> proposals,
                      Map<String, String> experiments) {
    public BotTurn {
        replies = List.copyOf(replies);
        actions = List.copyOf(actions);
        llmUsage = llmUsage == null ? LlmUsage.NONE : llmUsage;
        proposals = List.copyOf(proposals);
        experiments = experiments == null ? Map.of() : Map.copyOf(experiments);
    }

    /** A turn in no experiment. */
    public BotTurn(List<String> replies, List<CrmAction> actions, ConversationState nextState, Instant notBefore,
                   String heldBecause, LlmUsage llmUsage, String objection, List<ProposedAction> proposals) {
        this(replies, actions, nextState, notBefore, heldBecause, llmUsage, objection, proposals, Map.of());
    }

    /** A turn that spent no LLM tokens, met no objection and proposes nothing beyond its CRM actions. */
    public BotTurn(List<String> replies, List<CrmAction> actions, ConversationState nextState, Instant notBefore,
                   String heldBecause) {
        this(replies, actions, nextState, notBefore, heldBecause, LlmUsage.NONE, null, List.of());
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
        return new BotTurn(replies, actions, nextState, notBefore, heldBecause, llmUsage, objection, newProposals, experiments);
    }

    public BotTurn withExperiments(Map<String, String> variants) {
        return new BotTurn(replies, actions, nextState, notBefore, heldBecause, llmUsage, objection, proposals, variants);
    }

    public static BotTurn silent(ConversationState state) {
        return new BotTurn(List.of(), List.of(), state, null, null);
    }

    public BotTurn withLlmUsage(LlmUsage usage) {
        return new BotTurn(replies, actions, nextState, notBefore, heldBecause, usage, objection, proposals, experiments);
    }

    public BotTurn withNextState(ConversationState state) {
        return new BotTurn(replies, actions, state, notBefore, heldBecause, llmUsage, objection, proposals, experiments);
    }

    public BotTurn withObjection(String raised) {
        return new BotTurn(replies, actions, nextState, notBefore, heldBecause, llmUsage, raised, proposals, experiments);
    }

    /** True when the replies must wait (quiet hours) at {@code now}. */
    public boolean deferredAt(Instant now) {
        return notBefore != null && !replies.isEmpty() && now.isBefore(notBefore);
    }
}
