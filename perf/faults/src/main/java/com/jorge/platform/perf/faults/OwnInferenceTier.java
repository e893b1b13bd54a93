package com.jorge.platform.perf.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The inference tier (gpu-inference's service jar) as a child process of the harness, on the CPU
 * ({@code INFERENCE_DEVICE=cpu}) on a free loopback port, serving one model from {@link OwnModelRegistry}.
 * The inference scenarios SIGKILL it by its PID (the {@link Process} this harness launched) and start it
 * again on the same port, or SIGSTOP and SIGCONT it.
 */
final class OwnInferenceTier implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    /** A restart competes with the load for two cores; it is reported whenever it is ready, until then. */
    private static final Duration RESTART_READY_WITHIN = Duration.ofSeconds(300);

    private final Path jar;
    private final Map<String, String> env;
    private final Path dir;
    private final int port;
    private final String model;
    private Process process;
    private int starts;

    private OwnInferenceTier(Path jar, Map<String, String> env, Path dir, int port, String model) {
        this.jar = jar;
        this.env = env;
        this.dir = dir;
        this.port = port;
        this.model = model;
    }

    /** Starts the tier on {@code registry}'s {@code model} and waits until it is ready and warmed up. */
    static OwnInferenceTier start(Path jar, OwnModelRegistry registry, String model, Path dir)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run.sh builds gpu-inference (-Dfaults.inferenceJar=<jar> elsewhere)");
        }
        int port = OwnRedis.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("PORT", Integer.toString(port));
        env.put("BIND_ADDRESS", "127.0.0.1");
        env.put("INFERENCE_DEVICE", "cpu");
        env.put("MODEL_REGISTRY", registry.registryUri());
        env.put("S3_ENDPOINT", registry.endpoint().toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", OwnModelRegistry.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", OwnModelRegistry.SECRET_KEY);
        env.put("MODELS", model);
        env.put("EMBEDDING_MODEL", "false");
        env.put("IO_THREADS", "2");
        OwnInferenceTier tier = new OwnInferenceTier(jar, Collections.unmodifiableMap(env), dir, port, model);
        try {
            tier.launch();
            tier.awaitReady(READY_WITHIN);
            tier.warmUp();
        } catch (IOException | InterruptedException | RuntimeException e) {
            tier.close();
            throw e;
        }
        return tier;
    }

    /** The base URL the platform's LEAD_SCORE_ENDPOINT names. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL (Process.destroyForcibly on Unix), as a crashed task: connections refused until it is back. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        System.out.println("  inference tier pid " + process.pid() + " SIGKILLed");
    }

    /** Starts it again on the same port; says when it is ready, without holding the scenario up meanwhile. */
    void restart() throws IOException {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        launch();
        long started = System.nanoTime();
        long pid = process.pid();
        Thread.ofVirtual().name("inference-ready").start(() -> {
            try {
                awaitReady(RESTART_READY_WITHIN);
                System.out.printf("  inference tier restarted as pid %d, ready after %.1f s%n", pid,
                        (System.nanoTime() - started) / 1e9);
            } catch (Exception e) {
                System.out.println("  inference tier pid " + pid + " not ready: " + e.getMessage());
            }
        });
    }

    /** SIGSTOP: the kernel still accepts connections, the tier answers nothing, every call runs past its deadline. */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
        System.out.println("  inference tier pid " + process.pid() + " SIGSTOPped");
    }

    /** SIGCONT: it answers what queued meanwhile, then new calls. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    /** After a scenario, whatever its fault did: running and not paused. */
    void ensureUp() throws IOException, InterruptedException {
        if (process.isAlive()) {
            resume();
        } else {
            launch();
        }
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
    }

    private void launch() throws IOException {
        starts++;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // not below the platform's priority: a tier starved by the harness would time out for that reason alone; the
        // quick compiler only, so a restart on two loaded cores is not spent in C2 (the model runs in ONNX Runtime's C++)
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED",
                "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("inference-" + starts + ".log").toFile()));
        builder.environment().putAll(env);
        process = builder.start();
    }

    private void awaitReady(Duration within) throws InterruptedException {
        Process launched = process;
        long deadline = System.nanoTime() + within.toNanos();
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (System.nanoTime() < deadline) {
                if (!launched.isAlive()) {
                    throw new IllegalStateException("the inference tier exited " + launched.exitValue() + ": see "
                            + dir.resolve("inference-" + starts + ".log"));
                }
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint().resolve("/v2/health/ready"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) return;
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the inference tier was not ready within " + within.toSeconds() + " s");
    }

    /** A few hundred scores, so the load's first calls meet a warm tier rather than its interpreter. */
    private void warmUp() throws IOException, InterruptedException {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < com.jorge.platform.models.features.ConversationFeatureSet.INSTANCE.featureCount(); i++) {
            row.append(i == 0 ? "" : ",").append("0.0");
        }
        String body = "{\"inputs\":[{\"name\":\"features\",\"shape\":[1,"
                + com.jorge.platform.models.features.ConversationFeatureSet.INSTANCE.featureCount()
                + "],\"datatype\":\"FP32\",\"data\":[" + row + "]}]}";
        URI infer = endpoint().resolve("/v2/models/" + model + "/infer");
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (int i = 0; i < 300; i++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(infer).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("the inference tier answered " + r.statusCode() + " to a score: " + r.body());
                }
            }
        }
    }

    @Override
    public void close() {
        if (process == null) return;
        try {
            if (process.isAlive()) resume(); // a stopped process cannot die of SIGTERM
        } catch (IOException | InterruptedException | IllegalStateException ignored) {
            // it is going away anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
