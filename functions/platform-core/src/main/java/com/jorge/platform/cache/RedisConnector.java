package com.jorge.platform.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * One Redis connection for the function's lifetime, standalone or cluster behind the same command API.
 * Connects lazily and, when Redis is unreachable, fails fast and tries again only after a back-off, so
 * an outage costs the worker one quick failure per back-off period instead of a timeout per message.
 */
public final class RedisConnector implements AutoCloseable {

    private static final Duration RECONNECT_BACKOFF = Duration.ofSeconds(5);

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

    private void connect() {
        SocketOptions socket = SocketOptions.builder().connectTimeout(commandTimeout.multipliedBy(5)).build();
        TimeoutOptions timeouts = TimeoutOptions.enabled(commandTimeout);
        if (cluster) {
            List<RedisURI> seeds = nodes(url, authToken);
            clusterClient = RedisClusterClient.create(seeds);
            clusterClient.setOptions(ClusterClientOptions.builder()
                    .socketOptions(socket).timeoutOptions(timeouts)
                    // node connections open lazily, so commands may wait (bounded by the timeout) for one
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enableAllAdaptiveRefreshTriggers()
                            .enablePeriodicRefresh(Duration.ofSeconds(30))
                            .build())
                    .build());
            StatefulRedisClusterConnection<String, String> c = clusterClient.connect();
            connection = c;
            commands = c.sync();
        } else {
            standaloneClient = RedisClient.create(nodes(url, authToken).get(0));
            standaloneClient.setOptions(ClientOptions.builder()
                    .socketOptions(socket).timeoutOptions(timeouts)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .build());
            StatefulRedisConnection<String, String> c = standaloneClient.connect();
            connection = c;
            commands = c.sync();
        }
    }

    private void closeQuietly() {
        try {
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
