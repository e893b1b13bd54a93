package com.jorge.platform.bots;

import com.jorge.platform.bots.compliance.StateTextingRules;
import com.jorge.platform.bots.policy.LeadFacts;
import com.jorge.platform.bots.policy.Qualification;
import com.jorge.platform.bots.policy.Question;
import com.jorge.platform.bots.policy.Stage;
import com.jorge.platform.bots.reply.ReplyPart;
import com.jorge.platform.bots.reply.WrittenReply;
import com.jorge.platform.conversation.BotTurn;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.ConversationContext;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.FollowUpPolicy;
import com.jorge.platform.conversation.LeadRef;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follow-ups for leads who went quiet, for the scheduler (EventBridge) to call per conversation. A
 * follow-up goes out only when one is due, never to an opted-out or wrong-number lead, never while a
 * human has the conversation, and never more than the configured number of times in a row without
 * an answer. Quiet hours hold it like any reply.
 */
public final class FollowUpPlanner implements FollowUpPolicy {

    private final JorgeConversationPolicy policy;

    public FollowUpPlanner(JorgeConversationPolicy policy) {
        this.policy = policy;
    }

    /** The follow-up due at {@code context.now()}, or empty when none may or need go out. */
    @Override
    public Optional<BotTurn> followUp(ConversationContext context) {
        ConversationState state = context.state();
        if (!mayFollowUp(state, context.now())) {
            return Optional.empty();
        }
        if (context.now().isBefore(state.lastReplyAt().plus(waits(context.lead(), state, context.now()).get(0)))) {
            return Optional.empty();
        }
        return Optional.of(compose(context));
    }

    /**
     * The next follow-up, now, for a schedule kept elsewhere (the lead-nurture workflow waits between
     * steps itself); every rule but the timing still holds. Empty when none may go out.
     */
    @Override
    public Optional<BotTurn> nextFollowUp(ConversationContext context) {
        return mayFollowUp(context.state(), context.now()) ? Optional.of(compose(context)) : Optional.empty();
    }

    /**
     * Whether this conversation may get follow-ups at all now: the bot spoke last, nobody stopped it,
     * and the cap on unanswered follow-ups is not reached.
     */
    @Override
    public boolean mayFollowUp(ConversationState state, Instant now) {
        Stage stage = Stage.of(state.stage());
        if (state.optedOut() || stage.silencedForever() || stage == Stage.NEW || stage == Stage.HANDED_OFF
                || stage == Stage.CLOSED || state.pausedAt(now) || state.lastReplyAt() == null) {
            return false;
        }
        if (state.lastInboundAt() != null && state.lastInboundAt().isAfter(state.lastReplyAt())) {
            return false; // the lead spoke last: that needs an answer, not a follow-up
        }
        int unanswered = new LeadFacts(state.facts()).count(LeadFacts.UNANSWERED_FOLLOW_UPS);
        return unanswered < policy.settings().maxUnansweredFollowUps();
    }

    /**
     * The waits before each follow-up still allowed, each counted from the bot's previous text: the lead's
     * {@code follow_up_cadence} variant's (JORGE_BOTS_FOLLOW_UP_CADENCES) when it is in one, else
     * JORGE_BOTS_FOLLOW_UP_DELAYS. A lead in nurture waits the nurture delay whatever its cadence.
     */
    @Override
    public List<Duration> waits(LeadRef lead, ConversationState state, Instant now) {
        BotSettings config = policy.settings();
        int unanswered = new LeadFacts(state.facts()).count(LeadFacts.UNANSWERED_FOLLOW_UPS);
        List<Duration> delays = config.followUpDelays(policy.variants(lead, state, now));
        List<Duration> waits = new ArrayList<>();
        for (int i = unanswered; i < config.maxUnansweredFollowUps(); i++) {
            waits.add(Stage.of(state.stage()) == Stage.NURTURE ? config.nurtureDelay() : delays.get(Math.min(i, delays.size() - 1)));
        }
        return waits.isEmpty() ? List.of(config.nurtureDelay()) : waits;
    }

    /**
     * The re-engagement text for a cold lead a person picked (the inbox's bulk re-engagement): {@code reengage.seller}
     * or {@code reengage.buyer} in the conversation's language and the bots' tone, held by quiet hours and the
     * state's limit per 24 hours like a follow-up (it is a text the bots start). The stage stays: the lead's answer
     * decides whether the conversation opens again. Never for an opted-out lead or one a person has.
     */
    @Override
    public Optional<BotTurn> reEngagement(ConversationContext context) {
        ConversationState state = context.state();
        Instant now = context.now();
        if (state == null || state.optedOut() || Stage.of(state.stage()).silencedForever() || state.pausedAt(now)) {
            return Optional.empty();
        }
        BotSettings config = policy.settings();
        LeadFacts facts = new LeadFacts(state.facts());
        String key = state.botType() == BotType.BUYER ? "reengage.buyer" : "reengage.seller";
        WrittenReply written = policy.writer().writeReply(policy.plan(context, state, facts, state.language(),
                List.of(ReplyPart.required(key)), "", config.tone()));
        StateTextingRules.Hold held = JorgeConversationPolicy.hold(config, context, now, true);
        Instant notBefore = held == null ? null : held.until();
        JorgeConversationPolicy.recordInitiated(facts, state, notBefore == null ? now : notBefore);
        ConversationState next = state.withFacts(facts.asMap()).withReply(notBefore == null ? now : notBefore);
        return Optional.of(policy.withVariants(context, new BotTurn(List.of(written.text()), List.of(), next, notBefore,
                held == null ? null : held.reason()).withLlmUsage(written.usage())));
    }

    @Override
    public String unansweredCounterFact() {
        return LeadFacts.UNANSWERED_FOLLOW_UPS;
    }

    @Override
    public int maxUnanswered() {
        return policy.settings().maxUnansweredFollowUps();
    }

    private BotTurn compose(ConversationContext context) {
        ConversationState state = context.state();
        Stage stage = Stage.of(state.stage());
        Instant now = context.now();
        BotSettings config = policy.settings();
        LeadFacts facts = new LeadFacts(state.facts());
        int unanswered = facts.count(LeadFacts.UNANSWERED_FOLLOW_UPS);
        List<ReplyPart> parts = new ArrayList<>();
        if (stage == Stage.NURTURE) {
            parts.add(ReplyPart.required("followup.nurture"));
        } else {
            parts.add(ReplyPart.optional("followup.nudge"));
            parts.add(ReplyPart.required(pendingStep(state.botType(), facts, stage)));
        }
        WrittenReply written = policy.writer().writeReply(policy.plan(context, state, facts, state.language(), parts, "",
                config.tone()));
        facts.setCount(LeadFacts.UNANSWERED_FOLLOW_UPS, unanswered + 1);
        StateTextingRules.Hold held = JorgeConversationPolicy.hold(config, context, now, true);
        Instant notBefore = held == null ? null : held.until();
        JorgeConversationPolicy.recordInitiated(facts, state, notBefore == null ? now : notBefore);
        // mayFollowUp excluded opted-out leads, so the state stays opted in
        ConversationState next = state.withFacts(facts.asMap()).withReply(notBefore == null ? now : notBefore);
        return policy.withVariants(context, new BotTurn(List.of(written.text()), List.of(), next, notBefore,
                held == null ? null : held.reason()).withLlmUsage(written.usage()));
    }

    /** The question left open, or the appointment offer once everything was asked. */
    private static String pendingStep(BotType side, LeadFacts facts, Stage stage) {
        Qualification qualification = Qualification.of(side == null ? BotType.SELLER : side);
        if (stage == Stage.BOOKING) {
            return qualification.offerKey();
        }
        String last = facts.raw(LeadFacts.LAST_QUESTION);
        if (last != null) {
            for (Question question : Question.values()) {
                if (question.name().equals(last)) {
                    return question.templateKey();
                }
            }
        }
        Question next = qualification.nextQuestion(facts, Integer.MAX_VALUE);
        return next == null ? qualification.offerKey() : next.templateKey();
    }
}
