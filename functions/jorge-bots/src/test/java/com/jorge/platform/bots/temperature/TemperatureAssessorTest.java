package com.jorge.platform.bots.temperature;

import static org.assertj.core.api.Assertions.assertThat;

import com.jorge.platform.bots.policy.LeadFacts;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.Temperature;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemperatureAssessorTest {

    private static LeadScorer scoring(double value, double hotAt, double warmAt) {
        return (side, facts) -> new LeadScore(value, List.of(), "test model", hotAt, warmAt);
    }

    @Test
    void theScorersOwnCutOffsDecide() {
        LeadFacts askedForACall = new LeadFacts(Map.of("signal.wants_call", "true"));

        // a calibrated model: one lead in ten converts, so 0.30 is three times the base rate
        var model = new TemperatureAssessor(scoring(0.30, 0.25, 0.11)).assess(BotType.BUYER, askedForACall, List.of());
        var rules = new TemperatureAssessor(scoring(0.30, RuleBasedLeadScorer.HOT_SCORE, RuleBasedLeadScorer.WARM_SCORE))
                .assess(BotType.BUYER, askedForACall, List.of());

        assertThat(model.temperature()).isEqualTo(Temperature.HOT);
        assertThat(rules.temperature()).isEqualTo(Temperature.COLD);
    }

    @Test
    void aLeadWithAnAgentIsColdWhateverTheScore() {
        LeadFacts facts = new LeadFacts(Map.of("signal.has_agent", "true", "signal.wants_call", "true"));
        assertThat(new TemperatureAssessor(scoring(0.99, 0.25, 0.11)).assess(BotType.SELLER, facts, List.of())
                .temperature()).isEqualTo(Temperature.COLD);
    }
}
