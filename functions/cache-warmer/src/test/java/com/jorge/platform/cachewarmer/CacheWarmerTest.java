package com.jorge.platform.cachewarmer;

import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.CacheUnavailableException;
import com.jorge.platform.cache.LeadCache;
import com.jorge.platform.cache.RedisConnector;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.conversation.Temperature;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.storage.ContactRecord;
import com.jorge.platform.storage.ContactRepository;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.state.ConversationStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The warmer against the real PostgreSQL and Redis, checked through the worker's own read path. */
class CacheWarmerTest {

    static final Instant NOW = Instant.parse("2026-03-10T16:00:00Z");

    // ranked as the README says: awaiting a fresh answer, a held reply due soon, an appointment, old activity
    static final LeadRef AWAITING = new LeadRef("loc-a", "c-awaiting");
    static final LeadRef HELD = new LeadRef("loc-b", "c-held");
    static final LeadRef APPOINTMENT = new LeadRef("loc-a", "c-appointment");
    static final LeadRef OLD_ACTIVITY = new LeadRef("loc-c", "c-old-activity");
    // never warmed
    static final LeadRef OPTED_OUT = new LeadRef("loc-a", "c-opted-out");
    static final LeadRef DND = new LeadRef("loc-b", "c-dnd");
    static final LeadRef DELETED = new LeadRef("loc-c", "c-deleted");
    static final LeadRef DORMANT = new LeadRef("loc-a", "c-dormant");
    static final LeadRef CANCELLED = new LeadRef("loc-b", "c-cancelled");
    static final List<LeadRef> WANTED = List.of(AWAITING, HELD, APPOINTMENT, OLD_ACTIVITY);
    static final List<LeadRef> UNWANTED = List.of(OPTED_OUT, DND, DELETED, DORMANT, CANCELLED);

    static WarmerRig rig;

    final RecordedMetrics metrics = new RecordedMetrics();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    CacheWarmerSettings settings;

    @BeforeAll
    static void seed() throws Exception {
        rig = WarmerRig.shared();
        rig.contact(AWAITING, "Maria", false, false);
        rig.conversation(AWAITING, "qualifying", Temperature.HOT, false, NOW.minusSeconds(20 * 60), NOW.minusSeconds(10 * 60));
        rig.contact(HELD, "Ken", false, false);
        rig.conversation(HELD, "qualifying", Temperature.COLD, false, NOW.minusSeconds(6 * 3600), NOW.minusSeconds(6 * 3600));
        rig.heldReply(HELD, NOW.plusSeconds(20 * 60));
        rig.contact(APPOINTMENT, "Ana", false, false); // booked through a GHL calendar, no conversation yet
        rig.appointment(APPOINTMENT, "appt-1", "confirmed", NOW.plusSeconds(2 * 3600));
        rig.contact(OLD_ACTIVITY, "Lee", false, false);
        rig.conversation(OLD_ACTIVITY, "nurture", Temperature.COLD, false, NOW.minusSeconds(3 * 86400), NOW.minusSeconds(3 * 86400 - 60));

        rig.contact(OPTED_OUT, "Opt", false, false);
        rig.conversation(OPTED_OUT, "opted_out", Temperature.COLD, true, NOW.minusSeconds(300), NOW.minusSeconds(200));
        rig.contact(DND, "Dee", true, false);
        rig.conversation(DND, "qualifying", Temperature.WARM, false, NOW.minusSeconds(600), NOW.minusSeconds(500));
        rig.contact(DELETED, "Del", false, true);
        rig.conversation(DELETED, "qualifying", Temperature.WARM, false, NOW.minusSeconds(600), NOW.minusSeconds(500));
        rig.appointment(DELETED, "appt-del", "confirmed", NOW.plusSeconds(3600));
        rig.contact(DORMANT, "Dor", false, false);
        rig.conversation(DORMANT, "nurture", Temperature.COLD, false, NOW.minusSeconds(30 * 86400), NOW.minusSeconds(30 * 86400));
        rig.contact(CANCELLED, "Can", false, false);
        rig.appointment(CANCELLED, "appt-can", "cancelled", NOW.plusSeconds(3600));
    }

    @BeforeEach
    void freshNamespace() {
        // every seeded lead counts here, whatever its chance (the threshold has its own test: FollowUpWarmingTest)
        settings = CacheWarmerSettings.defaults().withNamespace(TestRedis.namespace("warmer")).withMinChance(0)
                .withBackoffLatency(Duration.ofSeconds(5)); // a loaded build machine is no busy Redis
    }

    @Test
    void theWorkersReadsHitForRankedLeadsAndMissForOptedOutDndDeletedAndDormantOnes() throws Exception {
        WarmSummary summary = rig.warmer(settings, metrics, clock).run();

        assertThat(summary.considered()).isEqualTo(WANTED.size());
        assertThat(summary.warmed()).isEqualTo(WANTED.size());
        assertThat(summary.stoppedBy()).isEqualTo(WarmSummary.StopReason.COMPLETED);
        assertThat(metrics.counter(CacheWarmerMetrics.WARMED)).isEqualTo(WANTED.size());

        RecordedMetrics worker = new RecordedMetrics();
        ConversationStore store = rig.workerStore(settings.namespace(), worker);
        for (LeadRef lead : List.of(AWAITING, HELD, OLD_ACTIVITY)) {
            ConversationState fromAurora = rig.db.inTransaction(c -> rig.conversations.find(c, lead)).orElseThrow();
            ConversationState loaded = rig.db.inTransaction(c -> store.load(c, lead));
            assertThat(loaded).as(lead.contactId()).isEqualTo(fromAurora);
        }
        assertThat(worker.counter(PlatformMetrics.CACHE_HITS)).isEqualTo(3);
        assertThat(worker.counter(PlatformMetrics.CACHE_MISSES)).isZero();
        for (LeadRef lead : WANTED) {
            ContactRecord profile = rig.db.inTransaction(c -> store.profile(c, lead)).orElseThrow();
            assertThat(profile.firstName()).isNotBlank();
        }
        assertThat(worker.counter(PlatformMetrics.CACHE_HITS)).isEqualTo(3 + WANTED.size());
        assertThat(worker.counter(PlatformMetrics.CACHE_MISSES)).isZero();

        LeadCache cache = rig.workerCache(settings.namespace());
        for (LeadRef lead : UNWANTED) {
            assertThat(cache.conversation(lead)).as(lead.contactId()).isEmpty();
            assertThat(cache.profile(lead)).as(lead.contactId()).isEmpty();
        }
        // warmed entries expire by themselves unless the worker touches them
        long ttl = rig.redis.commands().pttl(new CacheKeys(settings.namespace()).conversation(AWAITING));
        assertThat(ttl).isPositive().isLessThanOrEqualTo(settings.entryTtl().toMillis());
    }

    @Test
    void theLeadBudgetKeepsTheHighestRankedLeads() throws Exception {
        WarmSummary summary = rig.warmer(settings.withBudget(2, Long.MAX_VALUE), metrics, clock).run();

        assertThat(summary.warmed()).isEqualTo(2);
        assertThat(summary.skipped()).isEqualTo(WANTED.size() - 2);
        assertThat(summary.stoppedBy()).isEqualTo(WarmSummary.StopReason.LEAD_BUDGET);
        assertThat(cached(settings.namespace())).containsExactlyInAnyOrder(AWAITING, HELD);
    }

    @Test
    void theByteBudgetStopsBeforeTheFirstLeadThatDoesNotFit() throws Exception {
        WarmSummary all = rig.warmer(settings, new RecordedMetrics(), clock).run();
        String second = TestRedis.namespace("warmer");
        // room for everything but a byte: the lowest-ranked lead no longer fits (namespaces have one length)
        WarmSummary capped = rig.warmer(settings.withNamespace(second).withBudget(100, all.bytes() - 1), metrics, clock).run();

        assertThat(capped.stoppedBy()).isEqualTo(WarmSummary.StopReason.BYTE_BUDGET);
        assertThat(capped.bytes()).isLessThan(all.bytes());
        assertThat(capped.warmed()).isEqualTo(WANTED.size() - 1);
        assertThat(cached(second)).containsExactlyInAnyOrder(AWAITING, HELD, APPOINTMENT);
    }

    @Test
    void aNewerStateTheWorkerCachedIsNeverOverwrittenAndKeepsItsLongerTtl() throws Exception {
        LeadCache worker = rig.workerCache(settings.namespace());
        ConversationState stored = rig.db.inTransaction(c -> rig.conversations.find(c, AWAITING)).orElseThrow();
        ConversationState newer = withStageAndVersion(stored, "booking", stored.version() + 1);
        worker.putConversation(AWAITING, newer);
        ConversationState older = withStageAndVersion(rig.db.inTransaction(c -> rig.conversations.find(c, HELD)).orElseThrow(), "stale", 0);
        worker.putConversation(HELD, older);
        ContactRecord workersProfile = rig.db.inTransaction(c -> new ContactRepository().find(c, AWAITING)).orElseThrow();
        worker.putProfile(AWAITING, workersProfile);

        WarmSummary summary = rig.warmer(settings, metrics, clock).run();

        assertThat(worker.conversation(AWAITING)).contains(newer);
        long ttl = rig.redis.commands().pttl(new CacheKeys(settings.namespace()).conversation(AWAITING));
        assertThat(ttl).isGreaterThan(settings.entryTtl().toMillis()); // the worker's 7 days, not shortened
        assertThat(summary.alreadyWarm()).isEqualTo(1);
        // an older cached copy is replaced by Aurora's
        assertThat(worker.conversation(HELD).orElseThrow().version()).isEqualTo(older.version() + 1);
        assertThat(worker.conversation(HELD).orElseThrow().stage()).isEqualTo("qualifying");
    }

    @Test
    void aSecondRunWritesNothingNewAndOnlyRefreshesTtls() throws Exception {
        CacheWarmer warmer = rig.warmer(settings, metrics, clock);
        WarmSummary first = warmer.run();
        Map<String, String> afterFirst = snapshot(settings.namespace());
        String key = new CacheKeys(settings.namespace()).profile(APPOINTMENT);
        rig.redis.commands().pexpire(key, 60_000); // as if the entry had aged

        WarmSummary second = warmer.run();

        assertThat(second.warmed()).isZero();
        assertThat(second.alreadyWarm()).isEqualTo(first.warmed());
        assertThat(second.considered()).isEqualTo(first.considered());
        assertThat(second.bytes()).isEqualTo(first.bytes());
        assertThat(snapshot(settings.namespace())).isEqualTo(afterFirst);
        assertThat(rig.redis.commands().pttl(key)).isGreaterThan(60_000);
    }

    @Test
    void aLeadThatChangesWhileBeingWarmedHasItsFreshCopyRetracted() throws Exception {
        LeadRef racing = new LeadRef("loc-d", "c-racing");
        rig.contact(racing, "Rae", false, false);
        rig.conversation(racing, "qualifying", Temperature.HOT, false, NOW.minusSeconds(60), NOW.minusSeconds(30));
        try {
            // the worker marks the contact deleted after the warmer read it, before the warmer writes it
            // (the clock is read once per run, once per batch, then once before each lead's write)
            AtomicInteger reads = new AtomicInteger();
            Clock racingClock = new HookedClock(NOW, () -> {
                if (reads.incrementAndGet() == 3) {
                    try {
                        rig.sql("UPDATE contacts SET deleted_at = now(), updated_at = now() WHERE contact_id = 'c-racing'");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });

            WarmSummary summary = rig.warmer(settings, metrics, racingClock).run();

            assertThat(summary.retracted()).isEqualTo(1);
            assertThat(rig.workerCache(settings.namespace()).profile(racing)).isEmpty();
            assertThat(rig.workerCache(settings.namespace()).conversation(racing)).isEmpty();
            assertThat(cached(settings.namespace())).containsExactlyInAnyOrderElementsOf(WANTED);
        } finally {
            rig.sql("DELETE FROM conversations WHERE contact_id = 'c-racing'");
            rig.sql("DELETE FROM contacts WHERE contact_id = 'c-racing'");
        }
    }

    @Test
    void theTimeBudgetStopsTheRunCleanly() {
        MutableClock ticking = new MutableClock(NOW);
        Clock slow = new HookedClock(NOW, () -> ticking.advance(Duration.ofSeconds(1))) {
            @Override
            public Instant instant() {
                super.instant();
                return ticking.instant();
            }
        };

        // the deadline is checked between batches (a batch is one pipeline): one lead a batch here
        WarmSummary summary = rig.warmer(settings.withBatchSize(1).withTimeBudget(Duration.ofSeconds(3)), metrics, slow).run();

        assertThat(summary.stoppedBy()).isEqualTo(WarmSummary.StopReason.TIME_BUDGET);
        assertThat(summary.warmed()).isPositive().isLessThan(summary.considered());
        assertThat(metrics.counter(CacheWarmerMetrics.STOPPED, "TIME_BUDGET")).isEqualTo(1);
    }

    @Test
    void redisDownFailsTheRunWithAClearErrorAndMetricAndLeavesAuroraAlone() throws Exception {
        String before = rig.auroraDigest();
        try (RedisConnector down = new RedisConnector("redis://127.0.0.1:" + TestRedis.freePort(), false, Duration.ofMillis(200))) {
            CacheWarmer warmer = rig.warmer(settings, metrics, clock, down);

            assertThatThrownBy(warmer::run)
                    .isInstanceOf(CacheUnavailableException.class)
                    .hasMessageContaining("cache warm aborted: Redis unavailable");
        }
        assertThat(metrics.counter(CacheWarmerMetrics.FAILED, "redis")).isEqualTo(1);
        assertThat(metrics.counter(CacheWarmerMetrics.WARMED)).isZero();
        assertThat(rig.auroraDigest()).isEqualTo(before);
    }

    /** The leads with at least one entry under the namespace. */
    @Test
    void aSlowRedisStopsTheRunBeforeTheNextBatchAndKeepsWhatItWarmed() throws Exception {
        // every PING is over a 1 ns limit: judged from the second probe, before the second batch of two
        WarmSummary summary = rig.warmer(settings.withBatchSize(2).withBackoffLatency(Duration.ofNanos(1)), metrics, clock).run();

        assertThat(summary.stoppedBy()).isEqualTo(WarmSummary.StopReason.REDIS_LATENCY);
        assertThat(summary.warmed()).isEqualTo(2);
        assertThat(cached(settings.namespace())).containsExactlyInAnyOrder(AWAITING, HELD);
        assertThat(metrics.counter(CacheWarmerMetrics.STOPPED, "REDIS_LATENCY")).isEqualTo(1);
    }

    @Test
    void aBusyRedisCpuStopsTheRunBeforeTheNextBatch() throws Exception {
        // the first batch's scripts cost Redis some CPU: over a limit of next to nothing, the run yields
        WarmSummary summary = rig.warmer(settings.withBatchSize(2).withBackoffCpu(1e-9), metrics, clock).run();

        assertThat(summary.stoppedBy()).isEqualTo(WarmSummary.StopReason.REDIS_CPU);
        assertThat(cached(settings.namespace())).containsExactlyInAnyOrder(AWAITING, HELD);
        assertThat(metrics.counter(CacheWarmerMetrics.STOPPED, "REDIS_CPU")).isEqualTo(1);
    }

    private static List<LeadRef> cached(String namespace) {
        CacheKeys keys = new CacheKeys(namespace);
        return java.util.stream.Stream.concat(WANTED.stream(), UNWANTED.stream())
                .filter(l -> rig.redis.commands().exists(keys.conversation(l), keys.profile(l)) > 0)
                .toList();
    }

    private static Map<String, String> snapshot(String namespace) {
        Map<String, String> out = new HashMap<>();
        for (String key : rig.redis.commands().keys(namespace + ":*")) out.put(key, rig.redis.commands().get(key));
        return out;
    }

    private static ConversationState withStageAndVersion(ConversationState s, String stage, long version) {
        return s.withStage(stage).withVersion(version);
    }

    /** A fixed clock that runs a hook on every read: lets a test act between two steps of a run. */
    static class HookedClock extends Clock {
        private final Instant now;
        private final Runnable onRead;

        HookedClock(Instant now, Runnable onRead) {
            this.now = now;
            this.onRead = onRead;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            onRead.run();
            return now;
        }
    }
}
