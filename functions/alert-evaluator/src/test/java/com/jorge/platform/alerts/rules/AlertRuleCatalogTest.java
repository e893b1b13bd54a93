package com.jorge.platform.alerts.rules;

import com.jorge.platform.config.PlatformConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertRuleCatalogTest {

    private static String rule(String name, String extra) {
        return """
                {"rules":[{"name":"%s","namespace":"JorgePlatform","metric":"ReplyLatencyMs","statistic":"p99",
                 "threshold":3000,"direction":"ABOVE","horizonMinutes":30,"severity":"CRITICAL"%s}]}""".formatted(name, extra);
    }

    @Test
    void theBundledRulesCoverThePlatformsMetrics() {
        var rules = AlertRuleCatalog.load(PlatformConfig.of(Map.of()));
        assertThat(rules).extracting(AlertRule::name).contains("PredictedReplyLatencyBreach", "PredictedEventFailures",
                "PredictedDlqBacklog", "PredictedQueueAgeBreach", "PredictedGhlRateLimiting", "PredictedInferenceLatencyBreach",
                "PredictedInferenceErrors", "StaleOutbox");
        AlertRule dlq = rules.stream().filter(r -> r.name().equals("PredictedDlqBacklog")).findFirst().orElseThrow();
        assertThat(dlq.metric()).isEqualTo(new MetricQuery("AWS/SQS", "ApproximateNumberOfMessagesVisible",
                Map.of("QueueName", "lead-events-dlq.fifo"), "Maximum", 60));
        assertThat(rules).allSatisfy(r -> assertThat(r.condition().horizonMinutes()).isBetween(15, 30));
        assertThat(rules.stream().filter(r -> r.missingData() == MissingData.ZERO)).extracting(AlertRule::name)
                .containsExactlyInAnyOrder("PredictedEventFailures", "PredictedGhlRateLimiting", "PredictedInferenceErrors",
                        "StaleOutbox");
    }

    @Test
    void placeholdersTakeConfigurationThenTheirDefaultAndRulesCanBeSwitchedOff() {
        var rules = AlertRuleCatalog.load(PlatformConfig.of(Map.of(
                "LEAD_EVENTS_DLQ_NAME", "prod-lead-events-dlq.fifo",
                "ALERT_RULES_DISABLED", "PredictedGhlRateLimiting, PredictedInferenceErrors")));
        assertThat(rules).extracting(AlertRule::name).doesNotContain("PredictedGhlRateLimiting", "PredictedInferenceErrors");
        assertThat(rules.stream().filter(r -> r.name().equals("PredictedDlqBacklog")).findFirst().orElseThrow()
                .metric().dimensions()).containsEntry("QueueName", "prod-lead-events-dlq.fifo");
    }

    @Test
    void theEnvironmentReplacesTheBundledRules() {
        var rules = AlertRuleCatalog.load(PlatformConfig.of(Map.of("ALERT_RULES_JSON",
                rule("Only", ",\"dimensions\":{\"Service\":\"${SVC:bot-worker}\"},\"missingData\":\"zero\""))));
        assertThat(rules).hasSize(1);
        AlertRule only = rules.getFirst();
        assertThat(only.condition()).isEqualTo(new BreachCondition(3000, Direction.ABOVE, 30));
        assertThat(only.metric().dimensions()).isEqualTo(Map.of("Service", "bot-worker"));
        assertThat(only.metric().periodSeconds()).isEqualTo(60);
        assertThat(only.missingData()).isEqualTo(MissingData.ZERO);
        assertThat(only.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void errorsNameTheRuleAndTheField() {
        PlatformConfig none = PlatformConfig.of(Map.of());
        assertThatThrownBy(() -> AlertRuleCatalog.parse(rule("Slow", "").replace("\"horizonMinutes\":30", "\"horizonMinutes\":45"), none))
                .isInstanceOf(AlertRuleException.class).hasMessageContaining("'Slow'").hasMessageContaining("'horizonMinutes'");
        assertThatThrownBy(() -> AlertRuleCatalog.parse(rule("Stat", "").replace("p99", "median"), none))
                .hasMessageContaining("'Stat'").hasMessageContaining("'statistic'");
        assertThatThrownBy(() -> AlertRuleCatalog.parse(rule("NoLine", "").replace("\"threshold\":3000,", ""), none))
                .hasMessageContaining("'NoLine'").hasMessageContaining("'threshold'");
        assertThatThrownBy(() -> AlertRuleCatalog.parse(rule("Side", "").replace("ABOVE", "SIDEWAYS"), none))
                .hasMessageContaining("'Side'").hasMessageContaining("'direction'");
        assertThatThrownBy(() -> AlertRuleCatalog.parse(rule("Dim", ",\"dimensions\":{\"QueueName\":\"${NOT_SET}\"}"), none))
                .hasMessageContaining("'Dim'").hasMessageContaining("'dimensions.QueueName'").hasMessageContaining("NOT_SET");
        assertThatThrownBy(() -> AlertRuleCatalog.parse(rule("Period", ",\"periodSeconds\":30"), none))
                .hasMessageContaining("'Period'").hasMessageContaining("'periodSeconds'");
        String twice = "{\"rules\":[" + rule("Twice", "").replaceAll("^\\{\"rules\":\\[|]}$", "") + ","
                + rule("Twice", "").replaceAll("^\\{\"rules\":\\[|]}$", "") + "]}";
        assertThatThrownBy(() -> AlertRuleCatalog.parse(twice, none)).hasMessageContaining("'Twice'").hasMessageContaining("'name'");
        assertThatThrownBy(() -> AlertRuleCatalog.parse("{\"rules\": 3}", none)).hasMessageContaining("'rules'");
        assertThatThrownBy(() -> AlertRuleCatalog.parse("{not json", none)).hasMessageContaining("not valid JSON");
    }
}
