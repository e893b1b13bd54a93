package com.jorge.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * {@code ghlAuthorization: marketplace}: the worker and its due-replies run call GHL with each installed
 * location's token, so they (and only they, besides the install function) may use the token key, for
 * data keys only, and read the app's credentials; cdk-nag stays clean. A refused refresh token pages ops.
 */
class MarketplaceWorkerTest {
    private static SynthesizedPlatform marketplace;
    private static SynthesizedPlatform privateIntegration;

    @BeforeAll
    static void synth() {
        marketplace = SynthesizedPlatform.prodAsMarketplaceApp();
        privateIntegration = SynthesizedPlatform.prod();
    }

    @Test
    void theWorkerAndItsDueRepliesUseTheTokenKeyForDataKeysOnly() {
        JsonNode functions = marketplace.json("Functions");
        String tokenKey = TemplateJson.resources(functions, "AWS::KMS::Key").entrySet().stream()
                .filter(k -> k.getValue().path("Properties").path("Description").asText().contains("GHL OAuth tokens"))
                .map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
        for (String name : List.of("jorge-bot-worker", "jorge-due-replies")) {
            List<JsonNode> onTokenKey = statements(functions, name).stream()
                    .filter(s -> s.path("Resource").toString().contains(tokenKey)).toList();
            assertThat(onTokenKey).as(name + " uses the token key").hasSize(1);
            assertThat(onTokenKey.get(0).path("Action").toString()).as("data keys only")
                    .isEqualTo("[\"kms:Decrypt\",\"kms:GenerateDataKey\"]");
            assertThat(statements(functions, name)).as("no KMS grant on every key")
                    .noneMatch(s -> s.path("Action").toString().contains("kms:") && s.path("Resource").toString().equals("\"*\""));
            JsonNode variables = TemplateJson.withProperty(functions, "AWS::Lambda::Function", "FunctionName", name)
                    .path("Properties").path("Environment").path("Variables");
            assertThat(variables.fieldNames()).toIterable().as(name)
                    .contains("GHL_OAUTH_CLIENT_ID_SECRET_ARN", "GHL_OAUTH_CLIENT_SECRET_SECRET_ARN", "GHL_TOKEN_KMS_KEY_ID")
                    .doesNotContain("GHL_TOKEN_LOCAL_KEY", "GHL_OAUTH_CLIENT_SECRET");
        }
        assertThat(statements(functions, "jorge-webhook-intake").toString()).as("intake never sees a token").doesNotContain("kms:Decrypt");
    }

    @Test
    void aPrivateIntegrationDeploymentGivesTheWorkerNoTokenKey() {
        JsonNode functions = privateIntegration.json("Functions");
        assertThat(statements(functions, "jorge-bot-worker").toString()).doesNotContain("kms:GenerateDataKey");
        JsonNode variables = TemplateJson.withProperty(functions, "AWS::Lambda::Function", "FunctionName", "jorge-bot-worker")
                .path("Properties").path("Environment").path("Variables");
        assertThat(variables.has("GHL_OAUTH_CLIENT_ID_SECRET_ARN")).as("the worker stays on GHL_API_TOKEN").isFalse();
    }

    @Test
    void aRefusedRefreshTokenPagesOps() {
        JsonNode alarm = TemplateJson.resources(marketplace.json("Functions"), "AWS::CloudWatch::Alarm").values().stream()
                .filter(a -> a.path("Properties").path("MetricName").asText().equals("GhlTokenRefreshes"))
                .findFirst().orElseThrow();
        JsonNode p = alarm.path("Properties");
        assertThat(p.path("Namespace").asText()).isEqualTo("JorgePlatform");
        assertThat(p.path("Dimensions").toString()).contains("\"Kind\"", "\"invalid_grant\"");
        assertThat(p.path("Threshold").asDouble()).isEqualTo(1.0);
        assertThat(p.path("ComparisonOperator").asText()).isEqualTo("GreaterThanOrEqualToThreshold");
        assertThat(p.path("AlarmActions").size()).as("notifies the ops topic").isPositive();
    }

    @Test
    void cdkNagFindsNothingUnsuppressed() {
        List<String> findings = new ArrayList<>();
        for (var stack : marketplace.platform.stacks()) {
            for (var level : List.of(SynthesisMessageLevel.ERROR, SynthesisMessageLevel.WARNING)) {
                for (SynthesisMessage m : marketplace.messages(stack, level)) {
                    findings.add(stack.getStackName() + " " + m.getId() + ": " + m.getEntry().getData());
                }
            }
        }
        assertThat(findings).isEmpty();
    }

    /** The IAM statements of the policies attached to the function's role. */
    private static List<JsonNode> statements(JsonNode template, String functionName) {
        JsonNode fn = TemplateJson.withProperty(template, "AWS::Lambda::Function", "FunctionName", functionName);
        String role = fn.path("Properties").path("Role").path("Fn::GetAtt").get(0).asText();
        return TemplateJson.resources(template, "AWS::IAM::Policy").values().stream()
                .filter(p -> p.path("Properties").path("Roles").toString().contains(role))
                .flatMap(p -> StreamSupport.stream(p.path("Properties").path("PolicyDocument").path("Statement").spliterator(), false))
                .toList();
    }
}
