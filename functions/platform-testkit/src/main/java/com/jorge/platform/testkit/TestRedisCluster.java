package com.jorge.platform.testkit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import redis.embedded.core.ExecutableProvider;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A real Redis cluster of six redis-server processes on loopback: three masters owning the 16384 slots
 * and one replica each, formed with CLUSTER MEET/ADDSLOTS/REPLICATE like redis-cli does. Uses the
 * machine's redis-server when there is one, else the binary shipped in the embedded-redis jar.
 */
public final class TestRedisCluster implements AutoCloseable {

    private static final int START_ATTEMPTS = 3;
    /**
     * Client ports are drawn from [12000, 22000), so their cluster-bus ports (port + 10000) stay below 32768, where
     * Linux's ephemeral range starts: an outgoing connection elsewhere cannot take one between the check and the bind.
     */
    private static final int FIRST_PORT = 12_000;
    private static final int PORT_SPAN = 10_000;

    private final List<Process> processes;
    private final List<Integer> ports;
    private final Path dir;

    private TestRedisCluster(List<Process> processes, List<Integer> ports, Path dir) {
        this.processes = processes;
        this.ports = ports;
        this.dir = dir;
    }

    public static TestRedisCluster start() {
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOnce();
            } catch (IllegalStateException e) {
                // a node that could not bind its port (taken between the check and the launch) or never answered:
                // start the whole cluster again on other ports
                if (failure == null) failure = e; else failure.addSuppressed(e);
            }
        }
        throw failure;
    }

    private static TestRedisCluster startOnce() {
        List<Integer> ports = clusterPorts();
        List<Process> processes = new ArrayList<>();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("jorge-redis-cluster");
            String binary = binary();
            for (int port : ports) processes.add(launch(binary, port, dir));
            TestRedisCluster cluster = new TestRedisCluster(processes, ports, dir);
            cluster.form();
            return cluster;
        } catch (IOException e) {
            stop(processes, dir);
            throw new UncheckedIOException("could not start the Redis cluster", e);
        } catch (RuntimeException e) {
            stop(processes, dir);
            throw e instanceof IllegalStateException ise ? ise : new IllegalStateException("Redis cluster: " + e.getMessage(), e);
        }
    }

    private static Process launch(String binary, int port, Path dir) throws IOException {
        return new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf",
                "--cluster-node-timeout", "2000", "--save", "", "--appendonly", "no",
                "--repl-diskless-sync-delay", "0", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis-" + port + ".log").toFile()))
                .start();
    }

    /** Starts a killed node again on its port with its cluster config: it rejoins, a former master as a replica. */
    public void restart(int node) {
        try {
            processes.set(node, launch(binary(), ports.get(node), dir));
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart Redis node " + node, e);
        }
    }

    /** Node {@code node}'s port (0..2 start as masters, 3..5 as their replicas, in the same order). */
    public int port(int node) {
        return ports.get(node);
    }

    public List<String> seedUrls() {
        return ports.stream().map(p -> "redis://127.0.0.1:" + p).toList();
    }

    /**
     * SIGKILLs node {@code node} (0..2 start as the masters of slots 0-5460, 5461-10922 and 10923-16383,
     * 3..5 as their replicas) and returns its PID; the cluster's failover then promotes its replica.
     */
    public long kill(int node) {
        Process p = processes.get(node);
        long pid = p.pid();
        p.destroyForcibly();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return pid;
    }

    /** Six ports whose cluster-bus ports (port + 10000) are free too. */
    private static List<Integer> clusterPorts() {
        List<Integer> out = new ArrayList<>();
        java.util.Random random = new java.util.Random();
        while (out.size() < 6) {
            int port = FIRST_PORT + random.nextInt(PORT_SPAN);
            if (!out.contains(port) && free(port) && free(port + 10_000)) out.add(port);
        }
        return out;
    }

    private static boolean free(int port) {
        try (java.net.ServerSocket s = new java.net.ServerSocket(port, 0, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void form() {
        List<RedisClient> clients = new ArrayList<>();
        List<RedisCommands<String, String>> nodes = new ArrayList<>();
        try {
            for (int node = 0; node < ports.size(); node++) {
                RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", ports.get(node)));
                clients.add(client);
                nodes.add(connectWithRetry(client, node).sync());
            }
            int[][] ranges = {{0, 5460}, {5461, 10922}, {10923, 16383}};
            for (int m = 0; m < 3; m++) {
                nodes.get(m).clusterAddSlots(IntStream.rangeClosed(ranges[m][0], ranges[m][1]).toArray());
            }
            for (int i = 1; i < 6; i++) nodes.get(0).clusterMeet("127.0.0.1", ports.get(i));
            waitFor(() -> nodes.stream().allMatch(n -> n.clusterNodes().lines().count() == 6), "all nodes to meet");
            for (int r = 0; r < 3; r++) {
                String masterId = nodes.get(r).clusterMyId();
                RedisCommands<String, String> replica = nodes.get(r + 3);
                waitFor(() -> replica.clusterNodes().contains(masterId), "replica to learn its master");
                replica.clusterReplicate(masterId);
            }
            waitFor(() -> nodes.stream().allMatch(n -> n.clusterInfo().contains("cluster_state:ok")), "cluster_state:ok");
            // REPLICATE spreads by gossip: until every node sees three replicas, one may still list a replica as a
            // master without slots (a test counting masters saw four)
            waitFor(() -> nodes.stream().allMatch(n -> n.clusterNodes().lines().filter(l -> l.contains("slave")).count() == 3),
                    "every node to see the three replicas");
        } finally {
            clients.forEach(RedisClient::shutdown);
        }
    }

    private StatefulRedisConnection<String, String> connectWithRetry(RedisClient client, int node) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return client.connect();
            } catch (RuntimeException e) {
                if (!processes.get(node).isAlive()) {
                    throw new IllegalStateException("Redis cluster: node on port " + ports.get(node) + " exited: " + logTail(node), e);
                }
                if (System.nanoTime() > deadline) throw new IllegalStateException("Redis cluster: node on port " + ports.get(node) + " never answered", e);
                sleep(50);
            }
        }
    }

    private String logTail(int node) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("redis-" + ports.get(node) + ".log"));
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("Redis cluster: timed out waiting for " + what);
            sleep(50);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String binary() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, "redis-server");
            if (f.canExecute()) return f.getAbsolutePath();
        }
        return ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
    }

    @Override
    public void close() {
        stop(processes, dir);
    }

    private static void stop(List<Process> processes, Path dir) {
        processes.forEach(Process::destroyForcibly);
        for (Process p : processes) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (dir == null) return;
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // temp files only
        }
    }
}
