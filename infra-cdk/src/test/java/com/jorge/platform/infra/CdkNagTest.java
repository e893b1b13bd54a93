package com.jorge.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/** cdk-nag's AWS Solutions rules over the whole prod app: no unsuppressed error, and every suppression says why. */
class CdkNagTest {
    private static SynthesizedPlatform prod;

    @BeforeAll
    static void synth() {
        prod = SynthesizedPlatform.prod();
    }

    @Test
    void noUnsuppressedErrorsInAnyStack() {
        List<String> findings = new ArrayList<>();
        for (var stack : prod.platform.stacks()) {
            for (SynthesisMessage message : prod.messages(stack, SynthesisMessageLevel.ERROR)) {
                findings.add(stack.getStackName() + " " + message.getId() + ": " + message.getEntry().getData());
            }
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void noWarningsAreLeftUnread() {
        List<String> warnings = new ArrayList<>();
        for (var stack : prod.platform.stacks()) {
            for (SynthesisMessage message : prod.messages(stack, SynthesisMessageLevel.WARNING)) {
                String text = String.valueOf(message.getEntry().getData());
                warnings.add(stack.getStackName() + " " + message.getId() + ": " + text.substring(0, Math.min(160, text.length())));
            }
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void theChecksRanAndEverySuppressionCarriesAReason() {
        int suppressions = 0;
        for (var entry : prod.json.entrySet()) {
            for (var resource : entry.getValue().path("Resources").properties()) {
                JsonNode rules = resource.getValue().path("Metadata").path("cdk_nag").path("rules_to_suppress");
                for (JsonNode rule : rules) {
                    suppressions++;
                    assertThat(rule.path("id").asText()).startsWith("AwsSolutions-");
                    assertThat(rule.path("reason").asText()).as(entry.getKey() + "/" + resource.getKey() + " " + rule.path("id").asText())
                            .hasSizeGreaterThan(40);
                }
            }
        }
        assertThat(suppressions).as("suppressions found in the templates (proves the checks were applied)").isGreaterThan(10);
        assertThat(prod.json("Functions").toString()).as("nag metadata present").contains("AwsSolutions-APIG4");
    }
}
