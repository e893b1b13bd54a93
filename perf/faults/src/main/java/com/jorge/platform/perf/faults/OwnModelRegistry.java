package com.jorge.platform.perf.faults;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The model registry of the inference scenarios: S3Mock (as functions/lead-score-client's tests use) as a
 * child process of the harness on a free loopback port, with the inference stack's layout
 * ({@code models/<model>/<version>/model.onnx}, {@code metadata.json}, {@code models/<model>/live.json}).
 * Its class path is S3Mock's own (perf/faults/s3mock/pom.xml, resolved by run.sh), nothing of the platform's.
 */
final class OwnModelRegistry implements AutoCloseable {

    static final String BUCKET = "jorge-models";
    static final String PREFIX = "models/";
    /** S3Mock accepts any credentials; the SDK needs some. */
    static final String ACCESS_KEY = "faults-harness";
    static final String SECRET_KEY = "faults-harness-secret";
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private final Process process;
    private final int port;

    private OwnModelRegistry(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts S3Mock with the bucket {@value #BUCKET}, its files under {@code dir}, and waits until it answers. */
    static OwnModelRegistry start(Path classpathFile, Path dir) throws IOException, InterruptedException {
        if (!Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException(classpathFile + " is missing: run.sh writes S3Mock's class path there"
                    + " (-Dfaults.s3mockClasspath=<file> elsewhere)");
        }
        int port = OwnRedis.freePort();
        Path log = dir.resolve("s3mock.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", Files.readString(classpathFile).strip(), "com.adobe.testing.s3mock.S3MockApplication",
                "--http.port=" + port, "--server.port=0", "--server.address=127.0.0.1",
                "--com.adobe.testing.s3mock.store.initialBuckets=" + BUCKET,
                "--com.adobe.testing.s3mock.store.root=" + Files.createDirectories(dir.resolve("s3mock-data")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        OwnModelRegistry registry = new OwnModelRegistry(process, port);
        try {
            registry.awaitReady(log);
        } catch (InterruptedException | RuntimeException e) {
            registry.close();
            throw e;
        }
        return registry;
    }

    private void awaitReady(Path log) throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) throw new IllegalStateException("S3Mock exited " + process.exitValue() + ": see " + log);
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint()).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) return;
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("S3Mock did not answer within " + READY_WITHIN + ": see " + log);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** {@code s3://bucket/prefix}, as the inference tier's MODEL_REGISTRY reads it. */
    String registryUri() {
        return "s3://" + BUCKET + "/" + PREFIX;
    }

    /**
     * Uploads a committed model version folder ({@code model.onnx}, {@code metadata.json}, {@code MODEL_CARD.md})
     * as {@code model}/{@code version} and makes it live, as the promotion workflow's first version does.
     */
    void publishLive(String model, String version, Path versionDir) throws IOException {
        try (S3Client s3 = client()) {
            for (String file : List.of("model.onnx", "metadata.json", "MODEL_CARD.md")) {
                s3.putObject(PutObjectRequest.builder().bucket(BUCKET).key(PREFIX + model + "/" + version + "/" + file).build(),
                        RequestBody.fromBytes(Files.readAllBytes(versionDir.resolve(file))));
            }
            s3.putObject(PutObjectRequest.builder().bucket(BUCKET).key(PREFIX + model + "/live.json").build(),
                    RequestBody.fromString("{\"live\": \"" + version + "\"}", StandardCharsets.UTF_8));
        }
    }

    private S3Client client() {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(endpoint())
                .forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
