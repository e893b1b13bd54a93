package com.jorge.platform.bots.policy;

import com.jorge.platform.conversation.BotType;
import com.jorge.platform.understanding.Intent;

import java.util.List;

/** The buyer bot: where, when, how much, pre-approved, what size; then showings with the agent. */
public final class BuyerQualification implements Qualification {

    static final BuyerQualification INSTANCE = new BuyerQualification();

    private static final List<Question> QUESTIONS = List.of(Question.BUYER_AREA, Question.BUYER_TIMELINE,
            Question.BUYER_BUDGET, Question.BUYER_PRE_APPROVAL, Question.BUYER_BEDROOMS);

    private BuyerQualification() {}

    @Override public BotType side() { return BotType.BUYER; }
    @Override public List<Question> questions() { return QUESTIONS; }
    @Override public String offerKey() { return "offer.showing.buyer"; }
    @Override public String switchKey() { return "switch.to_buyer"; }
    @Override public Intent intent() { return Intent.BUYING; }
    @Override public Signal signal() { return Signal.BUYING; }
}
