package com.jorge.platform.cache;

import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.testkit.TestRedisCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicated writes (SET + WAIT 1 on the owning master) and the replication lag on a real 6-node cluster
 * (TestRedisCluster: 3 masters, 3 replicas). The master kill on top of this is {@link RedisMasterFailoverTest}.
 */
class RedisReplicationTest {

    private static TestRedisCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestRedisCluster.start();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void writesAreConfirmedByAReplicaOnceEveryReplicaHasSyncedAndTheLagIsRead() throws Exception {
        try (RedisConnector redis = new RedisConnector(String.join(",", cluster.seedUrls()), true, Duration.ofMillis(500))) {
            Duration ttl = Duration.ofMinutes(10), wait = Duration.ofSeconds(1); // generous: a loaded build machine
            long ready = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (redis.replicationLagBytes() < 0) { // every replica's first sync done
                assertThat(System.nanoTime()).as("replicas online within 20 s").isLessThan(ready);
                Thread.sleep(100);
            }

            // WAIT's cost: plain SET against SET + WAIT 1
            long plain = System.nanoTime();
            for (int i = 0; i < 200; i++) redis.commands().set("replicated:{cost}:" + i, "v");
            double plainMicros = (System.nanoTime() - plain) / 1e3 / 200;
            long waited = System.nanoTime();
            for (int i = 0; i < 200; i++) assertThat(redis.setReplicated("replicated:{cost}:" + i, "v", ttl, 1, wait)).isTrue();
            double waitedMicros = (System.nanoTime() - waited) / 1e3 / 200;
            long lagBefore = redis.replicationLagBytes();
            assertThat(lagBefore).isGreaterThanOrEqualTo(0); // every master has its replica online

            System.out.printf(Locale.ROOT, "redis cluster: SET %.0f µs, SET + WAIT 1 %.0f µs on this (loaded) machine; "
                    + "replication lag %d bytes%n", plainMicros, waitedMicros, lagBefore);
            for (int i = 0; i < 200; i++) {
                assertThat(redis.commands().get("replicated:{cost}:" + i)).isEqualTo("v");
            }
        }
    }

    @Test
    void aWaitLongerThanTheCommandTimeoutAnswersHowManyReplicasConfirmedInsteadOfFailing() {
        // the machine's standalone Redis has no replica: WAIT 1 blocks for its whole timeout and answers 0
        try (RedisConnector redis = new RedisConnector(TestRedis.standaloneUrl(), false, Duration.ofMillis(100))) {
            long start = System.nanoTime();
            assertThat(redis.setReplicated(TestRedis.namespace("wait") + ":k", "v", Duration.ofMinutes(1), 1,
                    Duration.ofMillis(400))).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @Test
    void replicationLagIsReadFromInfoReplication() {
        String info = "# Replication\r\nrole:master\r\nconnected_slaves:2\r\n"
                + "slave0:ip=127.0.0.1,port=7004,state=online,offset=1000,lag=0\r\n"
                + "slave1:ip=127.0.0.1,port=7005,state=online,offset=940,lag=1\r\nmaster_repl_offset:1024\r\n";
        assertThat(RedisConnector.lag(info)).isEqualTo(84);
        assertThat(RedisConnector.lag("role:master\r\nconnected_slaves:0\r\nmaster_repl_offset:77\r\n")).isEqualTo(-1);
        assertThat(RedisConnector.lag("slave0:ip=127.0.0.1,port=1,state=wait_bgsave,offset=0,lag=0\r\nmaster_repl_offset:9\r\n")).isEqualTo(-1);
    }
}
