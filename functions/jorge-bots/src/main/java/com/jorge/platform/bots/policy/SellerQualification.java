package com.jorge.platform.bots.policy;

import com.jorge.platform.conversation.BotType;
import com.jorge.platform.understanding.Intent;

import java.util.List;

/** The seller bot: why, when, where, what shape, what price; then a call with the agent. */
public final class SellerQualification implements Qualification {

    static final SellerQualification INSTANCE = new SellerQualification();

    private static final List<Question> QUESTIONS = List.of(Question.SELLER_MOTIVATION, Question.SELLER_TIMELINE,
            Question.SELLER_ADDRESS, Question.SELLER_CONDITION, Question.SELLER_PRICE);

    private SellerQualification() {}

    @Override public BotType side() { return BotType.SELLER; }
    @Override public List<Question> questions() { return QUESTIONS; }
    @Override public String offerKey() { return "offer.call.seller"; }
    @Override public String switchKey() { return "switch.to_seller"; }
    @Override public Intent intent() { return Intent.SELLING; }
    @Override public Signal signal() { return Signal.SELLING; }
}
