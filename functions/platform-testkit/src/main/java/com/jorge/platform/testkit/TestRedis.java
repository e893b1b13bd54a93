package com.jorge.platform.testkit;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A real Redis for tests: {@code JORGE_TEST_REDIS_URL}, else the server on 127.0.0.1:6379 when it
 * answers PING, else a redis-server binary started from the embedded-redis Maven artifact. For a
 * cluster see {@link TestRedisCluster}. Callers
 * isolate themselves with {@link #namespace(String)} key prefixes, since a cluster has no databases.
 */
public final class TestRedis {

    private static String standaloneUrl;

    private TestRedis() {}

    public static synchronized String standaloneUrl() {
        if (standaloneUrl != null) return standaloneUrl;
        String explicit = System.getenv("JORGE_TEST_REDIS_URL");
        if (explicit != null && !explicit.isBlank()) return standaloneUrl = explicit;
        if (pings("127.0.0.1", 6379)) return standaloneUrl = "redis://127.0.0.1:6379";
        int port = freePort();
        try {
            RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server::stop)));
        } catch (IOException e) {
            throw new UncheckedIOException("No Redis on 127.0.0.1:6379 and the embedded one failed to start", e);
        }
        return standaloneUrl = "redis://127.0.0.1:" + port;
    }

    /** A unique key prefix for one test class. */
    public static String namespace(String purpose) {
        return "test-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static boolean pings(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[7];
            int n = in.read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface IoAction { void run() throws IOException; }

    private static void stopQuietly(IoAction action) {
        try { action.run(); } catch (IOException | RuntimeException ignored) { /* best effort at shutdown */ }
    }
}
