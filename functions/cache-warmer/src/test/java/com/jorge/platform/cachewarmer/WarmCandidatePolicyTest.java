package com.jorge.platform.cachewarmer;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.conversation.Temperature;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WarmCandidatePolicyTest {

    static final Instant NOW = Instant.parse("2026-03-10T16:00:00Z");
    final WarmCandidatePolicy policy = new WarmCandidatePolicy();

    static WarmCandidate awaiting(String id, Duration sinceReply, Temperature t, String stage) {
        Instant reply = NOW.minus(sinceReply);
        return new WarmCandidate(new LeadRef("loc", id), stage, t, reply.minusSeconds(60), reply, null, null);
    }

    @Test
    void aLeadTheBotJustTextedOutranksOneTextedHoursAgo() {
        var fresh = awaiting("fresh", Duration.ofMinutes(5), Temperature.COLD, "qualifying");
        var stale = awaiting("stale", Duration.ofHours(8), Temperature.COLD, "qualifying");

        assertThat(policy.rank(List.of(stale, fresh), NOW)).extracting(r -> r.candidate().lead().contactId())
                .containsExactly("fresh", "stale");
    }

    @Test
    void aLeadWhoAnsweredLastIsNotAwaitingAReply() {
        var answered = new WarmCandidate(new LeadRef("loc", "a"), "qualifying", Temperature.COLD,
                NOW.minusSeconds(60), NOW.minusSeconds(120), null, null);
        assertThat(answered.awaitingReply()).isFalse();
        assertThat(policy.score(answered, NOW)).isLessThan(policy.score(awaiting("b", Duration.ofMinutes(1), Temperature.COLD, "qualifying"), NOW));
    }

    @Test
    void temperatureAndStageScaleTheScoreAndSilencedStagesDropOut() {
        double cold = policy.score(awaiting("c", Duration.ofMinutes(30), Temperature.COLD, "qualifying"), NOW);
        double hot = policy.score(awaiting("h", Duration.ofMinutes(30), Temperature.HOT, "qualifying"), NOW);
        double closed = policy.score(awaiting("x", Duration.ofMinutes(30), Temperature.COLD, "closed"), NOW);
        assertThat(hot).isGreaterThan(cold);
        assertThat(closed).isLessThan(cold);

        var wrongNumber = awaiting("w", Duration.ofMinutes(1), Temperature.HOT, "wrong_number");
        assertThat(policy.rank(List.of(wrongNumber), NOW)).isEmpty();
    }

    @Test
    void signalsCombineSoALeadWithMoreOfThemRanksHigher() {
        var inboundOnly = new WarmCandidate(new LeadRef("loc", "i"), "qualifying", Temperature.COLD,
                NOW.minusSeconds(3600), NOW.minusSeconds(3500), null, null);
        var withAppointment = new WarmCandidate(new LeadRef("loc", "ia"), "qualifying", Temperature.COLD,
                NOW.minusSeconds(3600), NOW.minusSeconds(3500), NOW.plusSeconds(3600), null);
        var appointmentLater = new WarmCandidate(new LeadRef("loc", "al"), null, null, null, null, NOW.plusSeconds(20 * 3600), null);
        var appointmentSoon = new WarmCandidate(new LeadRef("loc", "as"), null, null, null, null, NOW.plusSeconds(3600), null);

        assertThat(policy.score(withAppointment, NOW)).isGreaterThan(policy.score(inboundOnly, NOW));
        assertThat(policy.score(appointmentSoon, NOW)).isGreaterThan(policy.score(appointmentLater, NOW));
        assertThat(policy.score(withAppointment, NOW)).isLessThanOrEqualTo(1.0);
    }

    @Test
    void aNurtureStepDueWithinTheLookAheadOutranksAnOldAnswerWaitingForItsFollowUp() {
        Instant question = NOW.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(10));
        var quiet = new WarmCandidate(new LeadRef("loc", "quiet"), "qualifying", Temperature.COLD,
                question.minusSeconds(60), question, null, null);
        var stepDue = new WarmCandidate(new LeadRef("loc", "step"), "qualifying", Temperature.COLD,
                question.minusSeconds(60), question, null, null, NOW.plus(Duration.ofMinutes(10)));

        assertThat(policy.score(quiet, NOW)).isLessThan(CacheWarmerSettings.defaults().minChance());
        assertThat(policy.score(stepDue, NOW)).isGreaterThanOrEqualTo(WarmCandidatePolicy.FOLLOW_UP_DUE);
        assertThat(policy.rank(List.of(quiet, stepDue), NOW)).extracting(r -> r.candidate().lead().contactId())
                .containsExactly("step", "quiet");
    }
}
