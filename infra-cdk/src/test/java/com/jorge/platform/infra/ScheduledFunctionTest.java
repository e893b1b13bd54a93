package com.jorge.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.infra.config.EnvironmentSettings;
import com.jorge.platform.infra.config.EnvironmentSettingsLoader;
import com.jorge.platform.infra.constructs.CanaryFunction;
import com.jorge.platform.infra.constructs.ScheduledFunctionCatalog;
import com.jorge.platform.infra.stacks.AlertingStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.codedeploy.LambdaApplication;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * The catalog's scheduled functions: each entry becomes a canary-deployed function whose live alias an
 * EventBridge rule runs on the configured schedule. The construct is checked here alone, with a stand-in
 * jar; PlatformTemplatesTest checks the real ones in the prod app.
 */
class ScheduledFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCatalogEntryCarriesTheConfiguredSchedule() {
        @SuppressWarnings("unchecked")
        EnvironmentSettings prod = EnvironmentSettingsLoader.load("prod",
                SynthesizedPlatform.cdkJsonContext().get(EnvironmentSettingsLoader.ENVIRONMENTS_KEY));
        var entries = ScheduledFunctionCatalog.entries(prod);
        assertThat(entries).extracting(ScheduledFunctionCatalog.Entry::name).containsExactly("cache-warmer", "alert-evaluator", "bi-aggregator");
        assertThat(entries).extracting(ScheduledFunctionCatalog.Entry::schedule).containsExactly("rate(15 minutes)", "rate(1 minute)", "rate(5 minutes)");
    }

    @Test
    void aReadyEntryBecomesARuleOnItsLiveAliasWithCanaryDeployment(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("cache-warmer-lambda.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("com/jorge/platform/cachewarmer/README"));
            zip.write("stand-in for the test only".getBytes());
            zip.closeEntry();
        }
        App app = new App();
        StackProps props = StackProps.builder().env(Environment.builder().region("us-east-1").build()).build();
        @SuppressWarnings("unchecked")
        EnvironmentSettings prod = EnvironmentSettingsLoader.load("prod",
                SynthesizedPlatform.cdkJsonContext().get(EnvironmentSettingsLoader.ENVIRONMENTS_KEY));
        AlertingStack alerting = new AlertingStack(app, "Alerting", props, prod);
        Stack stack = new Stack(app, "Scheduled", props);
        Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(1).build();
        var entry = ScheduledFunctionCatalog.entries(prod).get(0);
        CanaryFunction function = com.jorge.platform.infra.stacks.FunctionsStack.scheduledFunction(stack, entry, jar, Map.of("REDIS_CLUSTER", "true"),
                new CanaryFunction.Network(vpc, SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build(),
                        SecurityGroup.Builder.create(stack, "Sg").vpc(vpc).build()),
                LambdaApplication.Builder.create(stack, "App").build(), RetentionDays.ONE_WEEK, alerting, 1);

        JsonNode template = JSON.valueToTree(Template.fromStack(stack).toJSON());
        JsonNode rule = TemplateJson.only(template, "AWS::Events::Rule").path("Properties");
        assertThat(rule.path("ScheduleExpression").asText()).isEqualTo("rate(15 minutes)");
        String target = rule.path("Targets").get(0).path("Arn").path("Ref").asText();
        assertThat(template.path("Resources").path(target).path("Type").asText()).isEqualTo("AWS::Lambda::Alias");
        JsonNode fn = TemplateJson.only(template, "AWS::Lambda::Function").path("Properties");
        assertThat(fn.path("FunctionName").asText()).isEqualTo("jorge-cache-warmer");
        assertThat(fn.path("Handler").asText()).isEqualTo("com.jorge.platform.cachewarmer.CacheWarmerHandler::handleRequest");
        assertThat(fn.path("ReservedConcurrentExecutions").asInt()).as("a slow run never overlaps the next").isEqualTo(1);
        Template.fromStack(stack).resourceCountIs("AWS::CodeDeploy::DeploymentGroup", 1);
        assertThat(function.alias().getAliasName()).isEqualTo("live");
        assertThat(List.of(function.errorsAlarm(), function.latencyAlarm())).doesNotContainNull();
    }
}
