package com.jorge.platform.cache;

import com.jorge.platform.testkit.TestRedisCluster;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's master kill on a real 6-node cluster (three masters, three replicas, node timeout 2 s):
 * writes with SET + WAIT 1 run against every shard, the master of slots 0-5460 is SIGKILLed, the
 * cluster promotes its replica, and the client must find the new master by itself (no restart, no
 * call from the test) within seconds of the promotion; the killed node is started again and rejoins as
 * a replica, after which WAIT 1 confirms writes again; every write the client acknowledged must read
 * back. Takes 10 to 20 s, most of it the cluster's own failure detection.
 */
class RedisMasterFailoverTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500), WAIT = Duration.ofMillis(250), TTL = Duration.ofMinutes(10);
    private static final int KILLED = 0, ITS_REPLICA = 3, KILLED_LAST_SLOT = 5460;

    @Test
    void theClientFindsThePromotedReplicaByItselfAndNoAcknowledgedWriteIsLost() throws Exception {
        try (TestRedisCluster cluster = TestRedisCluster.start();
             RedisConnector redis = new RedisConnector(String.join(",", cluster.seedUrls()), true, TIMEOUT);
             Observer replica = new Observer(cluster.port(ITS_REPLICA))) {
            long ready = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (redis.replicationLagBytes() < 0) { // every replica's first sync done
                assertThat(System.nanoTime()).as("replicas online within 20 s").isLessThan(ready);
                Thread.sleep(50);
            }
            Load load = new Load(redis);
            load.runFor(Duration.ofMillis(1500));
            assertThat(load.ackedOnKilledShard).as("acknowledged writes on the shard before the kill").isPositive();

            long killedAt = System.nanoTime();
            cluster.kill(KILLED);
            long promotedAt = -1, recoveredAt = -1, deadline = killedAt + Duration.ofSeconds(30).toNanos();
            int ackedElsewhereBefore = load.ackedElsewhere;
            while ((promotedAt < 0 || recoveredAt < 0) && System.nanoTime() < deadline) {
                if (load.writeOnce() && recoveredAt < 0) recoveredAt = System.nanoTime();
                if (promotedAt < 0 && replica.isMaster()) promotedAt = System.nanoTime();
            }
            assertThat(promotedAt).as("the cluster promoted the replica within 30 s").isPositive();
            assertThat(recoveredAt).as("the client wrote to the shard's new master within 30 s of the kill").isPositive();
            assertThat(load.ackedElsewhere).as("the other shards kept acknowledging writes").isGreaterThan(ackedElsewhereBefore);

            cluster.restart(KILLED); // rejoins as the promoted node's replica, empty, and syncs from it
            long restartedAt = System.nanoTime(), durableAt = -1;
            int ackedBefore = load.ackedOnKilledShard;
            deadline = restartedAt + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && durableAt < 0) {
                load.writeOnce();
                if (load.ackedOnKilledShard > ackedBefore) durableAt = System.nanoTime();
            }
            assertThat(durableAt).as("WAIT 1 confirms the shard's writes again once the old master is its replica").isPositive();

            int lost = 0;
            for (Map.Entry<String, String> e : load.acknowledged.entrySet()) {
                if (!e.getValue().equals(redis.commands().get(e.getKey()))) lost++;
            }
            System.out.printf(Locale.ROOT, "redis cluster master kill: replica promoted %.1f s after the kill; client writing to "
                            + "the shard again %.1f s after the kill (%.1f s after the promotion, by itself); WAIT 1 confirming again "
                            + "%.1f s after the old master restarted; %d writes acknowledged, %d lost; %d writes failed or unconfirmed "
                            + "(indicative, loaded machine)%n",
                    seconds(promotedAt - killedAt), seconds(recoveredAt - killedAt), seconds(recoveredAt - promotedAt),
                    seconds(durableAt - restartedAt), load.acknowledged.size(), lost, load.unacknowledged);
            assertThat(lost).as("acknowledged writes lost").isZero();
            assertThat(seconds(recoveredAt - promotedAt)).as("client lag behind the cluster's promotion, s").isLessThan(5.0);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Unique keys over all slots, one SET + WAIT 1 each; a key counts as acknowledged only when WAIT confirmed it. */
    private static final class Load {
        final RedisConnector redis;
        final Map<String, String> acknowledged = new LinkedHashMap<>();
        int next, ackedOnKilledShard, ackedElsewhere, unacknowledged;

        Load(RedisConnector redis) {
            this.redis = redis;
        }

        void runFor(Duration d) {
            long until = System.nanoTime() + d.toNanos();
            while (System.nanoTime() < until) writeOnce();
        }

        /** Writes the next key of the killed master's shard, then one elsewhere; true when the shard took its write. */
        boolean writeOnce() {
            boolean shardTookIt = write(nextKey(true)) != Outcome.FAILED;
            write(nextKey(false));
            return shardTookIt;
        }

        private String nextKey(boolean onKilledShard) {
            while (true) {
                String key = "failover:{" + next++ + "}";
                if ((SlotHash.getSlot(key) <= KILLED_LAST_SLOT) == onKilledShard) return key;
            }
        }

        private enum Outcome { CONFIRMED, UNCONFIRMED, FAILED }

        private Outcome write(String key) {
            String value = "v" + next;
            try {
                if (redis.setReplicated(key, value, TTL, 1, WAIT)) {
                    acknowledged.put(key, value);
                    if (SlotHash.getSlot(key) <= KILLED_LAST_SLOT) ackedOnKilledShard++;
                    else ackedElsewhere++;
                    return Outcome.CONFIRMED;
                }
                unacknowledged++;
                return Outcome.UNCONFIRMED;
            } catch (CacheUnavailableException e) {
                unacknowledged++;
                return Outcome.FAILED;
            }
        }
    }

    /** A direct connection to the replica, to see when the cluster (not the client under test) promoted it. */
    private static final class Observer implements AutoCloseable {
        final RedisClient client;
        final StatefulRedisConnection<String, String> connection;
        long nextLook;

        Observer(int port) {
            client = RedisClient.create(RedisURI.create("127.0.0.1", port));
            connection = client.connect();
        }

        boolean isMaster() {
            if (System.nanoTime() < nextLook) return false;
            nextLook = System.nanoTime() + 20_000_000L;
            return connection.sync().info("replication").contains("role:master");
        }

        @Override
        public void close() {
            connection.close();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }
}
