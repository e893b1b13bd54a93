package com.jorge.platform.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Follow-ups for quiet leads; the Jorge bots' {@code FollowUpPlanner} implements it. */
public interface FollowUpPolicy {

    /** The follow-up due now by the policy's own timing (the scheduled sweep), if any. */
    Optional<BotTurn> followUp(ConversationContext context);

    /** The next follow-up now, the timing being kept by a workflow; every other rule holds. */
    Optional<BotTurn> nextFollowUp(ConversationContext context);

    /**
     * A re-engagement text for a cold lead a person chose in a batch (the inbox's bulk re-engagement): the
     * lead's side and language, held by quiet hours and the state's limits like a follow-up; empty when the
     * policy has none to send. The caller re-checked opt-out, DND and a person's pause first.
     */
    default Optional<BotTurn> reEngagement(ConversationContext context) {
        return Optional.empty();
    }

    /** Whether the conversation may be followed up at all (the bot spoke last, nothing stops it). */
    boolean mayFollowUp(ConversationState state, Instant now);

    /**
     * The waits before each follow-up still allowed, for this lead at {@code now}: the lead's
     * {@code follow_up_cadence} experiment variant (EXPERIMENTS), if any, picks the cadence.
     */
    List<Duration> waits(LeadRef lead, ConversationState state, Instant now);

    /** The conversation fact counting follow-ups the lead left unanswered (a schedule's candidate query reads it). */
    String unansweredCounterFact();

    /** How many unanswered follow-ups a lead gets at most. */
    int maxUnanswered();

    /** For bots without follow-ups. */
    FollowUpPolicy NONE = new FollowUpPolicy() {
        @Override
        public Optional<BotTurn> followUp(ConversationContext context) {
            return Optional.empty();
        }

        @Override
        public Optional<BotTurn> nextFollowUp(ConversationContext context) {
            return Optional.empty();
        }

        @Override
        public boolean mayFollowUp(ConversationState state, Instant now) {
            return false;
        }

        @Override
        public List<Duration> waits(LeadRef lead, ConversationState state, Instant now) {
            return List.of();
        }

        @Override
        public String unansweredCounterFact() {
            return "none";
        }

        @Override
        public int maxUnanswered() {
            return 0;
        }
    };
}
