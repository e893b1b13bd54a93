package com.jorge.platform.perf.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link WorkerProcess} child of this harness: started with the platform's settings, SIGKILLed by its
 * PID (the {@link Process} this harness launched, nothing else) and started again.
 */
final class WorkerChild implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(90);

    private final Map<String, String> env;
    private final Path dir;
    private final String name;
    private Process process;
    private int starts;

    WorkerChild(Map<String, String> env, Path dir, String name) {
        this.env = env;
        this.dir = dir;
        this.name = name;
    }

    /** Starts the process and waits until it polls the queue. */
    void start() throws IOException, InterruptedException {
        starts++;
        Path ready = dir.resolve(name + "-ready");
        Files.deleteIfExists(ready);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a worker that lives a few minutes on two shared cores: the quick compiler and one GC thread start it sooner,
        // and below intake's priority (nice execs java, so the PID is the JVM's): in AWS they never share a CPU
        ProcessBuilder builder = new ProcessBuilder("nice", "-n", "5", java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED",
                "-Dlog4j2.configurationFile=log4j2-local.xml",
                "-Djorge.local.logFile=" + dir.resolve(name + "-" + starts + ".log"),
                "-cp", System.getProperty("java.class.path"), WorkerProcess.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + "-stdout.log").toFile()));
        Map<String, String> childEnv = new HashMap<>(env);
        childEnv.put("WORKER_READY_FILE", ready.toString());
        builder.environment().putAll(childEnv);
        process = builder.start();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!Files.exists(ready)) {
            if (!process.isAlive()) throw new IllegalStateException("the worker process exited " + process.exitValue()
                    + ": see " + dir.resolve(name + "-stdout.log"));
            if (System.nanoTime() > deadline) throw new IllegalStateException("the worker process was not ready within " + READY_WITHIN);
            Thread.sleep(100);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL (Process.destroyForcibly on Unix): no shutdown hook, no finally block, nothing deleted. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
