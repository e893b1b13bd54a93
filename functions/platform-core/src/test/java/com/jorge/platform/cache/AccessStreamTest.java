package com.jorge.platform.cache;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.testkit.TestRedis;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Access capture wired into LeadCache, streamed into a real Redis and read back as the warmer reads it. */
class AccessStreamTest {

    @Test
    void everyGetOfACapturedCacheReachesTheStreamWithItsKeyClassLocationLeadAndTime() throws Exception {
        try (RedisConnector redis = new RedisConnector(TestRedis.standaloneUrl(), false, Duration.ofMillis(500))) {
            CacheKeys keys = new CacheKeys(TestRedis.namespace("access"));
            AccessStream stream = new AccessStream(redis, keys);
            long before = System.currentTimeMillis();
            AccessCapture capture = new AccessCapture(1, 1_000, stream);
            LeadCache cache = new LeadCache(redis, keys, PlatformJson.mapper(), Duration.ofDays(7), Duration.ofDays(1))
                    .withAccessCapture(capture);
            LeadRef lead = new LeadRef("loc-7", "c-42");
            cache.conversation(lead); // a miss is a get too: the warmer wants what is asked for
            cache.profile(lead);
            cache.conversation(new LeadRef("loc-8", "c-43"));
            capture.close();

            List<AccessCapture.Access> seen = stream.since(before - 1);
            assertThat(seen).extracting(AccessCapture.Access::keyClass, AccessCapture.Access::locationId, AccessCapture.Access::contactId)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(AccessCapture.KeyClass.CONVERSATION, "loc-7", "c-42"),
                            org.assertj.core.groups.Tuple.tuple(AccessCapture.KeyClass.PROFILE, "loc-7", "c-42"),
                            org.assertj.core.groups.Tuple.tuple(AccessCapture.KeyClass.CONVERSATION, "loc-8", "c-43"));
            assertThat(seen).allSatisfy(a -> assertThat(a.atMillis()).isBetween(before, System.currentTimeMillis()));
            assertThat(capture.written()).isEqualTo(3);
            assertThat(stream.since(System.currentTimeMillis() + 60_000)).isEmpty();
        }
    }

    @Test
    void anIdThatWouldBreakTheLineFormatIsLeftOutNotMisread() {
        try (RedisConnector redis = new RedisConnector(TestRedis.standaloneUrl(), false, Duration.ofMillis(500))) {
            AccessStream stream = new AccessStream(redis, new CacheKeys(TestRedis.namespace("access")));
            stream.write(List.of(new AccessCapture.Access(AccessCapture.KeyClass.PROFILE, "loc\t1", "c1", 5),
                    new AccessCapture.Access(AccessCapture.KeyClass.PROFILE, "loc-1", "c\n2", 6),
                    new AccessCapture.Access(AccessCapture.KeyClass.BI, "loc-1", "-", 7)));
            assertThat(stream.since(0)).containsExactly(new AccessCapture.Access(AccessCapture.KeyClass.BI, "loc-1", "-", 7));
            assertThat(stream.oldestMillis()).hasValue(7); // how far back the (trimmed) stream reaches
            for (int i = 0; i < 2 * AccessStream.PAGE + 5; i++) {
                stream.write(List.of(new AccessCapture.Access(AccessCapture.KeyClass.PROFILE, "loc-1", "c" + i, 10 + i)));
            }
            List<Long> paged = new java.util.ArrayList<>();
            stream.forEachSince(0, a -> paged.add(a.atMillis()));
            assertThat(paged).hasSize(2 * AccessStream.PAGE + 6).isSorted(); // every page, each entry once
            assertThat(new AccessStream(redis, new CacheKeys(TestRedis.namespace("access-none"))).oldestMillis()).isEmpty();
        }
    }

    @Test
    void captureIsOffUnlessConfiguredAndABadSampleRateNamesItsSetting() {
        assertThat(AccessCapture.Settings.fromConfig(com.jorge.platform.config.PlatformConfig.of(java.util.Map.of())).enabled()).isFalse();
        assertThat(AccessCapture.Settings.fromConfig(com.jorge.platform.config.PlatformConfig.of(
                java.util.Map.of("ACCESS_CAPTURE_SAMPLE_EVERY", "16"))).sampleEvery()).isEqualTo(16);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AccessCapture.Settings.fromConfig(com.jorge.platform.config.PlatformConfig.of(
                java.util.Map.of("ACCESS_CAPTURE_SAMPLE_EVERY", "-1")))).hasMessageContaining("ACCESS_CAPTURE_SAMPLE_EVERY");
    }
}
