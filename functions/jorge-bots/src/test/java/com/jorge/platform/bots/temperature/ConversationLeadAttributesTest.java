package com.jorge.platform.bots.temperature;

import static org.assertj.core.api.Assertions.assertThat;

import com.jorge.platform.bots.policy.LeadFacts;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.Temperature;
import com.jorge.platform.models.features.ConversationFeatureSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationLeadAttributesTest {

    private final ConversationLeadAttributes attributes = new ConversationLeadAttributes();

    @Test
    void aSellersFactsBecomeTheModelsAttributes() {
        LeadFacts facts = new LeadFacts(Map.of(
                "seller.motivation", "relocating", "seller.timeline_months", "2", "seller.price", "450000",
                "seller.address", "12 Elm St", "seller.condition", "good", "signal.wants_call", "true",
                "buyer.pre_approval", "yes", "bot.followups_unanswered", "1"));

        Map<String, Object> row = attributes.of(BotType.SELLER, facts);

        assertThat(row).containsEntry("side", "seller").containsEntry("timeline_months", 2)
                .containsEntry("motivation", "relocating").containsEntry("price_expectation", "450000")
                .containsEntry("condition", "good").containsEntry("gave_address", true)
                .containsEntry("wants_call", true).containsEntry("has_agent", false)
                .containsEntry("unanswered_follow_ups", 1);
        assertThat(row.get("qualification_known")).as("seller facts only: motivation, timeline, price, address, condition")
                .isEqualTo(5L);
        assertThat(ConversationFeatureSet.INSTANCE.attributeKeys()).containsAll(row.keySet());
    }

    @Test
    void aValueTheModelCannotTakeCountsAsUnknownInsteadOfFailingTheTurn() {
        LeadFacts facts = new LeadFacts(Map.of(
                "buyer.budget_max", "12000000000", "buyer.property_type", "x".repeat(200),
                "buyer.timeline_months", "1", "buyer.pre_approval", "in_progress"));

        Map<String, Object> row = attributes.of(BotType.BUYER, facts);

        assertThat(row).doesNotContainKeys("budget_max", "property_type")
                .containsEntry("timeline_months", 1).containsEntry("pre_approval", "in_progress");
        float[] encoded = ConversationFeatureSet.INSTANCE.encode(row);
        assertThat(encoded[ConversationFeatureSet.INSTANCE.featureNames().indexOf("budget_max")]).isNaN();
    }

    @Test
    void aLeadNoBotTalkedWithHasNoAttributes() {
        ConversationState untouched = ConversationState.fresh(BotType.SELLER);
        ConversationState talked = ConversationState.fresh(BotType.BUYER).withStage("qualifying")
                .withFacts(Map.of("buyer.timeline_months", "3")).withTurns(2).withTemperature(Temperature.WARM, List.of())
                .withVersion(4);

        assertThat(attributes.of(untouched)).isEmpty();
        assertThat(attributes.of(talked)).hasValueSatisfying(row ->
                assertThat(row).containsEntry("side", "buyer").containsEntry("timeline_months", 3));
    }
}
