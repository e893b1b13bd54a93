package com.jorge.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.infra.config.EnvironmentSettings;
import com.jorge.platform.infra.config.EnvironmentSettingsLoader;
import com.jorge.platform.infra.config.InvalidConfigException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The environments in cdk.json load, and a bad value names its field instead of deploying something else. */
class EnvironmentSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyEnvironmentInCdkJsonIsValid(String env) {
        EnvironmentSettings config = EnvironmentSettingsLoader.load(env, environments());
        assertThat(config.name()).isEqualTo(env);
        assertThat(config.stackName("Data")).isEqualTo("Jorge-" + env + "-Data");
    }

    @Test
    void environmentsDifferInSizesNotInShape() {
        EnvironmentSettings dev = EnvironmentSettingsLoader.load("dev", environments());
        EnvironmentSettings prod = EnvironmentSettingsLoader.load("prod", environments());
        assertThat(prod.inference().minTasks()).isEqualTo(2);
        assertThat(prod.inference().maxTasks()).isEqualTo(20);
        assertThat(dev.inference().maxTasks()).isLessThan(prod.inference().maxTasks());
        assertThat(dev.data().auroraMaxAcu()).isLessThan(prod.data().auroraMaxAcu());
        assertThat(prod.schedules().cacheWarmer()).isEqualTo("rate(15 minutes)");
        assertThat(prod.schedules().alertEvaluator()).isEqualTo("rate(1 minute)");
        assertThat(prod.schedules().biAggregator()).isEqualTo("rate(5 minutes)");
    }

    @Test
    void anUnknownEnvironmentListsTheKnownOnes() {
        assertThatThrownBy(() -> EnvironmentSettingsLoader.load("production", environments()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("env: unknown environment 'production'; cdk.json defines dev, prod, staging");
    }

    @Test
    void noEnvironmentChosenSaysHowToChooseOne() {
        var app = software.amazon.awscdk.App.Builder.create().context(Map.of(EnvironmentSettingsLoader.ENVIRONMENTS_KEY, environments())).build();
        assertThatThrownBy(() -> EnvironmentSettingsLoader.fromContext(app.getNode()))
                .hasMessageContaining("pass -c env=dev|staging|prod");
    }

    @Test
    void aMissingFieldIsNamed() {
        assertThatThrownBy(() -> loadProdWith(prod -> data(prod).remove("redisShards")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("jorge:environments.prod.data")
                .hasMessageContaining("redisShards");
    }

    @Test
    void aTypoInAKeyIsRejectedNotIgnored() {
        assertThatThrownBy(() -> loadProdWith(prod -> data(prod).put("redisShard", 3)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("redisShard");
    }

    @Test
    void aWrongTypeIsNamed() {
        assertThatThrownBy(() -> loadProdWith(prod -> inference(prod).put("maxTasks", "twenty")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("jorge:environments.prod.inference.maxTasks");
    }

    @Test
    void outOfRangeValuesAreRefusedWithTheBounds() {
        assertThatThrownBy(() -> loadProdWith(prod -> inference(prod).put("maxTasks", 1)))
                .hasMessage("jorge:environments.prod.inference.maxTasks: must be between 2 and 200, was 1");
        assertThatThrownBy(() -> loadProdWith(prod -> inference(prod).put("instanceType", "m5.large")))
                .hasMessageStartingWith("jorge:environments.prod.inference.instanceType: must be a GPU instance type");
        assertThatThrownBy(() -> loadProdWith(prod -> prod.put("logRetentionDays", 10)))
                .hasMessageStartingWith("jorge:environments.prod.logRetentionDays: must be a CloudWatch Logs retention period");
        assertThatThrownBy(() -> loadProdWith(prod -> ((Map<String, Object>) prod.get("workflows")).put("nurtureWaitSeconds", List.of(3600, 5))))
                .hasMessage("jorge:environments.prod.workflows.nurtureWaitSeconds[1]: must be between 60 and 31536000, was 5");
    }

    @Test
    @SuppressWarnings("unchecked")
    void experimentsAreCheckedAndBecomeTheFunctionsSettings() {
        Map<String, Object> fast = Map.of("name", "cadence", "kind", "follow_up_cadence", "metric", "answered",
                "variants", List.of(Map.of("name", "control", "weight", 1), Map.of("name", "fast", "weight", 1)));
        EnvironmentSettings prod = loadProdWith(p -> ((Map<String, Object>) p.get("experiments")).putAll(Map.of(
                "definitions", List.of(fast), "followUpCadences", " fast=PT2H,P1D ")));
        assertThat(prod.experiments().environment()).containsOnlyKeys("EXPERIMENTS", "JORGE_BOTS_FOLLOW_UP_CADENCES")
                .containsEntry("JORGE_BOTS_FOLLOW_UP_CADENCES", "fast=PT2H,P1D");
        assertThat(prod.experiments().environment().get("EXPERIMENTS")).contains("\"kind\":\"follow_up_cadence\"");
        assertThat(EnvironmentSettingsLoader.load("prod", environments()).experiments().environment())
                .as("cdk.json configures none: the functions' settings are unchanged").isEmpty();

        assertThatThrownBy(() -> loadProdWith(p -> ((Map<String, Object>) p.get("experiments")).put("definitions",
                List.of(Map.of("name", "x", "kind", "model", "variants", List.of(Map.of("name", "a"), Map.of("name", "b")))))))
                .hasMessageStartingWith("jorge:environments.prod.experiments.definitions[0].kind: must be one of");
        assertThatThrownBy(() -> loadProdWith(p -> ((Map<String, Object>) p.get("experiments")).put("definitions", "[]")))
                .hasMessageStartingWith("jorge:environments.prod.experiments.definitions: must be a JSON array");
    }

    @Test
    void hostileScheduleAndDomainValuesAreRefused() {
        assertThatThrownBy(() -> loadProdWith(prod -> ((Map<String, Object>) prod.get("schedules")).put("cacheWarmer", "rate(0 minutes)")))
                .hasMessageStartingWith("jorge:environments.prod.schedules.cacheWarmer: must be an EventBridge schedule");
        assertThatThrownBy(() -> loadProdWith(prod -> ((Map<String, Object>) prod.get("schedules")).put("biAggregator", "rate(5 minutes)) OR 1=1")))
                .hasMessageStartingWith("jorge:environments.prod.schedules.biAggregator");
        assertThatThrownBy(() -> loadProdWith(prod -> prod.put("apiDomainName", "hooks.example.com/../x")))
                .hasMessageStartingWith("jorge:environments.prod.apiDomainName");
        assertThatThrownBy(() -> loadProdWith(prod -> prod.put("legacyRsaWebhookKeyParameter", "arn:aws:ssm:*")))
                .hasMessageStartingWith("jorge:environments.prod.legacyRsaWebhookKeyParameter");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environments() {
        return (Map<String, Object>) SynthesizedPlatform.cdkJsonContext().get(EnvironmentSettingsLoader.ENVIRONMENTS_KEY);
    }

    @SuppressWarnings("unchecked")
    private static EnvironmentSettings loadProdWith(Consumer<Map<String, Object>> change) {
        Map<String, Object> copy = JSON.convertValue(environments(), Map.class); // deep, mutable
        change.accept((Map<String, Object>) copy.get("prod"));
        return EnvironmentSettingsLoader.load("prod", copy);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> env) {
        return (Map<String, Object>) env.get("data");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> inference(Map<String, Object> env) {
        return (Map<String, Object>) env.get("inference");
    }
}
