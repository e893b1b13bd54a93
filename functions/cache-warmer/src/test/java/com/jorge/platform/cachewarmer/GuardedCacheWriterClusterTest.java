package com.jorge.platform.cachewarmer;

import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.testkit.TestRedisCluster;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The guarded writes on a real six-node cluster, as ElastiCache runs in cluster mode. */
class GuardedCacheWriterClusterTest {

    static TestRedisCluster cluster;

    @BeforeAll
    static void start() {
        cluster = TestRedisCluster.start();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void bothKeysOfALeadAreWrittenInOneScriptOnWhicheverMasterOwnsItsSlot() {
        try (RedisConnector redis = new RedisConnector(String.join(",", cluster.seedUrls()), true, Duration.ofSeconds(1))) {
            CacheKeys keys = new CacheKeys(TestRedis.namespace("warmer-cluster"));
            GuardedCacheWriter writer = new GuardedCacheWriter(redis, keys, Duration.ofMinutes(10));
            RedisClusterCommands<String, String> cmd = redis.commands();
            var leads = IntStream.range(0, 30).mapToObj(i -> new LeadRef("loc-" + i, "c-" + i)).toList();

            for (LeadRef lead : leads) {
                assertThat(writer.warm(lead, "{\"version\":3,\"stage\":\"qualifying\"}", 3, "{\"firstName\":\"A\"}").any()).isTrue();
            }
            // again with an older version: the cached state stays, nothing is written
            for (LeadRef lead : leads) {
                assertThat(writer.warm(lead, "{\"version\":2,\"stage\":\"old\"}", 2, "{\"firstName\":\"B\"}").any()).isFalse();
                assertThat(cmd.get(keys.conversation(lead))).contains("qualifying");
                assertThat(cmd.get(keys.profile(lead))).contains("\"A\"");
            }
            // a newer version replaces it; the profile (worker-evicted, never versioned) stays
            GuardedCacheWriter.Written newer = writer.warm(leads.get(0), "{\"version\":4,\"stage\":\"booking\"}", 4, "{\"firstName\":\"C\"}");
            assertThat(newer).isEqualTo(new GuardedCacheWriter.Written(true, false));
            assertThat(cmd.get(keys.conversation(leads.get(0)))).contains("booking");

            // retract deletes only what it is told it wrote, and only while it is still there
            assertThat(writer.retract(leads.get(1), "{\"version\":3,\"stage\":\"qualifying\"}", "{\"firstName\":\"other\"}")).isEqualTo(1);
            assertThat(cmd.exists(keys.conversation(leads.get(1)))).isZero();
            assertThat(cmd.exists(keys.profile(leads.get(1)))).isEqualTo(1);
        }
    }

    @Test
    void aBatchGoesAsOnePipelinePerMasterAndEveryLeadGetsItsOwnAnswerInOrder() {
        try (RedisConnector redis = new RedisConnector(String.join(",", cluster.seedUrls()), true, Duration.ofSeconds(2))) {
            CacheKeys keys = new CacheKeys(TestRedis.namespace("warmer-pipeline"));
            GuardedCacheWriter writer = new GuardedCacheWriter(redis, keys, Duration.ofMinutes(10));
            RedisClusterCommands<String, String> cmd = redis.commands();
            var leads = IntStream.range(0, 300).mapToObj(i -> new LeadRef("loc-" + i % 7, "c-" + i)).toList();
            // every third lead already has a newer conversation cached by the worker: the script keeps it
            for (int i = 0; i < leads.size(); i += 3) cmd.set(keys.conversation(leads.get(i)), "{\"version\":9,\"stage\":\"worker\"}");
            Map<String, Long> before = evalCallsPerMaster(cmd);
            assertThat(before).hasSize(3);

            var written = writer.warmAll(leads.stream().map(l -> new GuardedCacheWriter.Warm(l,
                    "{\"version\":3,\"stage\":\"warm-" + l.contactId() + "\"}", 3, "{\"firstName\":\"P\"}")).toList());

            assertThat(written).hasSize(leads.size());
            for (int i = 0; i < leads.size(); i++) {
                assertThat(written.get(i)).as("lead " + i).isEqualTo(new GuardedCacheWriter.Written(i % 3 != 0, true));
                String conversation = cmd.get(keys.conversation(leads.get(i)));
                assertThat(conversation).as("lead " + i).contains(i % 3 == 0 ? "worker" : "warm-c-" + i);
            }
            // each master ran exactly the scripts of the leads whose slot it owns, nothing was redirected
            Map<String, Long> after = evalCallsPerMaster(cmd);
            Map<String, Long> owned = new java.util.HashMap<>();
            for (LeadRef lead : leads) {
                String node = cmd.clusterNodes().lines()
                        .filter(line -> line.contains("master") && ownsSlot(line, io.lettuce.core.cluster.SlotHash.getSlot(keys.conversation(lead))))
                        .findFirst().orElseThrow().split(" ")[1].replaceAll("@.*", "");
                owned.merge(node, 1L, Long::sum);
            }
            assertThat(owned).hasSize(3);
            for (Map.Entry<String, Long> node : owned.entrySet()) {
                assertThat(after.get(node.getKey()) - before.get(node.getKey())).as(node.getKey()).isEqualTo(node.getValue());
            }

            // a node that lost its scripts (a restart, a failover to a fresh replica) answers NOSCRIPT: the batch goes again as EVAL
            for (int node = 0; node < 6; node++) {
                try (var direct = io.lettuce.core.RedisClient.create("redis://127.0.0.1:" + cluster.port(node)).connect()) {
                    direct.sync().scriptFlush();
                }
            }
            var again = writer.warmAll(leads.stream().map(l -> new GuardedCacheWriter.Warm(l,
                    "{\"version\":4,\"stage\":\"newer\"}", 4, "{\"firstName\":\"Q\"}")).toList());
            for (int i = 0; i < leads.size(); i++) {
                assertThat(again.get(i)).as("lead " + i).isEqualTo(new GuardedCacheWriter.Written(i % 3 != 0, false));
            }
        }
    }

    /** EVALSHA and EVAL calls so far on each master, by its address (INFO commandstats). */
    private static Map<String, Long> evalCallsPerMaster(RedisClusterCommands<String, String> cmd) {
        Map<String, Long> calls = new java.util.HashMap<>();
        for (String line : cmd.clusterNodes().lines().filter(l -> l.contains("master") && !l.contains("fail")).toList()) {
            String address = line.split(" ")[1].replaceAll("@.*", "");
            String[] hostPort = address.split(":");
            try (var direct = io.lettuce.core.RedisClient.create("redis://" + hostPort[0] + ":" + hostPort[1]).connect()) {
                long total = 0;
                for (String stat : direct.sync().info("commandstats").split("\r?\n")) {
                    if (stat.startsWith("cmdstat_evalsha:") || stat.startsWith("cmdstat_eval:")) {
                        total += Long.parseLong(stat.replaceAll("^cmdstat_[a-z]+:calls=(\\d+),.*", "$1"));
                    }
                }
                calls.put(address, total);
            }
        }
        return calls;
    }

    private static boolean ownsSlot(String nodesLine, int slot) {
        String[] parts = nodesLine.split(" ");
        for (int i = 8; i < parts.length; i++) {
            if (parts[i].startsWith("[")) continue;
            String[] range = parts[i].split("-");
            int from = Integer.parseInt(range[0]), to = Integer.parseInt(range[range.length - 1]);
            if (slot >= from && slot <= to) return true;
        }
        return false;
    }
}
