package com.jorge.platform.perf.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunOptionsTest {

    @Test
    void theInferenceScenariosRunInAFullRunOrByNameButNotInQuick() {
        RunOptions quick = RunOptions.parse(new String[] {"--quick"});
        RunOptions full = RunOptions.parse(new String[] {});
        RunOptions named = RunOptions.parse(new String[] {"--only", "inference-down,inference-slow"});
        for (String name : new String[] {"inference-down", "inference-slow"}) {
            Scenario s = Scenario.catalog().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
            assertThat(s.setup()).isEqualTo(Scenario.Setup.INFERENCE_TIER);
            assertThat(quick.selected(s)).as(name + " in --quick").isFalse();
            assertThat(full.selected(s)).isTrue();
            assertThat(named.selected(s)).isTrue();
        }
        assertThat(Scenario.catalog().stream().filter(s -> quick.selected(s)).count()).as("--quick keeps its seven").isEqualTo(7);
    }

    @Test
    void theLeadScoreDeadlineIsThePlatformsUnlessGivenAndMustBeASetting() {
        assertThat(RunOptions.parse(new String[] {}).leadScoreTimeoutMs()).isNull();
        assertThat(RunOptions.parse(new String[] {"--lead-score-timeout-ms", "250"}).leadScoreTimeoutMs()).isEqualTo(250);
        assertThatThrownBy(() -> RunOptions.parse(new String[] {"--lead-score-timeout-ms", "0"}))
                .hasMessageContaining("--lead-score-timeout-ms must be 1..10000");
        assertThatThrownBy(() -> RunOptions.parse(new String[] {"--lead-score-timeout-ms", "10001"}))
                .hasMessageContaining("LEAD_SCORE_TIMEOUT_MS");
    }
}
