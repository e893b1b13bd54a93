package com.jorge.platform.bots.policy;

import com.jorge.platform.conversation.BotType;
import com.jorge.platform.understanding.SlotName;

import java.util.Optional;

/**
 * A qualification fact as stored in {@code ConversationState.facts}: namespaced by the side it
 * qualifies, with the understanding's normalised value format. Many-valued slots (areas, must-haves,
 * contact times) are stored as one "; "-joined value.
 */
public enum Fact {
    SELLER_MOTIVATION("seller.motivation"),
    SELLER_TIMELINE("seller.timeline_months"),
    SELLER_ADDRESS("seller.address"),
    SELLER_CONDITION("seller.condition"),
    SELLER_PRICE("seller.price"),
    SELLER_OWES_MORTGAGE("seller.owes_mortgage"),
    SELLER_DECISION_MAKERS("seller.decision_makers"),
    SELLER_ALREADY_LISTED("seller.already_listed"),

    BUYER_BUDGET_MIN("buyer.budget_min"),
    BUYER_BUDGET_MAX("buyer.budget_max"),
    BUYER_PRE_APPROVAL("buyer.pre_approval"),
    BUYER_LENDER("buyer.lender"),
    BUYER_AREAS("buyer.areas", true),
    BUYER_PROPERTY_TYPE("buyer.property_type"),
    BUYER_BEDROOMS("buyer.bedrooms"),
    BUYER_BATHROOMS("buyer.bathrooms"),
    BUYER_MUST_HAVES("buyer.must_haves", true),
    BUYER_FIRST_TIME("buyer.first_time"),
    BUYER_TIMELINE("buyer.timeline_months"),
    BUYER_HOME_TO_SELL("buyer.home_to_sell"),

    LEAD_NAME("lead.name"),
    LEAD_CONTACT_TIME("lead.contact_time", true),
    LEAD_EMAIL("lead.email");

    private final String key;
    private final boolean manyValued;

    Fact(String key) {
        this(key, false);
    }

    Fact(String key, boolean manyValued) {
        this.key = key;
        this.manyValued = manyValued;
    }

    public String key() {
        return key;
    }

    public boolean manyValued() {
        return manyValued;
    }

    /** The GHL custom-field key the worker writes this fact to. */
    public String crmField() {
        return "contact." + key.replace('.', '_');
    }

    /** Where a slot found in a message is kept, given the side the conversation is on. */
    public static Optional<Fact> forSlot(SlotName slot, BotType side) {
        return Optional.ofNullable(switch (slot) {
            case MOTIVATION -> SELLER_MOTIVATION;
            case TIMELINE -> side == BotType.BUYER ? BUYER_TIMELINE : SELLER_TIMELINE;
            case PROPERTY_ADDRESS -> SELLER_ADDRESS;
            case CONDITION -> SELLER_CONDITION;
            case PRICE_EXPECTATION -> SELLER_PRICE;
            case OWES_MORTGAGE -> SELLER_OWES_MORTGAGE;
            case OTHER_DECISION_MAKERS -> SELLER_DECISION_MAKERS;
            case ALREADY_LISTED -> SELLER_ALREADY_LISTED;
            case BUDGET_MIN -> BUYER_BUDGET_MIN;
            case BUDGET_MAX -> BUYER_BUDGET_MAX;
            case PRE_APPROVAL -> BUYER_PRE_APPROVAL;
            case LENDER -> BUYER_LENDER;
            case AREA -> BUYER_AREAS;
            case PROPERTY_TYPE -> BUYER_PROPERTY_TYPE;
            case BEDROOMS -> BUYER_BEDROOMS;
            case BATHROOMS -> BUYER_BATHROOMS;
            case MUST_HAVES -> BUYER_MUST_HAVES;
            case FIRST_TIME_BUYER -> BUYER_FIRST_TIME;
            case HOME_TO_SELL_FIRST -> BUYER_HOME_TO_SELL;
            case NAME -> LEAD_NAME;
            case CONTACT_TIME -> LEAD_CONTACT_TIME;
            case EMAIL -> LEAD_EMAIL;
        });
    }

    /** True for facts that only make sense for one side (the side-neutral lead.* facts are false). */
    public boolean belongsTo(BotType side) {
        return key.startsWith(side == BotType.SELLER ? "seller." : "buyer.");
    }
}
