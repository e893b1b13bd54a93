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
}
