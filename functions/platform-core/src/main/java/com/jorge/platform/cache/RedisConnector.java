package com.jorge.platform.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Redis connection for the function's lifetime, standalone or cluster behind the same command API.
 * Connects lazily and, when Redis is unreachable, fails fast and tries again only after a back-off, so
 * an outage costs the worker one quick failure per back-off period instead of a timeout per message.
 */
public final class RedisConnector implements AutoCloseable {

    private static final Duration RECONNECT_BACKOFF = Duration.ofSeconds(5);
    /** Adaptive topology refreshes: at most one per this pause (Lettuce's default is 30 s). */
    static final Duration ADAPTIVE_REFRESH_PAUSE = Duration.ofSeconds(1);
    /** Periodic topology refresh, for changes no command of ours runs into. */
    static final Duration PERIODIC_REFRESH = Duration.ofSeconds(10);
    /** The longest a replicated write waits for its replicas (WAIT's own timeout, on top of the command timeout). */
    static final Duration MAX_REPLICATION_WAIT = Duration.ofSeconds(5);

    private final String url;
    private final String authToken;
    private final boolean cluster;
    private final Duration commandTimeout;
    private RedisClient standaloneClient;
    private RedisClusterClient clusterClient;
    private StatefulConnection<String, String> connection;
    private RedisClusterCommands<String, String> commands;
    private long nextAttemptNanos;

    /**
     * @param url     {@code redis://host:port} or {@code rediss://:password@host:port}; for a cluster a
     *                comma-separated list of seed nodes
     * @param cluster true for ElastiCache cluster mode
     */
    public RedisConnector(String url, boolean cluster, Duration commandTimeout) {
        this(url, null, cluster, commandTimeout);
    }

    /** {@code authToken} (nullable) is ElastiCache's AUTH token, kept out of the URL and out of templates. */
    public RedisConnector(String url, String authToken, boolean cluster, Duration commandTimeout) {
        this.url = url;
        this.authToken = authToken;
        this.cluster = cluster;
        this.commandTimeout = commandTimeout;
    }

    /**
     * From REDIS_URL, REDIS_CLUSTER and REDIS_AUTH (usually REDIS_AUTH_SECRET_ARN); null when no Redis is
     * configured, and the platform then runs on Aurora alone.
     */
    public static RedisConnector fromConfig(com.jorge.platform.config.PlatformConfig config, Duration commandTimeout) {
        return config.get("REDIS_URL")
                .map(u -> new RedisConnector(u, config.get("REDIS_AUTH").orElse(null),
                        config.getBoolean("REDIS_CLUSTER", false), commandTimeout))
                .orElse(null);
    }

    /** The nodes of {@code url} (one, or a cluster's comma-separated seeds), each with the AUTH token if any. */
    public static List<RedisURI> nodes(String url, String authToken) {
        return Arrays.stream(url.split(",")).map(value -> {
            RedisURI uri = RedisURI.create(value.trim());
            if (authToken != null && !authToken.isBlank()) uri.setAuthentication(authToken.toCharArray());
            return uri;
        }).toList();
    }

    /** The commands, connecting first if needed; throws {@link CacheUnavailableException} when Redis is down. */
    public synchronized RedisClusterCommands<String, String> commands() {
        if (commands != null && connection.isOpen()) return commands;
        long now = System.nanoTime();
        if (now < nextAttemptNanos) throw new CacheUnavailableException("Redis unreachable; retrying after back-off", null);
        try {
            connect();
            return commands;
        } catch (RuntimeException e) {
            nextAttemptNanos = now + RECONNECT_BACKOFF.toNanos();
            closeQuietly();
            throw new CacheUnavailableException("Redis unreachable at connect", e);
        }
    }

    /**
     * SET with a TTL, acknowledged only once {@code replicas} replicas hold it: the write and a WAIT on the
     * connection of the master that owns the key's slot. Returns false when fewer replicas confirmed within
     * {@code wait} (the write may still be there, but would not survive the master's death). For keys whose
     * only copy is Redis; a cache entry (Aurora holds the truth) needs no WAIT. In a cluster, a failed write
     * refreshes the topology (at most once a second), so the next one finds a promoted replica.
     */
    public boolean setReplicated(String key, String value, Duration ttl, int replicas, Duration wait) {
        RedisClusterCommands<String, String> any = commands();
        try {
            if (!cluster) {
                any.set(key, value, SetArgs.Builder.px(ttl.toMillis()));
                return any.waitForReplication(replicas, bounded(wait)) >= replicas;
            }
            var owner = masterConnection(SlotHash.getSlot(key)).sync();
            owner.set(key, value, SetArgs.Builder.px(ttl.toMillis()));
            return owner.waitForReplication(replicas, bounded(wait)) >= replicas;
        } catch (RedisException e) {
            refreshTopologySoon();
            throw new CacheUnavailableException("Redis replicated SET failed", e);
        }
    }

    /** A script's answer, and whether {@code replicas} replicas confirmed its writes within the wait. */
    public record Replicated(Object answer, boolean confirmed) {}

    /**
     * EVAL of a script whose keys share one slot, acknowledged only once {@code replicas} replicas hold its
     * writes: the script and a WAIT on the connection of the master that owns the slot, as
     * {@link #setReplicated}. WAIT has its own timeout ({@code wait}, capped at 5 s), not the command
     * timeout. Not confirmed: the writes happened on the master but would not survive its death.
     */
    public Replicated evalReplicated(String script, ScriptOutputType type, String[] keys, int replicas, Duration wait, String... args) {
        RedisClusterCommands<String, String> any = commands();
        try {
            if (!cluster) {
                Object answer = any.eval(script, type, keys, args);
                return new Replicated(answer, any.waitForReplication(replicas, bounded(wait)) >= replicas);
            }
            var owner = masterConnection(SlotHash.getSlot(keys[0])).sync();
            Object answer = owner.eval(script, type, keys, args);
            return new Replicated(answer, owner.waitForReplication(replicas, bounded(wait)) >= replicas);
        } catch (RedisException e) {
            refreshTopologySoon();
            throw new CacheUnavailableException("Redis replicated EVAL failed", e);
        }
    }

    /** True for a cluster (ElastiCache cluster mode, every shard with a replica); false for one server. */
    public boolean isCluster() {
        return cluster;
    }

    /**
     * How far the furthest-behind replica trails its master, in bytes of the replication stream, over every
     * master (INFO replication: master_repl_offset less the replica's offset); 0 when all are level, -1 when
     * a master has no replica online. Exported by the cache-warmer as {@code RedisReplicationLagBytes}.
     */
    public long replicationLagBytes() {
        try {
            long worst = 0;
            for (RedisClusterCommands<String, String> master : masters().values()) {
                long lag = lag(master.info("replication"));
                if (lag < 0) return -1;
                worst = Math.max(worst, lag);
            }
            return worst;
        } catch (RedisException e) {
            throw new CacheUnavailableException("Redis INFO replication failed", e);
        }
    }

    /**
     * The commands of every master serving slots, by node id (a standalone server: itself, as
     * {@code standalone}), connecting first if needed.
     */
    Map<String, RedisClusterCommands<String, String>> masters() {
        RedisClusterCommands<String, String> any = commands();
        Map<String, RedisClusterCommands<String, String>> masters = new LinkedHashMap<>();
        if (!cluster) {
            masters.put("standalone", any);
            return masters;
        }
        for (RedisClusterNode node : clusterConnection().getPartitions()) {
            if (!(node.is(RedisClusterNode.NodeFlag.UPSTREAM) || node.is(RedisClusterNode.NodeFlag.MASTER))
                    || node.is(RedisClusterNode.NodeFlag.FAIL) || node.getSlots().isEmpty()) continue;
            masters.put(node.getNodeId(), clusterConnection().getConnection(node.getNodeId()).sync());
        }
        return masters;
    }

    /** A new connection from the connected client (standalone or cluster), for {@link RedisPipeline}. */
    synchronized StatefulConnection<String, String> openConnection() {
        commands();
        return cluster ? clusterClient.connect() : standaloneClient.connect();
    }

    Duration commandTimeout() {
        return commandTimeout;
    }

    static long lag(String info) {
        long master = -1, slowest = Long.MAX_VALUE;
        int online = 0;
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("master_repl_offset:")) master = Long.parseLong(line.substring(19).trim());
            if (line.startsWith("slave") && line.contains("offset=")) {
                boolean up = line.contains("state=online");
                for (String f : line.substring(line.indexOf(':') + 1).split(",")) {
                    if (up && f.startsWith("offset=")) {
                        slowest = Math.min(slowest, Long.parseLong(f.substring(7)));
                        online++;
                    }
                }
            }
        }
        if (master < 0 || online == 0) return -1;
        return Math.max(0, master - slowest);
    }

    private synchronized StatefulRedisClusterConnection<String, String> clusterConnection() {
        return (StatefulRedisClusterConnection<String, String>) connection;
    }

    private StatefulRedisConnection<String, String> masterConnection(int slot) {
        StatefulRedisClusterConnection<String, String> c = clusterConnection();
        RedisClusterNode owner = c.getPartitions().getPartitionBySlot(slot);
        if (owner == null) throw new CacheUnavailableException("no Redis master owns slot " + slot, null);
        return c.getConnection(owner.getNodeId());
    }

    private long lastRefreshNanos;

    synchronized void refreshTopologySoon() {
        long now = System.nanoTime();
        if (clusterClient == null || now - lastRefreshNanos < 1_000_000_000L) return;
        lastRefreshNanos = now;
        // in the background: the caller already has its failure to fall back on
        clusterClient.refreshPartitionsAsync().exceptionally(e -> null); // the periodic and adaptive refreshes try again
    }

    /**
     * Cluster options for a master's death. Lettuce's defaults recover late: an adaptive refresh is
     * suppressed for 30 s after the previous one (lettuce#2308), and the first one usually runs before
     * the cluster has promoted the replica, so the client kept routing to the dead master for 40 s. Here
     * triggers may fire again after a second, two failed reconnects count as persistent, a periodic
     * refresh catches what no trigger sees, and connections to nodes that left the topology are closed.
     * Commands for a disconnected node wait (up to the command timeout) rather than fail at once: Lettuce
     * opens node connections lazily, and rejecting would fail the first command to every node.
     */
    public static ClusterClientOptions clusterOptions(Duration commandTimeout) {
        return ClusterClientOptions.builder()
                .socketOptions(socketOptions(commandTimeout))
                .timeoutOptions(timeouts(commandTimeout))
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enableAllAdaptiveRefreshTriggers() // MOVED, ASK, PERSISTENT_RECONNECTS, UNCOVERED_SLOT, UNKNOWN_NODE
                        .adaptiveRefreshTriggersTimeout(ADAPTIVE_REFRESH_PAUSE)
                        .refreshTriggersReconnectAttempts(2)
                        .enablePeriodicRefresh(PERIODIC_REFRESH)
                        .closeStaleConnections(true)
                        .dynamicRefreshSources(true)
                        .build())
                .build();
    }

    private static long bounded(Duration wait) {
        return Math.min(wait.toMillis(), MAX_REPLICATION_WAIT.toMillis());
    }

    /**
     * Every command times out after the command timeout, except WAIT, which blocks for its own timeout by
     * design: with one timeout for all, a replicated write whose WAIT outlasted the command timeout failed
     * as "Redis unavailable" instead of answering how many replicas confirmed.
     */
    private static TimeoutOptions timeouts(Duration commandTimeout) {
        long plain = commandTimeout.toMillis();
        long replicationWait = commandTimeout.plus(MAX_REPLICATION_WAIT).toMillis();
        return TimeoutOptions.builder().timeoutCommands(true).timeoutSource(new TimeoutOptions.TimeoutSource() {
            @Override
            public long getTimeout(RedisCommand<?, ?, ?> command) {
                return command.getType() == CommandType.WAIT ? replicationWait : plain;
            }

            @Override
            public TimeUnit getTimeUnit() {
                return TimeUnit.MILLISECONDS;
            }
        }).build();
    }

    /** Connect bounded by the command timeout's multiple; keep-alive finds a peer that vanished without a reset. */
    private static SocketOptions socketOptions(Duration commandTimeout) {
        return SocketOptions.builder()
                .connectTimeout(commandTimeout.multipliedBy(5))
                .keepAlive(SocketOptions.KeepAliveOptions.builder()
                        .enable().idle(Duration.ofSeconds(15)).interval(Duration.ofSeconds(5)).count(3).build())
                .build();
    }

    private void connect() {
        if (cluster) {
            clusterClient = RedisClusterClient.create(nodes(url, authToken));
            clusterClient.setOptions(clusterOptions(commandTimeout));
            StatefulRedisClusterConnection<String, String> c = clusterClient.connect();
            connection = c;
            commands = c.sync();
        } else {
            standaloneClient = RedisClient.create(nodes(url, authToken).get(0));
            standaloneClient.setOptions(ClientOptions.builder()
                    .socketOptions(socketOptions(commandTimeout)).timeoutOptions(timeouts(commandTimeout))
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .build());
            StatefulRedisConnection<String, String> c = standaloneClient.connect();
            connection = c;
            commands = c.sync();
        }
    }

    private void closeQuietly() {
        try { // shutting the client down below also closes a RedisPipeline's connection
            if (connection != null) connection.close();
        } catch (RuntimeException ignored) {
            // already broken
        }
        if (standaloneClient != null) standaloneClient.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        if (clusterClient != null) clusterClient.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        connection = null;
        commands = null;
        standaloneClient = null;
        clusterClient = null;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
