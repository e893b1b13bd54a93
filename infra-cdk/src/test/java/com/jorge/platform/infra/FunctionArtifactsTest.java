package com.jorge.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jars CDK deploys are the ones the Maven build wrote to target/, and a missing one stops the synth with a fix. */
class FunctionArtifactsTest {

    @Test
    void theFunctionAssetsAreTheBuildsJarsByteForByte() throws Exception {
        SynthesizedPlatform prod = SynthesizedPlatform.prod();
        RepositoryLayout layout = RepositoryLayout.discover();
        JsonNode functions = prod.json("Functions");
        for (String[] fn : new String[][] {
                {"jorge-webhook-intake", "webhook-intake", "webhook-intake-lambda.jar", "com/jorge/platform/intake/WebhookIntakeHandler.class"},
                {"jorge-marketplace-install", "marketplace-install", "marketplace-install-lambda.jar", "com/jorge/platform/install/MarketplaceInstallHandler.class"},
                {"jorge-bot-worker", "bot-worker", "bot-worker-lambda.jar", "com/jorge/platform/worker/lambda/BotWorkerHandler.class"},
                {"jorge-dlq-replay", "bot-worker", "bot-worker-lambda.jar", "com/jorge/platform/worker/lambda/DlqReplayHandler.class"},
                {"jorge-due-replies", "bot-worker", "bot-worker-lambda.jar", "com/jorge/platform/worker/lambda/DueReplyHandler.class"},
                {"jorge-cache-warmer", "cache-warmer", "cache-warmer-lambda.jar", "com/jorge/platform/cachewarmer/CacheWarmerHandler.class"},
                {"jorge-alert-evaluator", "alert-evaluator", "alert-evaluator-lambda.jar", "com/jorge/platform/alerts/AlertEvaluatorHandler.class"},
                {"jorge-bi-aggregator", "bi-aggregator", "bi-aggregator-lambda.jar", "com/jorge/platform/bi/BiAggregatorHandler.class"}}) {
            Path jar = layout.functionJar(fn[1], fn[2]);
            JsonNode function = TemplateJson.withProperty(functions, "AWS::Lambda::Function", "FunctionName", fn[0]);
            String s3Key = function.path("Properties").path("Code").path("S3Key").asText();
            Path staged = Path.of(prod.app.getOutdir()).resolve("asset." + s3Key);
            assertThat(staged).as(fn[0] + " staged asset").isRegularFile();
            assertThat(sha256(staged)).as(fn[0]).isEqualTo(sha256(jar));
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                assertThat(zip.getEntry(fn[3])).as(fn[0] + " handler class in " + jar.getFileName()).isNotNull();
                long unzipped = zip.stream().mapToLong(java.util.zip.ZipEntry::getSize).sum();
                assertThat(unzipped).as(fn[0] + ": Lambda refuses code over 250 MB unzipped").isLessThan(250L * 1024 * 1024);
            }
            String handler = function.path("Properties").path("Handler").asText();
            assertThat(handler.replace('.', '/').replace("::handleRequest", ".class")).isEqualTo(fn[3]);
        }
    }

    @Test
    void aMissingJarNamesItselfAndTheCommandThatBuildsIt(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("functions/bot-worker"));
        RepositoryLayout layout = new RepositoryLayout(root);
        assertThatThrownBy(() -> layout.functionJar("bot-worker", "bot-worker-lambda.jar"))
                .isInstanceOf(RepositoryLayout.MissingArtifactException.class)
                .hasMessageContaining("functions/bot-worker/target/bot-worker-lambda.jar does not exist")
                .hasMessageContaining("./mvnw -B install -DskipTests -pl functions/bot-worker -am");
    }

    @Test
    void theRepositoryRootIsFoundFromInsideTheModule(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("functions"));
        Path module = Files.createDirectories(root.resolve("infra-cdk/src"));
        assertThat(RepositoryLayout.findAbove(module)).contains(new RepositoryLayout(root));
        assertThat(RepositoryLayout.findAbove(Files.createTempDirectory("elsewhere"))).isEmpty();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
