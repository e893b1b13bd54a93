package com.jorge.platform.cachewarmer;

import com.jorge.platform.cache.AccessCapture;
import com.jorge.platform.cache.AccessStream;
import com.jorge.platform.cache.CacheKeys;
import com.jorge.platform.cache.LeadCache;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.conversation.Temperature;
import com.jorge.platform.observability.RecordedMetrics;
import com.jorge.platform.testkit.TestRedis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warmer learns what its chances mean from the access stream, on the real PostgreSQL and Redis. Six
 * leads the bot just texted score 0.94 (class AWAITING_REPLY) and are never read; six who wrote half an
 * hour ago score 0.49 (RECENT_INBOUND) and are all read within the look-ahead. With room for six, the
 * first run warms the over-confident class; an hour later, its predictions resolved against the stream,
 * the warmer ranks that class lower and warms the leads that get read. A warmer whose capture is off
 * (nothing to learn from) keeps the raw order. Its own time keeps the shared schema's leads apart.
 */
class WarmCalibrationTest {

    static final Instant T0 = Instant.parse("2025-09-02T15:00:00Z"); // before today: the stream's entry ids are the real time
    static final Instant T1 = T0.plus(Duration.ofHours(1));
    static final List<LeadRef> OVER = leads("c-over");
    static final List<LeadRef> TRUE = leads("c-true");

    static WarmerRig rig;

    @BeforeAll
    static void seed() throws Exception {
        rig = WarmerRig.shared();
        for (LeadRef lead : OVER) {
            rig.contact(lead, "Ola", false, false);
            rig.conversation(lead, "qualifying", Temperature.COLD, false, T0.minusSeconds(360), T0.minusSeconds(300));
        }
        for (LeadRef lead : TRUE) {
            rig.contact(lead, "Tia", false, false);
            rig.conversation(lead, "qualifying", Temperature.COLD, false, T0.minusSeconds(1_800), T0.minusSeconds(1_860));
        }
    }

    private static List<LeadRef> leads(String prefix) {
        return IntStream.range(0, 6).mapToObj(i -> new LeadRef("loc-cal", prefix + "-" + i)).toList();
    }

    private static CacheWarmerSettings settings(String namespace, int captureEvery) {
        return CacheWarmerSettings.defaults().withNamespace(namespace).withMinChance(0).withBudget(6, 1 << 30)
                .withBackoffLatency(Duration.ofSeconds(5)).withCalibration(captureEvery, 20);
    }

    /** Moves the leads' activity so that their raw scores at {@code now} are what they were at T0. */
    private static void sameSignalsAt(Instant now) throws Exception {
        for (LeadRef lead : OVER) activity(lead, now.minusSeconds(360), now.minusSeconds(300));
        for (LeadRef lead : TRUE) activity(lead, now.minusSeconds(1_800), now.minusSeconds(1_860));
    }

    private static void activity(LeadRef lead, Instant inbound, Instant reply) throws Exception {
        rig.sql("UPDATE conversations SET last_inbound_at = ?, last_reply_at = ? WHERE location_id = ? AND contact_id = ?",
                Timestamp.from(inbound), Timestamp.from(reply), lead.locationId(), lead.contactId());
    }

    private static List<LeadRef> cached(String namespace, List<LeadRef> leads) {
        LeadCache cache = rig.workerCache(namespace);
        return leads.stream().filter(l -> cache.profile(l).isPresent()).toList();
    }

    @Test
    void anOverConfidentClassIsRankedBelowTheOneThatIsReadOnceTheStreamShowsIt() throws Exception {
        sameSignalsAt(T0);
        String learning = TestRedis.namespace("calibration");
        String raw = TestRedis.namespace("calibration-off");

        WarmSummary first = rig.warmer(settings(learning, 1), new RecordedMetrics(), Clock.fixed(T0, ZoneOffset.UTC)).run();
        assertThat(first.stoppedBy()).isEqualTo(WarmSummary.StopReason.LEAD_BUDGET);
        assertThat(cached(learning, OVER)).containsExactlyInAnyOrderElementsOf(OVER);
        assertThat(cached(learning, TRUE)).isEmpty();

        // what the worker read meanwhile, as its capture streams it: a read before the run (the stream reaches back
        // that far), then the recent writers' texts within the look-ahead; nobody reads the ones the bot just texted
        AccessStream stream = new AccessStream(rig.redis, new CacheKeys(learning));
        List<AccessCapture.Access> reads = new ArrayList<>();
        reads.add(new AccessCapture.Access(AccessCapture.KeyClass.PROFILE, "loc-cal", "c-someone", T0.minusSeconds(60).toEpochMilli()));
        for (LeadRef lead : TRUE) {
            long at = T0.plus(Duration.ofMinutes(10)).toEpochMilli();
            reads.add(new AccessCapture.Access(AccessCapture.KeyClass.CONVERSATION, lead.locationId(), lead.contactId(), at));
            reads.add(new AccessCapture.Access(AccessCapture.KeyClass.PROFILE, lead.locationId(), lead.contactId(), at));
        }
        stream.write(reads);
        rig.redis.commands().del(OVER.stream().flatMap(l -> List.of(new CacheKeys(learning).conversation(l),
                new CacheKeys(learning).profile(l)).stream()).toArray(String[]::new)); // the warm copies expired

        sameSignalsAt(T1);
        WarmSummary second = rig.warmer(settings(learning, 1), new RecordedMetrics(), Clock.fixed(T1, ZoneOffset.UTC)).run();
        ChanceCalibration learned = new WarmCalibrationStore(rig.redis, rig.json, learning).load();
        assertThat(second.warmed()).isEqualTo(6);
        assertThat(cached(learning, TRUE)).containsExactlyInAnyOrderElementsOf(TRUE);
        assertThat(cached(learning, OVER)).isEmpty();

        WarmCandidatePolicy policy = new WarmCandidatePolicy();
        double overScore = policy.rank(List.of(new WarmCandidate(OVER.get(0), "qualifying", Temperature.COLD,
                T1.minusSeconds(360), T1.minusSeconds(300), null, null)), T1).get(0).score();
        assertThat(overScore).isGreaterThan(0.9);
        assertThat(learned.outcomes(WarmClass.AWAITING_REPLY, overScore)).isEqualTo(6);
        assertThat(learned.outcomes(WarmClass.RECENT_INBOUND, 0.49)).isEqualTo(6);
        assertThat(learned.calibrated(WarmClass.AWAITING_REPLY, overScore, 1)).isLessThan(learned.calibrated(WarmClass.RECENT_INBOUND, 0.49, 1));
        assertThat(learned.pendingCount()).isEqualTo(12); // the second run's own predictions wait for the next

        // the capture off: nothing to learn from, the raw order stands
        rig.warmer(settings(raw, 0), new RecordedMetrics(), Clock.fixed(T1, ZoneOffset.UTC)).run();
        assertThat(cached(raw, OVER)).containsExactlyInAnyOrderElementsOf(OVER);
        assertThat(cached(raw, TRUE)).isEmpty();
        assertThat(rig.redis.commands().exists(raw + ":warmer:calibration")).isZero();
    }

    @Test
    void onceCalibratingTheThresholdReadsTheCalibratedChanceNotTheRawScore() throws Exception {
        sameSignalsAt(T0);
        String ns = TestRedis.namespace("calibrated-threshold");
        // what earlier runs learned: the bot-just-texted class at the over-leads' score was read 0 times in 100, the
        // recent writers' class at 0.49 100 times in 100
        WarmCandidatePolicy policy = new WarmCandidatePolicy();
        double overScore = policy.rank(List.of(new WarmCandidate(OVER.get(0), "qualifying", Temperature.COLD,
                T0.minusSeconds(360), T0.minusSeconds(300), null, null)), T0).get(0).score();
        ChanceCalibration learned = new ChanceCalibration();
        for (int i = 0; i < 100; i++) {
            learned.observe(WarmClass.AWAITING_REPLY, overScore, false);
            learned.observe(WarmClass.RECENT_INBOUND, 0.49, true);
        }
        new WarmCalibrationStore(rig.redis, rig.json, ns).save(learned);
        assertThat(learned.calibrated(WarmClass.AWAITING_REPLY, overScore, 1)).isLessThan(0.3);
        assertThat(learned.calibrated(WarmClass.RECENT_INBOUND, 0.49, 1)).isGreaterThan(0.3);

        // the raw threshold (0.5) would load the over-leads (0.94) and skip the recent writers (0.49); calibrating, the
        // run reads the calibrated chance against WARMER_MIN_CALIBRATED_CHANCE_PERCENT (30) and does the opposite
        CacheWarmerSettings calibrating = CacheWarmerSettings.defaults().withNamespace(ns).withBudget(1_000, 1 << 30)
                .withBackoffLatency(Duration.ofSeconds(5)).withCalibration(1, 20);
        assertThat(calibrating.minChance()).isEqualTo(0.5);
        rig.warmer(calibrating, new RecordedMetrics(), Clock.fixed(T0, ZoneOffset.UTC)).run();
        assertThat(cached(ns, TRUE)).containsExactlyInAnyOrderElementsOf(TRUE);
        assertThat(cached(ns, OVER)).isEmpty();

        // without calibration (capture off) the raw threshold stands
        String raw = TestRedis.namespace("raw-threshold");
        rig.warmer(calibrating.withNamespace(raw).withCalibration(0, 20), new RecordedMetrics(), Clock.fixed(T0, ZoneOffset.UTC)).run();
        assertThat(cached(raw, OVER)).containsExactlyInAnyOrderElementsOf(OVER);
        assertThat(cached(raw, TRUE)).isEmpty();
    }

    @Test
    void aPredictionOlderThanTheStreamIsNotCountedAsUnread() throws Exception {
        String ns = TestRedis.namespace("calibration-trimmed");
        WarmCalibrationStore store = new WarmCalibrationStore(rig.redis, rig.json, ns);
        ChanceCalibration calibration = new ChanceCalibration();
        calibration.predict(new ChanceCalibration.Pending(WarmClass.FOLLOW_UP, "loc-x", "c-1", 0.95, T0.toEpochMilli()));
        store.save(calibration);
        // the stream's oldest record is after the prediction: whatever it read then was trimmed away
        new AccessStream(rig.redis, new CacheKeys(ns)).write(List.of(new AccessCapture.Access(
                AccessCapture.KeyClass.PROFILE, "loc-x", "c-2", T0.plusSeconds(60).toEpochMilli())));
        WarmOutcomes outcomes = new WarmOutcomes(store, new AccessStream(rig.redis, new CacheKeys(ns)), settings(ns, 1));
        ChanceCalibration learned = outcomes.learn(T1);
        assertThat(learned.outcomes(WarmClass.FOLLOW_UP, 0.95)).isZero();
        assertThat(learned.pendingCount()).isZero();
    }
}
