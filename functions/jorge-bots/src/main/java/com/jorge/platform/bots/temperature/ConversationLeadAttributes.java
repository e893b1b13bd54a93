package com.jorge.platform.bots.temperature;

import com.jorge.platform.bots.policy.Fact;
import com.jorge.platform.bots.policy.LeadFacts;
import com.jorge.platform.bots.policy.Signal;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadScoreAttributes;
import com.jorge.platform.models.features.ConversationFeatureSet;
import com.jorge.platform.models.features.InvalidLeadAttributeException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static com.jorge.platform.models.features.ConversationFeatureSet.*;

/**
 * The bots' facts and signals as {@link ConversationFeatureSet} attributes: the one mapping used both
 * to score a live conversation and to record a decided deal for retraining. A value the model could
 * not take (a budget of ten billion, a 200-character condition) is left out, so it counts as unknown:
 * one odd answer must not stop a lead being scored or its outcome recorded.
 */
public final class ConversationLeadAttributes implements LeadScoreAttributes {

    private static final Map<Signal, String> SIGNALS = Map.of(
            Signal.WANTS_CALL, WANTS_CALL, Signal.WANTS_SHOWING, WANTS_SHOWING,
            Signal.ASKS_HOME_VALUE, ASKS_HOME_VALUE, Signal.JUST_LOOKING, JUST_LOOKING,
            Signal.HAS_AGENT, HAS_AGENT, Signal.PRICE_TOO_HIGH, PRICE_TOO_HIGH, Signal.NOT_NOW, NOT_NOW,
            Signal.NOT_INTERESTED, NOT_INTERESTED, Signal.ANGRY, ANGRY);

    @Override
    public String featureSet() {
        return ConversationFeatureSet.VERSION;
    }

    @Override
    public Optional<Map<String, Object>> of(ConversationState state) {
        if (state == null || state.botType() == null || state.turns() == 0) {
            return Optional.empty();
        }
        return Optional.of(of(state.botType(), new LeadFacts(state.facts())));
    }

    /** Attributes that always encode: anything the feature set rejects has been dropped. */
    public Map<String, Object> of(BotType side, LeadFacts facts) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(SIDE, side == BotType.SELLER ? "seller" : "buyer");
        int months = facts.months(side == BotType.SELLER ? Fact.SELLER_TIMELINE : Fact.BUYER_TIMELINE);
        if (months >= 0) {
            attributes.put(TIMELINE_MONTHS, months);
        }
        putText(attributes, MOTIVATION, facts, Fact.SELLER_MOTIVATION);
        putText(attributes, PRE_APPROVAL, facts, Fact.BUYER_PRE_APPROVAL);
        putText(attributes, BUDGET_MAX, facts, Fact.BUYER_BUDGET_MAX);
        putText(attributes, PRICE_EXPECTATION, facts, Fact.SELLER_PRICE);
        putText(attributes, BEDROOMS, facts, Fact.BUYER_BEDROOMS);
        putText(attributes, PROPERTY_TYPE, facts, Fact.BUYER_PROPERTY_TYPE);
        putText(attributes, CONDITION, facts, Fact.SELLER_CONDITION);
        putText(attributes, ALREADY_LISTED, facts, Fact.SELLER_ALREADY_LISTED);
        putText(attributes, OWES_MORTGAGE, facts, Fact.SELLER_OWES_MORTGAGE);
        putText(attributes, HOME_TO_SELL, facts, Fact.BUYER_HOME_TO_SELL);
        putText(attributes, FIRST_TIME_BUYER, facts, Fact.BUYER_FIRST_TIME);
        attributes.put(QUALIFICATION_KNOWN, Arrays.stream(Fact.values())
                .filter(f -> f.belongsTo(side) && facts.has(f)).count());
        attributes.put(UNANSWERED_FOLLOW_UPS, facts.count(LeadFacts.UNANSWERED_FOLLOW_UPS));
        attributes.put(GAVE_ADDRESS, facts.has(Fact.SELLER_ADDRESS));
        attributes.put(NAMED_AREA, facts.has(Fact.BUYER_AREAS));
        attributes.put(GAVE_EMAIL, facts.has(Fact.LEAD_EMAIL));
        SIGNALS.forEach((signal, key) -> attributes.put(key, facts.hasSignal(signal)));
        return withoutRejected(attributes);
    }

    private static void putText(Map<String, Object> attributes, String key, LeadFacts facts, Fact fact) {
        String value = facts.get(fact);
        if (value != null && !value.isBlank()) {
            attributes.put(key, value.strip());
        }
    }

    /** Drops each value the feature set rejects, naming it; every attribute can be dropped at most once. */
    private static Map<String, Object> withoutRejected(Map<String, Object> attributes) {
        for (int tries = attributes.size(); tries >= 0; tries--) {
            try {
                ConversationFeatureSet.INSTANCE.encode(attributes);
                return attributes;
            } catch (InvalidLeadAttributeException e) {
                if (attributes.remove(e.field()) == null) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("unreachable: every attribute was dropped and the rest still fails");
    }
}
