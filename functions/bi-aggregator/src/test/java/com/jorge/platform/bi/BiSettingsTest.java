package com.jorge.platform.bi;

import com.jorge.platform.config.PlatformConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BiSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        BiSettings s = BiSettings.defaults();
        assertThat(s.commissionRate()).isEqualByComparingTo("0.025");
        assertThat(s.defaultZone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(s.lookbackDays()).isEqualTo(35);
        assertThat(s.overlap()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.timeBudget()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void configuredValuesAreRead() {
        BiSettings s = BiSettings.fromConfig(PlatformConfig.of(Map.of("BI_COMMISSION_RATE", "0.03",
                "BI_DEFAULT_ZONE", "America/Phoenix", "BI_LOOKBACK_DAYS", "10", "BI_TIME_BUDGET_SECONDS", "60")));
        assertThat(s.commissionRate()).isEqualByComparingTo(new BigDecimal("0.03"));
        assertThat(s.defaultZone()).isEqualTo(ZoneId.of("America/Phoenix"));
        assertThat(s.lookbackDays()).isEqualTo(10);
        assertThat(s.timeBudget()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> settings("BI_COMMISSION_RATE", "2.5%")).hasMessageContaining("BI_COMMISSION_RATE");
        assertThatThrownBy(() -> settings("BI_COMMISSION_RATE", "2.5")).hasMessageContaining("BI_COMMISSION_RATE");
        assertThatThrownBy(() -> settings("BI_DEFAULT_ZONE", "Chicago")).hasMessageContaining("BI_DEFAULT_ZONE");
        assertThatThrownBy(() -> settings("BI_LOOKBACK_DAYS", "0")).hasMessageContaining("BI_LOOKBACK_DAYS");
        assertThatThrownBy(() -> settings("BI_TIME_BUDGET_SECONDS", "soon")).hasMessageContaining("BI_TIME_BUDGET_SECONDS");
    }

    @Test
    void nearestRankIsAnObservedSample() {
        List<Integer> twenty = java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList();
        assertThat(NearestRank.of(twenty, 95)).isEqualTo(19);  // rank ceil(0.95 * 20) = 19, not 20
        assertThat(NearestRank.of(twenty, 50)).isEqualTo(10);
        assertThat(NearestRank.of(twenty, 100)).isEqualTo(20);
        assertThat(NearestRank.of(List.of(7), 95)).isEqualTo(7);
        assertThat(NearestRank.of(List.of(), 50)).isNull();
    }

    private static BiSettings settings(String key, String value) {
        return BiSettings.fromConfig(PlatformConfig.of(Map.of(key, value)));
    }
}
