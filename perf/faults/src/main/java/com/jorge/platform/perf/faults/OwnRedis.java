package com.jorge.platform.perf.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A redis-server of the harness's own on a free loopback port, so the Redis scenarios kill, pause and
 * restart a process the harness started, by its PID, and never the machine's Redis.
 */
final class OwnRedis implements AutoCloseable {

    private final String binary;
    private final int port;
    private final Path log;
    private final List<String> extraArgs;
    private Process process;

    private OwnRedis(String binary, int port, Path log, List<String> extraArgs) {
        this.binary = binary;
        this.port = port;
        this.log = log;
        this.extraArgs = extraArgs;
    }

    /** Starts {@code binary} (e.g. /usr/bin/redis-server) on a free port, without persistence. */
    static OwnRedis start(String binary, Path workDir) throws IOException, InterruptedException {
        checkExecutable(binary);
        OwnRedis redis = new OwnRedis(binary, freePort(), workDir.resolve("redis.log"), List.of());
        redis.launch();
        return redis;
    }

    /**
     * A node of a Redis cluster on {@code port}, its cluster bus on {@code busPort}: its nodes.conf in {@code dir}
     * survives a kill, so it rejoins.
     */
    static OwnRedis clusterNode(String binary, int port, int busPort, Path dir) throws IOException, InterruptedException {
        checkExecutable(binary);
        OwnRedis redis = new OwnRedis(binary, port, dir.resolve("redis-" + port + ".log"), List.of("--cluster-enabled", "yes",
                "--cluster-port", Integer.toString(busPort), "--cluster-config-file", "nodes-" + port + ".conf",
                "--cluster-node-timeout", "2000", "--dir", dir.toString()));
        redis.launch();
        return redis;
    }

    private static void checkExecutable(String binary) {
        if (!Files.isExecutable(Path.of(binary))) {
            throw new IllegalStateException(binary + " is not an executable redis-server: pass --redis-server <path>");
        }
    }

    int port() {
        return port;
    }

    boolean alive() {
        return process.isAlive();
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crash would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts it again on the same port (empty: it kept nothing on disk). */
    void restart() throws IOException, InterruptedException {
        if (process.isAlive()) kill();
        launch();
    }

    /** SIGSTOP: the process holds its connections but answers nothing. */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    /** After a scenario, whatever its fault did: running and not paused. */
    void ensureUp() throws IOException, InterruptedException {
        if (process.isAlive()) resume();
        else launch();
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
    }

    private void launch() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary, "--bind", "127.0.0.1", "--port", Integer.toString(port),
                "--save", "", "--appendonly", "no", "--protected-mode", "yes"));
        command.addAll(extraArgs);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) throw new IllegalStateException("redis-server exited: see " + log);
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not listen on " + port + " within 10 s: see " + log);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (process == null) return;
        try {
            if (process.isAlive()) resume(); // a paused server cannot die of SIGTERM
        } catch (IOException | InterruptedException | IllegalStateException ignored) {
            // it is going away anyway
        }
        process.destroyForcibly();
    }
}
