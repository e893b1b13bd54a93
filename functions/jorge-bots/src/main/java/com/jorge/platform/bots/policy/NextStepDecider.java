package com.jorge.platform.bots.policy;

import com.jorge.platform.bots.reply.ReplyPart;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.understanding.Intent;
import com.jorge.platform.understanding.MessageUnderstanding;
import com.jorge.platform.understanding.SlotName;

import java.util.ArrayList;
import java.util.List;

/**
 * The qualification state machine shared by the seller and the buyer bot. Given the stage, the facts
 * (already updated with this message) and what the message says, it picks one next step: answer an
 * objection, accept a booking, ask the next open question (one at a time, never one already
 * answered), offer the appointment, or go quiet. Compliance (opt-out, wrong number, pauses, quiet
 * hours) and the hot-lead hand-off are decided around it, by the policy.
 */
public final class NextStepDecider {

    /** A question the lead ignored twice is not asked a third time. */
    public static final int MAX_ASKS = 2;
    static final String SWITCHED_KEY = "bot.switched";

    public Decision decide(Stage stage, BotType side, LeadFacts facts, MessageUnderstanding message,
                           boolean firstMessage, boolean learnedSomething) {
        List<ReplyPart> parts = new ArrayList<>();
        if (firstMessage) {
            parts.add(ReplyPart.optional("greet"));
        }
        if ((stage == Stage.NURTURE || stage == Stage.CLOSED) && !reengages(message, learnedSomething)) {
            return new Decision(stage, side, List.of(), null, false);
        }
        if (message.has(Intent.HAS_AGENT)) {
            return say(parts, "objection.has_agent", Stage.CLOSED, side);
        }
        // "not interested" in a text that also answers the questions contradicts itself: the answers win
        if (message.has(Intent.NOT_INTERESTED) && !learnedSomething) {
            return say(parts, "objection.not_interested", Stage.CLOSED, side);
        }
        if (message.has(Intent.ANGRY)) {
            return say(parts, "objection.angry", Stage.NURTURE, side);
        }
        if (message.has(Intent.NOT_NOW)) {
            return say(parts, "objection.not_now", Stage.NURTURE, side);
        }
        boolean timeGiven = message.value(SlotName.CONTACT_TIME).isPresent();
        if (message.has(Intent.WANTS_CALL) || message.has(Intent.WANTS_SHOWING)
                || (stage == Stage.BOOKING && (message.has(Intent.AFFIRMATIVE) || timeGiven))) {
            if (message.has(Intent.WANTS_SHOWING)) {
                parts.add(ReplyPart.optional("showing.ack"));
            }
            parts.add(ReplyPart.required(facts.has(Fact.LEAD_CONTACT_TIME) ? "handoff.call" : "handoff.call_ask_time"));
            return new Decision(Stage.HANDED_OFF, side, parts, null, true);
        }
        if (stage == Stage.BOOKING && message.has(Intent.NEGATIVE)) {
            return say(parts, "nurture.close", Stage.NURTURE, side);
        }

        boolean answeredObjection = true;
        if (message.has(Intent.OFF_LIMITS_QUESTION)) {
            parts.add(ReplyPart.required("deflect.off_limits"));
        } else if (message.has(Intent.ASKS_HOME_VALUE)) {
            parts.add(ReplyPart.required("value.ask"));
        } else if (message.has(Intent.PRICE_TOO_HIGH)) {
            parts.add(ReplyPart.required("objection.price_too_high"));
        } else if (message.has(Intent.JUST_LOOKING)) {
            parts.add(ReplyPart.required("objection.just_looking"));
        } else {
            answeredObjection = false;
        }
        if (!answeredObjection && learnedSomething && !firstMessage) {
            parts.add(ReplyPart.optional("ack"));
        }

        Qualification current = Qualification.of(side);
        Question next = current.nextQuestion(facts, MAX_ASKS);
        if (next == null) {
            Qualification other = Qualification.of(Qualification.other(side));
            Question otherNext = other.nextQuestion(facts, MAX_ASKS);
            if (facts.hasSignal(other.signal()) && facts.raw(SWITCHED_KEY) == null && otherNext != null) {
                facts.setInternal(SWITCHED_KEY, other.side().name());
                parts.add(ReplyPart.optional(other.switchKey()));
                parts.add(ReplyPart.required(otherNext.templateKey()));
                return new Decision(Stage.QUALIFYING, other.side(), parts, otherNext, false);
            }
            parts.add(ReplyPart.required(current.offerKey()));
            return new Decision(Stage.BOOKING, side, parts, null, false);
        }
        parts.add(ReplyPart.required(next.templateKey()));
        return new Decision(Stage.QUALIFYING, side, parts, next, false);
    }

    /** A nurtured or closed lead is answered again only when they bring something new. */
    static boolean reengages(MessageUnderstanding message, boolean learnedSomething) {
        return learnedSomething
                || message.has(Intent.WANTS_CALL) || message.has(Intent.WANTS_SHOWING)
                || message.has(Intent.ASKS_HOME_VALUE) || message.has(Intent.SELLING)
                || message.has(Intent.BUYING) || message.has(Intent.QUESTION)
                || message.has(Intent.OFF_LIMITS_QUESTION);
    }

    private static Decision say(List<ReplyPart> parts, String key, Stage stage, BotType side) {
        parts.add(ReplyPart.required(key));
        return new Decision(stage, side, parts, null, false);
    }
}
