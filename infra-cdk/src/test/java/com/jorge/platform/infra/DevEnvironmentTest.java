package com.jorge.platform.infra;

import static com.jorge.platform.infra.TemplateJson.only;
import static com.jorge.platform.infra.TemplateJson.withProperty;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The same code synthesised with -c env=dev: the sizes and thresholds come from the context, not from code. */
class DevEnvironmentTest {

    @Test
    void devIsSmallerAndNotTerminationProtected() {
        SynthesizedPlatform dev = SynthesizedPlatform.of("dev");
        JsonNode target = only(dev.json("Inference"), "AWS::ApplicationAutoScaling::ScalableTarget").path("Properties");
        assertThat(target.path("MaxCapacity").asInt()).isEqualTo(4);
        assertThat(only(dev.json("Data"), "AWS::RDS::DBCluster").path("Properties").path("ServerlessV2ScalingConfiguration")
                .path("MaxCapacity").asDouble()).isEqualTo(4.0);
        assertThat(only(dev.json("Data"), "AWS::ElastiCache::ReplicationGroup").path("Properties").path("CacheNodeType").asText())
                .isEqualTo("cache.t4g.medium");
        assertThat(withProperty(dev.json("Functions"), "AWS::Lambda::Function", "FunctionName", "jorge-bot-worker")
                .path("Properties").path("ReservedConcurrentExecutions").asInt()).isEqualTo(5);
        assertThat(dev.json("Network").path("Resources").toString()).doesNotContain("us-east-1c");
        assertThat(dev.platform.stacks()).allMatch(s -> !Boolean.TRUE.equals(s.getTerminationProtection()));
    }

    @Test
    void theWorkerOffersHandOffsThroughTheWorkflowOnlyWhereAgentsAreListed() {
        JsonNode devEnv = withProperty(SynthesizedPlatform.of("dev").json("Functions"), "AWS::Lambda::Function", "FunctionName",
                "jorge-bot-worker").path("Properties").path("Environment").path("Variables");
        assertThat(devEnv.path("HANDOFF_AGENT_IDS").asText()).isEqualTo("dev-agent-1,dev-agent-2");
        assertThat(devEnv.path("HANDOFF_TEAM_LEAD_ID").asText()).isEqualTo("dev-team-lead");
        assertThat(devEnv.path("HANDOFF_STATE_MACHINE_ARN").toString()).contains("jorge-hot-lead-handoff");
        assertThat(devEnv.path("NURTURE_STATE_MACHINE_ARN").toString()).contains("jorge-lead-nurture");

        JsonNode prodEnv = withProperty(SynthesizedPlatform.prod().json("Functions"), "AWS::Lambda::Function", "FunctionName",
                "jorge-bot-worker").path("Properties").path("Environment").path("Variables");
        assertThat(prodEnv.has("HANDOFF_STATE_MACHINE_ARN")).as("prod lists no agents yet: hand-offs are GHL tasks").isFalse();
        assertThat(prodEnv.has("HANDOFF_AGENT_IDS")).isFalse();
        assertThat(prodEnv.path("NURTURE_STATE_MACHINE_ARN").toString()).contains("jorge-lead-nurture");
    }
}
