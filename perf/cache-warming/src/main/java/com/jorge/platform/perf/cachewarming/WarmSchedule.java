package com.jorge.platform.perf.cachewarming;

import com.jorge.platform.cachewarmer.WarmCandidate;
import com.jorge.platform.cachewarmer.WarmCandidatePolicy;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.conversation.Temperature;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the warmer would load at each of its runs: every {@code interval}, the candidates Aurora shows
 * (the same windows as {@code WarmCandidateRepository}'s query, with the warmer's default settings,
 * the nurture workflow's next step included),
 * ranked by the warmer's own {@link WarmCandidatePolicy}. The ranking does not depend on the cache,
 * so it is computed once and replayed against every policy and size.
 */
public final class WarmSchedule {

    /** The warmer's defaults (CacheWarmerSettings): EventBridge rate, signal windows, look-ahead. */
    static final long INTERVAL = 15 * PlatformWorkload.MINUTE;
    static final long ACTIVE_WINDOW = 7 * PlatformWorkload.DAY;
    static final long AWAITING_REPLY_WINDOW = 48 * PlatformWorkload.HOUR;
    static final long APPOINTMENT_WINDOW = 24 * PlatformWorkload.HOUR;
    static final long LOOKAHEAD = 45 * PlatformWorkload.MINUTE;
    /** The trace's start as an instant (a Monday), for the policy's clock. */
    static final Instant EPOCH = Instant.parse("2026-11-02T00:00:00Z");

    private final long[] runAt;
    private final int[][] ranked;
    private final float[][] scores;

    WarmSchedule(long[] runAt, int[][] ranked, float[][] scores) {
        this.runAt = runAt;
        this.ranked = ranked;
        this.scores = scores;
    }

    public int runs() {
        return runAt.length;
    }

    public long runAt(int run) {
        return runAt[run];
    }

    /** Lead ids, best first (only positive scores), at most the cap given to {@link #plan}. */
    public int[] ranked(int run) {
        return ranked[run];
    }

    /** The chance the policy gives each of {@link #ranked}'s leads, best first. */
    public float[] scores(int run) {
        return scores[run];
    }

    /**
     * Replays the workload's signals and ranks the candidates at each run from {@code from} to the end.
     *
     * @param maxLeads the most ranked leads kept per run (the largest warm budget replayed)
     */
    public static WarmSchedule plan(PlatformWorkload.Generated workload, long from, int maxLeads) {
        WarmCandidatePolicy policy = new WarmCandidatePolicy();
        Board board = new Board(workload.leads());
        List<LeadSignal> signals = workload.signals();
        int next = 0;
        List<Long> times = new ArrayList<>();
        List<int[]> lists = new ArrayList<>();
        List<float[]> chances = new ArrayList<>();
        for (long now = from; now < workload.end(); now += INTERVAL) {
            while (next < signals.size() && signals.get(next).at() <= now) board.apply(signals.get(next++));
            Instant clock = EPOCH.plusMillis(now);
            List<WarmCandidate> candidates = new ArrayList<>();
            for (int lead = 0; lead < workload.leads(); lead++) {
                WarmCandidate c = board.candidate(lead, now, workload.locationOf()[lead]);
                if (c != null) candidates.add(c);
            }
            List<WarmCandidatePolicy.Ranked> order = policy.rank(candidates, clock);
            int[] ids = new int[Math.min(maxLeads, order.size())];
            float[] p = new float[ids.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = Integer.parseInt(order.get(i).candidate().lead().contactId().substring(1));
                p[i] = (float) order.get(i).score();
            }
            times.add(now);
            lists.add(ids);
            chances.add(p);
        }
        return new WarmSchedule(times.stream().mapToLong(Long::longValue).toArray(), lists.toArray(int[][]::new),
                chances.toArray(float[][]::new));
    }

    /** Aurora's view of every lead, as the candidate query reads it; -1 = none. */
    private static final class Board {
        final long[] lastInbound, lastReply, heldUntil, appointment, scheduledAt;
        final long[][] followUps; // the steps of the lead's latest nurture schedule
        final String[] stage;
        final Temperature[] temperature;

        Board(int leads) {
            scheduledAt = filled(leads);
            followUps = new long[leads][];
            lastInbound = filled(leads);
            lastReply = filled(leads);
            heldUntil = filled(leads);
            appointment = filled(leads);
            stage = new String[leads];
            temperature = new Temperature[leads];
        }

        private static long[] filled(int n) {
            long[] a = new long[n];
            Arrays.fill(a, -1);
            return a;
        }

        void apply(LeadSignal s) {
            int lead = s.lead();
            switch (s) {
                case LeadSignal.Inbound in -> {
                    lastInbound[lead] = in.at();
                    if (in.at() > scheduledAt[lead]) followUps[lead] = null; // the workflow stops when the lead answers
                }
                case LeadSignal.ReplySent sent -> {
                    lastReply[lead] = sent.at();
                    if (heldUntil[lead] >= 0 && sent.at() >= heldUntil[lead]) heldUntil[lead] = -1;
                }
                case LeadSignal.ReplyHeld held -> heldUntil[lead] = heldUntil[lead] < 0 ? held.sendAt() : Math.min(heldUntil[lead], held.sendAt());
                case LeadSignal.AppointmentBooked booked -> appointment[lead] = booked.startsAt();
                case LeadSignal.FollowUpScheduled scheduled -> {
                    if (scheduled.at() != scheduledAt[lead] || followUps[lead] == null) {
                        scheduledAt[lead] = scheduled.at();
                        followUps[lead] = new long[0];
                    }
                    long[] steps = Arrays.copyOf(followUps[lead], followUps[lead].length + 1);
                    steps[steps.length - 1] = scheduled.dueAt();
                    followUps[lead] = steps;
                }
                case LeadSignal.StageChanged changed -> {
                    stage[lead] = changed.stage();
                    if (changed.temperature() != null) temperature[lead] = changed.temperature();
                }
            }
        }

        /** The candidate row for {@code lead} at {@code now}, or null when no signal is in its window. */
        WarmCandidate candidate(int lead, long now, int location) {
            if ("opted_out".equals(stage[lead])) return null;
            long until = now + LOOKAHEAD;
            boolean active = within(lastInbound[lead], now - ACTIVE_WINDOW, until)
                    || within(lastReply[lead], now - AWAITING_REPLY_WINDOW, until);
            long appt = appointment[lead] >= now && appointment[lead] < now + APPOINTMENT_WINDOW ? appointment[lead] : -1;
            long held = within(heldUntil[lead], now - LOOKAHEAD, until) ? heldUntil[lead] : -1;
            long followUp = -1;
            if (followUps[lead] != null) {
                for (long step : followUps[lead]) if (within(step, now, until)) { followUp = step; break; }
            }
            if (!active && appt < 0 && held < 0 && followUp < 0) return null;
            return new WarmCandidate(new LeadRef("loc-" + location, "c" + lead), stage[lead], temperature[lead],
                    instant(lastInbound[lead]), instant(lastReply[lead]), instant(appt), instant(held), instant(followUp));
        }

        private static boolean within(long t, long from, long until) {
            return t >= 0 && t >= from && t <= until;
        }

        private static Instant instant(long t) {
            return t < 0 ? null : EPOCH.plusMillis(t);
        }
    }
}
