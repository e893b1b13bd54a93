package com.jorge.platform.alerts.anomaly;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings' one sensitivity knob, as the evaluation's cross-validation turns it. */
class AnomalySettingsTest {

    @Test
    void barsScalesEveryPartsAlarmLevelAndNothingElse() {
        AnomalySettings d = AnomalySettings.defaults();
        AnomalySettings s = d.with("bars", "1.5");
        assertThat(s.spikeZ()).isEqualTo(1.5 * d.spikeZ());
        assertThat(s.likelihoodZ()).isEqualTo(1.5 * d.likelihoodZ());
        assertThat(s.seasonZ()).isEqualTo(1.5 * d.seasonZ());
        assertThat(s.sequenceZ()).isEqualTo(1.5 * d.sequenceZ());
        assertThat(s.entropyConfirm()).isEqualTo(1.5 * d.entropyConfirm());
        assertThat(s.resonance().z()).isEqualTo(1.5 * d.resonance().z());
        // windows, memory and the quiet period are not alarm levels
        assertThat(s.with("spikeZ", "8").with("likelihoodZ", "4").with("seasonZ", "4").with("sequenceZ", "4").with("entropyConfirm", "1.75")
                .with("artZ", "3")).isEqualTo(d);
        assertThat(d.with("bars", "1")).isEqualTo(d);
        assertThatThrownBy(() -> d.with("bars", "0")).hasMessageContaining("bars must be positive");
    }
}
