package com.jorge.platform.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import com.jorge.platform.infra.config.EnvironmentSettings;
import com.jorge.platform.infra.config.EnvironmentSettingsLoader;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;
import java.util.List;

/**
 * One synthesized app per environment, shared by every test class of the JVM (synth takes seconds).
 * The context is cdk.json's, exactly as `cdk synth -c env=...` sees it, feature flags included.
 */
final class SynthesizedPlatform {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, SynthesizedPlatform> CACHE = new HashMap<>();

    final EnvironmentSettings config;
    final App app;
    final CloudAssembly assembly;
    final JorgePlatform platform;
    final Map<String, Template> templates = new LinkedHashMap<>();
    final Map<String, JsonNode> json = new LinkedHashMap<>();

    private SynthesizedPlatform(String env, boolean nag) {
        this(env, nag, Map.of());
    }

    /** {@code overrides}: settings of the chosen environment replaced before synth (cdk.json itself is not touched). */
    @SuppressWarnings("unchecked")
    private SynthesizedPlatform(String env, boolean nag, Map<String, Object> overrides) {
        Map<String, Object> context = new HashMap<>(cdkJsonContext());
        context.put(EnvironmentSettingsLoader.ENV_KEY, env);
        if (!overrides.isEmpty()) {
            Map<String, Object> environments = new HashMap<>((Map<String, Object>) context.get(EnvironmentSettingsLoader.ENVIRONMENTS_KEY));
            Map<String, Object> chosen = new HashMap<>((Map<String, Object>) environments.get(env));
            chosen.putAll(overrides);
            environments.put(env, chosen);
            context.put(EnvironmentSettingsLoader.ENVIRONMENTS_KEY, environments);
        }
        app = App.Builder.create().context(context).outdir(tempDir()).build();
        config = EnvironmentSettingsLoader.fromContext(app.getNode());
        platform = JorgePlatform.build(app, config, RepositoryLayout.discover());
        if (nag) {
            Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
        }
        // one synth; templates and messages are read from its cloud assembly (Template.fromStack and
        // Annotations.fromStack would synthesise again, seconds each)
        assembly = app.synth();
        for (var entry : platform.stacksByName().entrySet()) {
            CloudFormationStackArtifact artifact = assembly.getStackByName(entry.getValue().getStackName());
            JsonNode tree = JSON.valueToTree(artifact.getTemplate());
            json.put(entry.getKey(), tree);
            templates.put(entry.getKey(), Template.fromJSON(JSON.convertValue(tree, Map.class)));
        }
    }

    /** prod, with cdk-nag's AWS Solutions checks applied. */
    static synchronized SynthesizedPlatform prod() {
        return CACHE.computeIfAbsent("prod", env -> new SynthesizedPlatform(env, true));
    }

    /** An A/B experiment the worker, the BI functions and the warmer must all see (prodAsMarketplaceApp's). */
    static final Map<String, Object> EXPERIMENT = Map.of("name", "opener", "kind", "model_version", "metric", "qualified",
            "variants", List.of(Map.of("name", "control", "weight", 1), Map.of("name", "challenger", "weight", 1)),
            "plannedSamplePerVariant", 400, "startsOn", "2026-12-01");

    /**
     * prod as a Marketplace app ({@code ghlAuthorization: marketplace}) with an experiment configured
     * ({@link #EXPERIMENT}, its challenger scored by registry version 12), with cdk-nag's checks applied: one synth
     * for the fullest configuration.
     */
    static synchronized SynthesizedPlatform prodAsMarketplaceApp() {
        return CACHE.computeIfAbsent("prod-marketplace", env -> new SynthesizedPlatform("prod", true, Map.of(
                "ghlAuthorization", "marketplace",
                "experiments", Map.of("definitions", List.of(EXPERIMENT), "followUpCadences", "",
                        "leadScoreVariantVersions", "challenger=12"))));
    }

    static synchronized SynthesizedPlatform of(String env) {
        return CACHE.computeIfAbsent(env, e -> new SynthesizedPlatform(e, false));
    }

    Template template(String stack) {
        return templates.get(stack);
    }

    JsonNode json(String stack) {
        return json.get(stack);
    }

    Stack stack(String name) {
        return platform.stacksByName().get(name);
    }

    /** Synthesis messages (cdk-nag findings among them) of one stack, at a level: "error", "warning", "info". */
    List<SynthesisMessage> messages(Stack stack, SynthesisMessageLevel level) {
        return assembly.getStackByName(stack.getStackName()).getMessages().stream()
                .filter(m -> m.getLevel() == level).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cdkJsonContext() {
        try {
            Path cdkJson = RepositoryLayout.discover().root().resolve("infra-cdk/cdk.json");
            return (Map<String, Object>) JSON.readValue(cdkJson.toFile(), Map.class).get("context");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: the folder is under the system temp directory
        }
    }

    private static String tempDir() {
        try {
            Path dir = Files.createTempDirectory("jorge-cdk-test");
            // the staged assets (function jars, the inference image context) are hundreds of MB: remove them
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
