package com.jorge.platform.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.jorge.platform.infra.TemplateJson.withProperty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * cdk.json's experiments reach every function that acts on them or judges them: the bots (worker and its due-replies
 * schedule), the BI report's writers (bi-api, the aggregator, the daily report) and the warmer that pre-computes the
 * report; a report computed without them would not match bi-api's.
 */
class ExperimentSettingsTest {

    private final SynthesizedPlatform platform = SynthesizedPlatform.prodAsMarketplaceApp();

    @Test
    void everyFunctionThatActsOnOrJudgesTheExperimentsGetsThem() throws Exception {
        JsonNode expected = new ObjectMapper().valueToTree(java.util.List.of(SynthesizedPlatform.EXPERIMENT));
        Map<String, String> functions = Map.of("jorge-bot-worker", "Functions", "jorge-due-replies", "Functions",
                "jorge-cache-warmer", "Functions", "jorge-bi-aggregator", "Functions", "jorge-bi-api", "Bi",
                "jorge-bi-daily-report", "Bi");
        for (var f : functions.entrySet()) {
            JsonNode env = environment(f.getValue(), f.getKey());
            assertThat(new ObjectMapper().readTree(env.path("EXPERIMENTS").asText())).as(f.getKey()).isEqualTo(expected);
        }
        assertThat(environment("Functions", "jorge-bot-worker").path("LEAD_SCORE_VARIANT_VERSIONS").asText()).isEqualTo("challenger=12");
        assertThat(environment("Functions", "jorge-bot-worker").has("JORGE_BOTS_FOLLOW_UP_CADENCES")).as("none configured").isFalse();
        assertThat(environment("Functions", "jorge-alert-evaluator").has("EXPERIMENTS")).as("least configuration").isFalse();
        assertThat(environment("Functions", "jorge-webhook-intake").has("EXPERIMENTS")).isFalse();
    }

    private JsonNode environment(String stack, String functionName) {
        return withProperty(platform.json(stack), "AWS::Lambda::Function", "FunctionName", functionName)
                .path("Properties").path("Environment").path("Variables");
    }
}
