package com.jorge.platform.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

    @Test
    void requiredAndOptionalModelsComeFromTheirLists() {
        ServiceConfig config = ServiceConfig.fromEnv(Map.of("MODELS", "", "OPTIONAL_MODELS",
                "lead-score, conversation-lead-score"));
        assertThat(config.models()).isEmpty();
        assertThat(config.optionalModels()).containsExactly("lead-score", "conversation-lead-score");
    }

    @Test
    void theDefaultRequiredModelGivesWayToAnOptionalOne() {
        assertThat(ServiceConfig.fromEnv(Map.of()).models()).containsExactly("lead-score");
        assertThat(ServiceConfig.fromEnv(Map.of("OPTIONAL_MODELS", "lead-score")).models()).isEmpty();
    }

    @Test
    void aModelInBothListsIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> ServiceConfig.fromEnv(Map.of("MODELS", "lead-score", "OPTIONAL_MODELS", "lead-score")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("OPTIONAL_MODELS: lead-score");
    }
}
