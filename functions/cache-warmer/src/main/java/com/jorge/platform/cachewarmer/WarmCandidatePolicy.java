package com.jorge.platform.cachewarmer;

import com.jorge.platform.conversation.Temperature;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks leads by how likely they are to write within the next run's window (15 to 45 minutes). Each
 * signal is read as a rough chance that the lead writes soon; independent chances combine as
 * {@code 1 - Π(1 - p)}, then the lead's temperature and stage scale the result. The weights are priors
 * from how SMS qualification conversations behave (README: "Why this ranking"), kept in one place so a
 * replayed workload can refit them.
 */
public final class WarmCandidatePolicy {

    /** An answer to the bot's question or follow-up: most come within minutes, few after a day. */
    static final double AWAITING_REPLY = 0.9;
    static final Duration AWAITING_REPLY_HALF_LIFE = Duration.ofHours(2);
    /** A lead who wrote recently keeps the conversation going, less so each day. */
    static final double RECENT_INBOUND = 0.5;
    static final Duration RECENT_INBOUND_HALF_LIFE = Duration.ofHours(24);
    /** Leads confirm, reschedule or ask for directions before an appointment. */
    static final double APPOINTMENT_SOON = 0.6;
    static final double APPOINTMENT_LATER = 0.3;
    static final Duration APPOINTMENT_SOON_WITHIN = Duration.ofHours(3);
    /** A reply held by quiet hours goes out within the look-ahead, and the lead may answer it. */
    static final double HELD_REPLY_DUE = 0.7;
    /**
     * The nurture workflow's next step falls within the look-ahead: the worker then re-checks the lead,
     * reading both keys, whether or not it sends. Not 1: the lead may answer, or opt out, first.
     */
    static final double FOLLOW_UP_DUE = 0.95;

    /** @param warmClass the lead's strongest signal: what {@link ChanceCalibration} learns the score's meaning by */
    public record Ranked(WarmCandidate candidate, double score, WarmClass warmClass) {}

    private static final Comparator<Ranked> ORDER = Comparator.comparingDouble(Ranked::score).reversed()
            .thenComparing(r -> r.candidate().lastActivityAt(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(r -> r.candidate().lead().locationId())
            .thenComparing(r -> r.candidate().lead().contactId());

    /** The candidates with a positive score, best first; ties go to the most recent activity. */
    public List<Ranked> rank(List<WarmCandidate> candidates, Instant now) {
        return candidates.stream()
                .map(c -> new Ranked(c, score(c, now), warmClass(c, now)))
                .filter(r -> r.score() > 0)
                .sorted(ORDER)
                .toList();
    }

    public double score(WarmCandidate c, Instant now) {
        double quiet = 1.0; // the chance that no signal fires
        if (c.awaitingReply()) quiet *= 1 - AWAITING_REPLY * decay(c.lastReplyAt(), now, AWAITING_REPLY_HALF_LIFE);
        if (c.lastInboundAt() != null) quiet *= 1 - RECENT_INBOUND * decay(c.lastInboundAt(), now, RECENT_INBOUND_HALF_LIFE);
        if (c.nextAppointmentAt() != null) {
            boolean soon = !c.nextAppointmentAt().isAfter(now.plus(APPOINTMENT_SOON_WITHIN));
            quiet *= 1 - (soon ? APPOINTMENT_SOON : APPOINTMENT_LATER);
        }
        if (c.nextHeldReplyAt() != null) quiet *= 1 - HELD_REPLY_DUE;
        if (c.nextFollowUpAt() != null) quiet *= 1 - FOLLOW_UP_DUE;
        return (1 - quiet) * temperatureFactor(c.temperature()) * stageFactor(c.stage());
    }

    /**
     * The signal that contributes the largest chance: the class whose calibration reads the score. Signals
     * mislead in different ways (a follow-up step is a near certain read, a lead who wrote yesterday mostly
     * is not), so one score means different things by class.
     */
    public WarmClass warmClass(WarmCandidate c, Instant now) {
        WarmClass best = WarmClass.RECENT_INBOUND;
        double top = -1;
        if (c.nextFollowUpAt() != null && FOLLOW_UP_DUE > top) { top = FOLLOW_UP_DUE; best = WarmClass.FOLLOW_UP; }
        if (c.awaitingReply()) {
            double p = AWAITING_REPLY * decay(c.lastReplyAt(), now, AWAITING_REPLY_HALF_LIFE);
            if (p > top) { top = p; best = WarmClass.AWAITING_REPLY; }
        }
        if (c.nextHeldReplyAt() != null && HELD_REPLY_DUE > top) { top = HELD_REPLY_DUE; best = WarmClass.HELD_REPLY; }
        if (c.nextAppointmentAt() != null) {
            double p = !c.nextAppointmentAt().isAfter(now.plus(APPOINTMENT_SOON_WITHIN)) ? APPOINTMENT_SOON : APPOINTMENT_LATER;
            if (p > top) { top = p; best = WarmClass.APPOINTMENT; }
        }
        if (c.lastInboundAt() != null && RECENT_INBOUND * decay(c.lastInboundAt(), now, RECENT_INBOUND_HALF_LIFE) > top) {
            best = WarmClass.RECENT_INBOUND;
        }
        return best;
    }

    /** Hot leads answer faster and more often; a temperature is only known once the bot has talked. */
    static double temperatureFactor(Temperature t) {
        if (t == null) return 1.0;
        return switch (t) {
            case HOT -> 1.3;
            case WARM -> 1.15;
            case COLD -> 1.0;
        };
    }

    /**
     * A closed conversation answers only if the lead re-engages; with an agent the lead still texts,
     * and the worker still loads the state, but less often. Wrong numbers are never texted again.
     */
    static double stageFactor(String stage) {
        if (stage == null) return 1.0;
        return switch (stage) {
            case "wrong_number", "opted_out" -> 0.0;
            case "closed" -> 0.5;
            case "handed_off" -> 0.8;
            default -> 1.0;
        };
    }

    /** 1 now, halving every {@code halfLife}; 1 for a time in the future (clock skew). */
    static double decay(Instant at, Instant now, Duration halfLife) {
        long ageMillis = Math.max(0, Duration.between(at, now).toMillis());
        return Math.pow(0.5, (double) ageMillis / halfLife.toMillis());
    }
}
