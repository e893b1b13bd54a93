package com.jorge.platform.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * PostgreSQL and Redis for the laptop: the ones named by DATABASE_URL / REDIS_URL, else an embedded
 * PostgreSQL and a redis-server, both started from Maven artifacts. If the bundled redis-server cannot
 * run on this OS, the platform runs on PostgreSQL alone, as it does in AWS during a Redis outage.
 */
final class LocalServices implements AutoCloseable {

    record Database(String url, String user, String password, String origin) {}

    private EmbeddedPostgres postgres;
    private RedisServer redis;

    Database database(String url, String user, String password) throws IOException {
        if (url != null && !url.isBlank()) return new Database(url, user, password, "DATABASE_URL");
        postgres = EmbeddedPostgres.builder().start();
        return new Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
                "embedded PostgreSQL on port " + postgres.getPort());
    }

    /** A Redis URL, or null when none could be had. */
    String redis(String url) {
        if (url != null && !url.isBlank()) return url;
        try {
            int port = freePort();
            redis = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no").build();
            redis.start();
            return "redis://127.0.0.1:" + port;
        } catch (IOException | RuntimeException e) {
            redis = null;
            return null;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            if (redis != null) redis.stop();
        } catch (IOException ignored) {
            // shutting down
        }
        try {
            if (postgres != null) postgres.close();
        } catch (IOException ignored) {
            // shutting down
        }
    }
}
