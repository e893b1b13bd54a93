package com.jorge.platform.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {

    @Test
    void requiredAndOptionalModelsComeFromTheirLists() {
        ServiceSettings config = ServiceSettings.fromEnv(Map.of("MODELS", "", "OPTIONAL_MODELS",
                "lead-score, conversation-lead-score"));
        assertThat(config.models()).isEmpty();
        assertThat(config.optionalModels()).containsExactly("lead-score", "conversation-lead-score");
    }

    @Test
    void theDefaultRequiredModelGivesWayToAnOptionalOne() {
        assertThat(ServiceSettings.fromEnv(Map.of()).models()).containsExactly("lead-score");
        assertThat(ServiceSettings.fromEnv(Map.of("OPTIONAL_MODELS", "lead-score")).models()).isEmpty();
    }

    @Test
    void aModelInBothListsIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> ServiceSettings.fromEnv(Map.of("MODELS", "lead-score", "OPTIONAL_MODELS", "lead-score")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("OPTIONAL_MODELS: lead-score");
    }
}
