package com.jorge.platform.perf.cachewarming;

import com.jorge.platform.cache.AccessCapture;
import com.jorge.platform.cache.AccessStream;
import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.RedisConnector;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What access capture costs the reply path (perf/cache-warming/capture.sh): the time of a cache get in
 * process (a map lookup standing in for the local part of a get) without capture and with capture
 * sampling 1 in 1, 16 and 128, at a fixed 20,000 gets/s (far above one worker's rate), the sampled
 * records streamed by the capture's thread into a real Redis stream by platform-core's
 * {@link AccessStream} (what LeadCache's capture uses: one XADD per batch); beside it, a Redis GET round
 * trip on the same machine. Only the gets are timed (batches of
 * 100), not the wait between them.
 *
 * <pre>AccessCaptureCost [redis://127.0.0.1:6379]</pre>
 */
public final class AccessCaptureCost {

    private static final int LEADS = 10_000;
    private static final long RUN_NANOS = 3_000_000_000L;
    private static final long BATCH_INTERVAL_NANOS = 5_000_000L; // 100 gets every 5 ms = 20,000/s

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "redis://127.0.0.1:6379";
        String namespace = "perf-access-capture-" + ProcessHandle.current().pid();
        String[] locations = new String[LEADS], contacts = new String[LEADS];
        Map<String, byte[]> cache = new ConcurrentHashMap<>();
        for (int i = 0; i < LEADS; i++) {
            locations[i] = "loc-" + (i % 300);
            contacts[i] = "c" + i;
            cache.put("jorge:{" + locations[i] + ":" + contacts[i] + "}:conversation", new byte[64]);
        }
        String[] keys = cache.keySet().toArray(String[]::new);
        RedisClient client = RedisClient.create(url);
        try (RedisConnector sinkConnection = new RedisConnector(url, false, Duration.ofSeconds(2));
             StatefulRedisConnection<String, String> getConnection = client.connect()) {
            AccessCapture.Sink sink = new AccessStream(sinkConnection, new CacheKeys(namespace));
            System.out.printf(Locale.ROOT, "%-22s %10s %12s %10s %10s%n", "capture", "ns/get", "gets", "written", "dropped");
            for (int round = 0; round < 2; round++) { // the first round warms the JIT; report both
                run("none", null, cache, keys, locations, contacts);
                for (int every : new int[] {128, 16, 1}) {
                    try (AccessCapture capture = new AccessCapture(every, 8_192, sink)) {
                        run("1 in " + every + ", Redis stream", capture, cache, keys, locations, contacts);
                    }
                }
            }
            RedisCommands<String, String> redis = getConnection.sync();
            redis.set("perf:access-capture:probe", "x".repeat(2048));
            long started = System.nanoTime();
            int gets = 20_000;
            for (int i = 0; i < gets; i++) redis.get("perf:access-capture:probe");
            System.out.printf(Locale.ROOT, "a Redis GET round trip (2 KB, loopback, sync): %.1f µs%n",
                    (System.nanoTime() - started) / 1e3 / gets);
            redis.del("perf:access-capture:probe", namespace + ":access");
        } finally {
            client.shutdown();
        }
    }

    private static void run(String label, AccessCapture capture, Map<String, byte[]> cache, String[] keys,
                            String[] locations, String[] contacts) throws InterruptedException {
        long gets = 0, sink = 0, busy = 0;
        long started = System.nanoTime(), deadline = started + RUN_NANOS, next = started;
        int i = 0;
        while (next < deadline) {
            while (System.nanoTime() < next) Thread.onSpinWait();
            long t0 = System.nanoTime();
            for (int k = 0; k < 100; k++) {
                byte[] v = cache.get(keys[i]);
                sink += v.length;
                if (capture != null) capture.record(AccessCapture.KeyClass.CONVERSATION, locations[i], contacts[i]);
                if (++i == keys.length) i = 0;
            }
            busy += System.nanoTime() - t0;
            gets += 100;
            next += BATCH_INTERVAL_NANOS;
        }
        double ns = (double) busy / gets;
        long written = 0, dropped = 0;
        if (capture != null) {
            capture.close();
            written = capture.written();
            dropped = capture.dropped();
        }
        System.out.printf(Locale.ROOT, "%-22s %10.1f %,12d %,10d %,10d%s%n", label, ns, gets, written, dropped, sink == 0 ? "!" : "");
    }
}
