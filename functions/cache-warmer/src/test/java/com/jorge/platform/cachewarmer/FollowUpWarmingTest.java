package com.jorge.platform.cachewarmer;

import com.jorge.platform.cache.LeadCache;
import com.jorge.platform.conversation.CrmAction;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.conversation.Temperature;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.storage.CrmActionOutbox;
import com.jorge.platform.testkit.TestRedis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nurture schedule as the warmer reads it from the outbox (the bot's {@code ScheduleFollowUps}
 * actions, stored as the worker stores them) and the minimum chance, on the real PostgreSQL and Redis.
 * Its own time, far from CacheWarmerTest's, keeps the shared schema's leads apart.
 */
class FollowUpWarmingTest {

    static final Instant NOW = Instant.parse("2027-06-01T15:00:00Z");
    static final List<Long> WAITS = List.of(86_400L, 259_200L, 604_800L);

    /** The bot asked 23 h 50 min ago and got no answer: the first nurture step fires in 10 minutes. */
    static final LeadRef STEP_DUE = new LeadRef("loc-fu", "c-step-due");
    /** Same schedule, but the lead answered after it began: the workflow stopped. */
    static final LeadRef ANSWERED = new LeadRef("loc-fu", "c-answered");
    /** Its first step fired yesterday; the second is two days away. */
    static final LeadRef BETWEEN_STEPS = new LeadRef("loc-fu", "c-between");

    static WarmerRig rig;

    @BeforeAll
    static void seed() throws Exception {
        rig = WarmerRig.shared();
        Instant asked = NOW.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(10));
        rig.contact(STEP_DUE, "Rosa", false, false);
        rig.conversation(STEP_DUE, "qualifying", Temperature.COLD, false, asked.minusSeconds(120), asked);
        schedule(STEP_DUE, asked);
        rig.contact(ANSWERED, "Tom", false, false);
        rig.conversation(ANSWERED, "qualifying", Temperature.COLD, false, asked.plus(Duration.ofHours(4)), asked.plus(Duration.ofHours(4)).minusSeconds(30));
        schedule(ANSWERED, asked);
        Instant earlier = NOW.minus(Duration.ofDays(2));
        rig.contact(BETWEEN_STEPS, "Ida", false, false);
        rig.conversation(BETWEEN_STEPS, "qualifying", Temperature.COLD, false, earlier.minusSeconds(120), earlier.plus(Duration.ofDays(1)));
        schedule(BETWEEN_STEPS, earlier);
    }

    private static void schedule(LeadRef lead, Instant quietSince) {
        rig.db.inTransaction(c -> {
            var stored = new CrmActionOutbox(rig.json).add(c, lead, "wh-" + lead.contactId(), new CrmAction.ScheduleFollowUps(quietSince, WAITS));
            try (var ps = c.prepareStatement("UPDATE crm_actions SET created_at = ? WHERE location_id = ? AND id = ?")) {
                ps.setTimestamp(1, Timestamp.from(quietSince));
                ps.setString(2, lead.locationId());
                ps.setLong(3, stored.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Test
    void theCandidateQueryGivesTheNextStepOnlyWhileTheScheduleRuns() throws Exception {
        CacheWarmerSettings settings = CacheWarmerSettings.defaults();
        List<WarmCandidate> found = rig.db.inTransaction(c -> new WarmCandidateRepository()
                .candidates(c, WarmCandidateRepository.Windows.of(settings, NOW), 100));

        assertThat(found).extracting(WarmCandidate::lead).contains(STEP_DUE, ANSWERED, BETWEEN_STEPS);
        for (WarmCandidate c : found) {
            Instant expected = c.lead().equals(STEP_DUE) ? NOW.plus(Duration.ofMinutes(10)) : null;
            assertThat(c.nextFollowUpAt()).as(c.lead().contactId()).isEqualTo(expected);
        }
    }

    @Test
    void onlyTheLeadWithAStepDueClearsTheMinimumChanceAndIsWarmed() {
        CacheWarmerSettings settings = CacheWarmerSettings.defaults().withNamespace(TestRedis.namespace("warmer-fu"));
        WarmSummary summary = rig.warmer(settings, new RecordedMetrics(), Clock.fixed(NOW, ZoneOffset.UTC)).run();

        assertThat(summary.warmed()).isEqualTo(1);
        assertThat(summary.considered()).isGreaterThanOrEqualTo(3);
        LeadCache cache = rig.workerCache(settings.namespace());
        assertThat(cache.conversation(STEP_DUE)).isPresent();
        assertThat(cache.profile(STEP_DUE)).isPresent();
        assertThat(cache.conversation(ANSWERED)).isEmpty();
        assertThat(cache.conversation(BETWEEN_STEPS)).isEmpty();
    }
}
