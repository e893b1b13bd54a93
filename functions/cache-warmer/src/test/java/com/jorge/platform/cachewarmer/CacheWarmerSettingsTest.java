package com.jorge.platform.cachewarmer;

import com.jorge.platform.config.PlatformConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CacheWarmerSettingsTest {

    @Test
    void defaultsFitTheLambdaTimeoutAndTheWorkersNamespace() {
        CacheWarmerSettings s = CacheWarmerSettings.defaults();
        assertThat(s.namespace()).isEqualTo("jorge");
        assertThat(s.timeBudget()).isLessThan(Duration.ofSeconds(300));
        assertThat(s.maxLeads()).isEqualTo(CacheWarmerSettings.DEFAULT_MAX_LEADS);
    }

    @Test
    void keysOverrideTheDefaults() {
        CacheWarmerSettings s = CacheWarmerSettings.fromConfig(PlatformConfig.of(Map.of(
                "WARMER_MAX_LEADS", "10", "WARMER_MAX_BYTES", "4096", "WARMER_TTL_MINUTES", "30", "REDIS_NAMESPACE", "prod")));
        assertThat(s.maxLeads()).isEqualTo(10);
        assertThat(s.maxBytes()).isEqualTo(4096);
        assertThat(s.entryTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.namespace()).isEqualTo("prod");
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> CacheWarmerSettings.fromConfig(PlatformConfig.of(Map.of("WARMER_MAX_LEADS", "0"))))
                .hasMessageContaining("WARMER_MAX_LEADS");
        assertThatThrownBy(() -> CacheWarmerSettings.fromConfig(PlatformConfig.of(Map.of("WARMER_MAX_BYTES", "lots"))))
                .hasMessageContaining("WARMER_MAX_BYTES");
        assertThatThrownBy(() -> CacheWarmerSettings.fromConfig(PlatformConfig.of(Map.of("WARMER_TIME_BUDGET_SECONDS", "-5"))))
                .hasMessageContaining("WARMER_TIME_BUDGET_SECONDS");
        assertThatThrownBy(() -> CacheWarmerSettings.fromConfig(PlatformConfig.of(Map.of("WARMER_BACKOFF_CPU_PERCENT", "0"))))
                .hasMessageContaining("WARMER_BACKOFF_CPU_PERCENT");
        assertThatThrownBy(() -> CacheWarmerSettings.fromConfig(PlatformConfig.of(Map.of("WARMER_BACKOFF_CPU_PERCENT", "101"))))
                .hasMessageContaining("WARMER_BACKOFF_CPU_PERCENT");
        assertThat(CacheWarmerSettings.fromConfig(PlatformConfig.of(Map.of("WARMER_BACKOFF_CPU_PERCENT", "40"))).backoffCpu()).isEqualTo(0.4);
        assertThatThrownBy(() -> CacheWarmerSettings.fromConfig(PlatformConfig.of(Map.of("WARMER_CALIBRATION_SAMPLE", "-1"))))
                .hasMessageContaining("WARMER_CALIBRATION_SAMPLE");
        assertThatThrownBy(() -> CacheWarmerSettings.fromConfig(PlatformConfig.of(Map.of("WARMER_MIN_CALIBRATED_CHANCE_PERCENT", "101"))))
                .hasMessageContaining("WARMER_MIN_CALIBRATED_CHANCE_PERCENT");
        assertThat(CacheWarmerSettings.defaults().minCalibratedChance()).isEqualTo(0.3);
        assertThat(CacheWarmerSettings.fromConfig(PlatformConfig.of(Map.of("WARMER_MIN_CALIBRATED_CHANCE_PERCENT", "45"))).minCalibratedChance())
                .isEqualTo(0.45);
        assertThatThrownBy(() -> BiWarming.Settings.fromConfig(PlatformConfig.of(Map.of("WARMER_BI_FIRST_VIEW_MINUTES", "0"))))
                .hasMessageContaining("WARMER_BI_FIRST_VIEW_MINUTES");
    }

    @Test
    void theWarmerLearnsOnlyFromACaptureThatIsOn() {
        assertThat(CacheWarmerSettings.defaults().calibrates()).isFalse(); // the worker's capture is off by default
        CacheWarmerSettings on = CacheWarmerSettings.fromConfig(PlatformConfig.of(Map.of("ACCESS_CAPTURE_SAMPLE_EVERY", "16")));
        assertThat(on.calibrates()).isTrue();
        assertThat(on.calibrationSample()).isEqualTo(4);
        assertThat(on.withCalibration(16, 0).calibrates()).isFalse();
    }
}
