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
        assertThatThrownBy(() -> settings("BI_AGENT_SPLITS", "agent-a=1.2")).hasMessageContaining("BI_AGENT_SPLITS (agent-a)");
        assertThatThrownBy(() -> settings("BI_REFERRAL_FEES", "zillow")).hasMessageContaining("BI_REFERRAL_FEES");
        assertThatThrownBy(() -> settings("BI_STAGE_PROBABILITIES", "s1=high")).hasMessageContaining("BI_STAGE_PROBABILITIES");
        assertThatThrownBy(() -> settings("BI_TEAM_CAP", "-1")).hasMessageContaining("BI_TEAM_CAP");
        assertThatThrownBy(() -> settings("BI_ATTRIBUTION_HALF_LIFE_DAYS", "0")).hasMessageContaining("BI_ATTRIBUTION_HALF_LIFE_DAYS");
        assertThatThrownBy(() -> settings("BI_SMS_SEGMENT_PRICE", "-0.01")).hasMessageContaining("BI_SMS_SEGMENT_PRICE");
        assertThatThrownBy(() -> settings("BI_LLM_INPUT_PRICE_PER_MILLION", "$3")).hasMessageContaining("BI_LLM_INPUT_PRICE_PER_MILLION");
    }

    @Test
    void theCommissionPlanIsReadFromNamePairs() {
        BiSettings s = BiSettings.fromConfig(PlatformConfig.of(Map.of("BI_AGENT_SPLIT", "0.7",
                "BI_AGENT_SPLITS", "agent-a=0.8, agent-b = 0.65", "BI_REFERRAL_FEES", "zillow=0.35", "BI_TEAM_CAP", "20000")));
        assertThat(s.commission().splitOf("agent-a")).isEqualByComparingTo("0.8");
        assertThat(s.commission().splitOf("agent-b")).isEqualByComparingTo("0.65");
        assertThat(s.commission().splitOf("agent-z")).isEqualByComparingTo("0.7");
        assertThat(s.commission().referralFeeOf("zillow")).isEqualByComparingTo("0.35");
        assertThat(s.commission().referralFeeOf("website")).isZero();
        assertThat(s.commission().teamCap()).isEqualByComparingTo("20000");
        assertThat(BiSettings.defaults().commission().teamCap()).isNull();
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
