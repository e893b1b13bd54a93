package com.jorge.platform.alerts;

import com.jorge.platform.alerts.forecast.BreachCalibration;
import com.jorge.platform.config.PlatformConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BreachCalibrationConfigTest {

    @Test
    void theShippedCalibrationUnlessConfigured() {
        assertThat(AlertEvaluatorFunction.calibration(PlatformConfig.of(Map.of()))).isEqualTo(BreachCalibration.defaults());
        assertThat(AlertEvaluatorFunction.calibration(PlatformConfig.of(Map.of("ALERT_BREACH_CALIBRATION", "0:0.01, 0.5:0.2 ,1:0.9",
                "ALERT_BREACH_PROBABILITY", "0.8")))).isEqualTo(new BreachCalibration(new double[] {0, 0.5, 1}, new double[] {0.01, 0.2, 0.9}, 0.8));
    }

    @Test
    void aBadValueNamesItsKey() {
        assertThatThrownBy(() -> AlertEvaluatorFunction.calibration(PlatformConfig.of(Map.of("ALERT_BREACH_CALIBRATION", "0.5"))))
                .hasMessageContaining("ALERT_BREACH_CALIBRATION").hasMessageContaining("knot 1");
        assertThatThrownBy(() -> AlertEvaluatorFunction.calibration(PlatformConfig.of(Map.of("ALERT_BREACH_CALIBRATION", "0:0.5,0.5:0.2"))))
                .hasMessageContaining("ALERT_BREACH_CALIBRATION").hasMessageContaining("increase");
        assertThatThrownBy(() -> AlertEvaluatorFunction.calibration(PlatformConfig.of(Map.of("ALERT_BREACH_PROBABILITY", "1.5"))))
                .hasMessageContaining("ALERT_BREACH_PROBABILITY");
        assertThatThrownBy(() -> AlertEvaluatorFunction.calibration(PlatformConfig.of(Map.of("ALERT_BREACH_PROBABILITY", "high"))))
                .hasMessageContaining("ALERT_BREACH_PROBABILITY");
    }
}
