package com.jorge.platform.bots.policy;

import com.jorge.platform.conversation.BotType;

import java.util.List;

/**
 * One qualification question: the facts that answer it (any one is enough), and whether a bare
 * "yes"/"no" answers it.
 */
public enum Question {
    SELLER_MOTIVATION(BotType.SELLER, "ask.seller.motivation", false, Fact.SELLER_MOTIVATION),
    SELLER_TIMELINE(BotType.SELLER, "ask.seller.timeline", false, Fact.SELLER_TIMELINE),
    SELLER_ADDRESS(BotType.SELLER, "ask.seller.address", false, Fact.SELLER_ADDRESS),
    SELLER_CONDITION(BotType.SELLER, "ask.seller.condition", false, Fact.SELLER_CONDITION),
    SELLER_PRICE(BotType.SELLER, "ask.seller.price", false, Fact.SELLER_PRICE),

    BUYER_AREA(BotType.BUYER, "ask.buyer.area", false, Fact.BUYER_AREAS),
    BUYER_TIMELINE(BotType.BUYER, "ask.buyer.timeline", false, Fact.BUYER_TIMELINE),
    BUYER_BUDGET(BotType.BUYER, "ask.buyer.budget", false, Fact.BUYER_BUDGET_MAX, Fact.BUYER_BUDGET_MIN),
    BUYER_PRE_APPROVAL(BotType.BUYER, "ask.buyer.pre_approval", true, Fact.BUYER_PRE_APPROVAL),
    BUYER_BEDROOMS(BotType.BUYER, "ask.buyer.bedrooms", false, Fact.BUYER_BEDROOMS);

    private final BotType side;
    private final String templateKey;
    private final boolean yesNo;
    private final List<Fact> answeredBy;

    Question(BotType side, String templateKey, boolean yesNo, Fact... answeredBy) {
        this.side = side;
        this.templateKey = templateKey;
        this.yesNo = yesNo;
        this.answeredBy = List.of(answeredBy);
    }

    public BotType side() {
        return side;
    }

    public String templateKey() {
        return templateKey;
    }

    public boolean yesNo() {
        return yesNo;
    }

    public List<Fact> answeredBy() {
        return answeredBy;
    }

    /** The fact a bare yes/no is written to. */
    public Fact primaryFact() {
        return answeredBy.getFirst();
    }

    public String askedCountKey() {
        return "bot.asked." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
