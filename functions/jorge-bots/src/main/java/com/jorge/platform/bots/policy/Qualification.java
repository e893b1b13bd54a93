package com.jorge.platform.bots.policy;

import com.jorge.platform.conversation.BotType;
import com.jorge.platform.understanding.Intent;

import java.util.List;

/** What one bot qualifies: its questions in asking order, and how it closes a qualified lead. */
public sealed interface Qualification permits SellerQualification, BuyerQualification {

    BotType side();

    /** Core questions in the order they are asked; completeness is measured against these. */
    List<Question> questions();

    /** The step that proposes the next appointment once everything is known. */
    String offerKey();

    /** The step said when a conversation switches to this side. */
    String switchKey();

    /** The intent that says the lead wants this side's help. */
    Intent intent();

    /** The signal a lead on the other side gives when they also want this side's help. */
    Signal signal();

    /** The first question still open: unanswered and asked fewer than {@code maxAsks} times. */
    default Question nextQuestion(LeadFacts facts, int maxAsks) {
        for (Question question : questions()) {
            boolean answered = question.answeredBy().stream().anyMatch(facts::has);
            if (!answered && facts.count(question.askedCountKey()) < maxAsks) {
                return question;
            }
        }
        return null;
    }

    static Qualification of(BotType side) {
        return side == BotType.SELLER ? SellerQualification.INSTANCE : BuyerQualification.INSTANCE;
    }

    static BotType other(BotType side) {
        return side == BotType.SELLER ? BotType.BUYER : BotType.SELLER;
    }
}
