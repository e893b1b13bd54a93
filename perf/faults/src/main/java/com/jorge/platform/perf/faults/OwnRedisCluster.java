package com.jorge.platform.perf.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Redis cluster of the harness's own: six redis-server child processes on loopback (three masters,
 * one replica each, formed by {@code redis-cli --cluster create}), node timeout 2 s. The master-kill
 * scenario SIGKILLs the process of the master that owns slot 0 and later starts it again on the same port
 * and nodes.conf, where it rejoins as a replica of the node promoted in its place.
 */
final class OwnRedisCluster implements AutoCloseable {

    private final List<OwnRedis> nodes;
    private final String cli;
    private OwnRedis killed;

    private OwnRedisCluster(List<OwnRedis> nodes, String cli) {
        this.nodes = nodes;
        this.cli = cli;
    }

    static OwnRedisCluster start(String redisServer, Path dir) throws IOException, InterruptedException {
        String cli = Path.of(redisServer).resolveSibling("redis-cli").toString();
        List<OwnRedis> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) nodes.add(OwnRedis.clusterNode(redisServer, OwnRedis.freePort(), OwnRedis.freePort(), dir));
            OwnRedisCluster cluster = new OwnRedisCluster(nodes, cli);
            List<String> create = new ArrayList<>(List.of(cli, "--cluster", "create"));
            nodes.forEach(n -> create.add("127.0.0.1:" + n.port()));
            create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
            cluster.run(create, Duration.ofSeconds(30));
            cluster.await(() -> nodes.stream().allMatch(n -> cluster.query(n, "cluster", "info").contains("cluster_state:ok")),
                    Duration.ofSeconds(30), "cluster_state:ok on every node");
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            nodes.forEach(OwnRedis::close);
            throw e;
        }
    }

    /** REDIS_URL for the platform in cluster mode (REDIS_CLUSTER=true): every node as a seed. */
    String seedUrls() {
        return nodes.stream().map(OwnRedis::url).collect(Collectors.joining(","));
    }

    /** SIGKILLs the master owning slot 0 and waits (up to 15 s) until its replica took over; prints both. */
    void killMaster() throws InterruptedException {
        OwnRedis master = ownerOfSlotZero(nodes.getFirst());
        long pid = master.pid();
        master.kill();
        killed = master;
        long began = System.nanoTime();
        OwnRedis survivor = nodes.stream().filter(OwnRedis::alive).findFirst().orElseThrow();
        boolean promoted = await(() -> {
            OwnRedis owner = ownerOfSlotZero(survivor);
            return owner != null && owner != master;
        }, Duration.ofSeconds(15), null);
        System.out.printf("  cluster master %d (pid %d) SIGKILLed; %s%n", master.port(), pid, promoted
                ? String.format("its replica %d owned its slots after %.1f s", ownerOfSlotZero(survivor).port(), (System.nanoTime() - began) / 1e9)
                : "no replica took over within 15 s");
    }

    /** Starts the killed master again: it rejoins as a replica. */
    void restartKilled() throws IOException, InterruptedException {
        if (killed == null) return;
        killed.restart();
        killed = null;
    }

    void ensureUp() throws IOException, InterruptedException {
        for (OwnRedis n : nodes) n.ensureUp();
    }

    /** The live node {@code asked} names as master of slot 0 (from CLUSTER NODES), null when it names none alive. */
    private OwnRedis ownerOfSlotZero(OwnRedis asked) {
        for (String line : query(asked, "cluster", "nodes").lines().toList()) {
            String[] f = line.split(" ");
            if (f.length < 9 || !f[2].contains("master") || f[2].contains("fail")) continue;
            for (int i = 8; i < f.length; i++) {
                if (f[i].equals("0") || f[i].startsWith("0-")) {
                    int port = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1, f[1].indexOf('@')));
                    return nodes.stream().filter(n -> n.port() == port && n.alive()).findFirst().orElse(null);
                }
            }
        }
        return null;
    }

    private String query(OwnRedis node, String... command) {
        List<String> args = new ArrayList<>(List.of(cli, "-h", "127.0.0.1", "-p", Integer.toString(node.port())));
        args.addAll(List.of(command));
        try {
            return run(args, Duration.ofSeconds(5));
        } catch (IOException | InterruptedException | IllegalStateException e) {
            return "";
        }
    }

    private String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeout.toSeconds(), java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command.subList(0, 3)) + " failed: "
                    + new String(out, StandardCharsets.UTF_8).strip());
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private boolean await(java.util.function.BooleanSupplier condition, Duration timeout, String orFailWith) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                if (orFailWith == null) return false;
                throw new IllegalStateException("Redis cluster: timed out waiting for " + orFailWith);
            }
            Thread.sleep(100);
        }
        return true;
    }

    @Override
    public void close() {
        nodes.forEach(OwnRedis::close);
    }
}
