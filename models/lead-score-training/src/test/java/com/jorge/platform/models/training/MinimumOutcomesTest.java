package com.jorge.platform.models.training;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinimumOutcomesTest {

    private static List<LeadOutcome> outcomes(int converted, int notConverted) {
        List<LeadOutcome> leads = new ArrayList<>();
        for (int i = 0; i < converted + notConverted; i++) {
            leads.add(new LeadOutcome(new float[] {i}, i < converted));
        }
        return leads;
    }

    @Test
    void exactlyTheMinimumsAreEnough() {
        assertThatCode(() -> MinimumOutcomes.require(outcomes(100, 400), "x")).doesNotThrowAnyException();
        assertThatCode(() -> MinimumOutcomes.require(outcomes(400, 100), "x")).doesNotThrowAnyException();
    }

    @Test
    void oneShortOfAnyMinimumIsRefusedWithTheCounts() {
        assertThatThrownBy(() -> MinimumOutcomes.require(outcomes(99, 900), "conversation-features/1 from aurora"))
                .isInstanceOf(NotEnoughOutcomesException.class)
                .hasMessageStartingWith("not enough decided outcomes to train on conversation-features/1 from aurora:"
                        + " found 999 (99 converted, 900 not converted)");
        assertThatThrownBy(() -> MinimumOutcomes.require(outcomes(900, 99), "x"))
                .hasMessageContaining("(900 converted, 99 not converted)");
        assertThatThrownBy(() -> MinimumOutcomes.require(outcomes(250, 249), "x"))
                .hasMessageContaining("found 499").hasMessageContaining("need at least 500");
        assertThatThrownBy(() -> MinimumOutcomes.require(List.of(), "x"))
                .hasMessageContaining("found 0 (0 converted, 0 not converted)");
    }
}
