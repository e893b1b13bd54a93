package com.jorge.platform.perf.cachewarming;

import com.jorge.platform.cachewarmer.AccessRhythm;
import com.jorge.platform.cachewarmer.WarmClass;
import com.jorge.platform.cachewarmer.WarmCandidate;
import com.jorge.platform.cachewarmer.WarmCandidatePolicy;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.conversation.Temperature;

import java.time.Duration;
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
    /**
     * BI reads captured: every one. Dashboards read a few times a minute at most, so capturing each costs
     * nothing that matters (the worker's lead reads are sampled 1 in 16, ACCESS_CAPTURE_SAMPLE_EVERY), and
     * a sampled profile misses the small teams' single morning view.
     */
    static final int SAMPLE_EVERY = 1;
    /**
     * A location whose BI keys nobody read for this long is dormant (overnight, or a quiet afternoon): LRU
     * has most likely dropped its rollups, and its next view is the first of a new busy stretch.
     */
    static final long DORMANT_AFTER = Long.getLong("warm.dormantHours", 4) * PlatformWorkload.HOUR;
    /**
     * How far ahead a dormant location's first view is looked for ({@link AccessRhythm#warmChance}): its
     * rollups are loaded once the chance of a view within this reach passes the threshold, and refreshed
     * each run until the view comes. 120 minutes, against 45 (the look-ahead) and 180, on tuning seeds 18
     * and 7 only; the dormancy (4 h) was not tuned.
     */
    static final long FIRST_VIEW_REACH = Long.getLong("warm.firstViewMinutes", 120) * PlatformWorkload.MINUTE;
    /**
     * Items are ordered by expected reads saved per byte of the warmer's budget: the chance as calibrated
     * on outcomes already seen ({@link ChanceCalibration}; WarmCandidatePolicy's scores are far above the
     * rate at which a lead is read within the look-ahead, the rhythm's chance close to it) times the reads
     * an item saves over its bytes (a lead's text two reads for 3,250 bytes, a location's view five for
     * 16,400). The load threshold still applies to the raw chance. Off: ordered by raw chance, as before.
     */
    static final boolean BY_BENEFIT = Boolean.parseBoolean(System.getProperty("warm.byBenefit", "true"));
    /**
     * The calibration learns per {@link WarmClass}, the lead's strongest signal, as the production warmer's does
     * (a follow-up step scored 0.95 is read far more often than a lead who wrote yesterday scored 0.95). Off: one
     * class for all leads, as before.
     */
    static final boolean BY_CLASS = Boolean.parseBoolean(System.getProperty("warm.byClass", "true"));
    /**
     * Predictions kept for calibration per run, class and chance bucket, as WARMER_CALIBRATION_SAMPLE keeps them in
     * production (its default, 4); 0 keeps every one.
     */
    static final int CALIBRATION_SAMPLE = Integer.getInteger("warm.calibrationSample", 4);
    /**
     * The load threshold reads the calibrated chance, as the production warmer's does once it calibrates
     * (WARMER_MIN_CALIBRATED_CHANCE_PERCENT): {@link #scores} are then calibrated chances. Off
     * ({@code -Dwarm.thresholdOnCalibrated=false}, with {@code -Dwarm.minChance=0.5}): the raw score, as before.
     */
    static final boolean THRESHOLD_ON_CALIBRATED = Boolean.parseBoolean(System.getProperty("warm.thresholdOnCalibrated", "true"));
    /** The trace's start as an instant (a Monday), for the policy's clock. */
    static final Instant EPOCH = Instant.parse("2026-11-02T00:00:00Z");

    private final int leads;
    private final long[] runAt;
    private final int[][] ranked;
    private final float[][] scores;
    private final String calibration;

    WarmSchedule(int leads, long[] runAt, int[][] ranked, float[][] scores, String calibration) {
        this.calibration = calibration;
        this.leads = leads;
        this.runAt = runAt;
        this.ranked = ranked;
        this.scores = scores;
    }

    /** The workload's lead count: keys from {@code 2 × leads} on are BI keys. */
    public int leads() {
        return leads;
    }

    /** How often each chance bucket was read within the look-ahead, by kind, over the whole schedule. */
    public String calibration() {
        return calibration;
    }

    public int runs() {
        return runAt.length;
    }

    public long runAt(int run) {
        return runAt[run];
    }

    /**
     * What to warm, best first (only positive scores), at most the cap given to {@link #plan}: a lead id
     * ({@code >= 0}, its two keys) or a location's BI keys ({@code -1 - location}).
     */
    public int[] ranked(int run) {
        return ranked[run];
    }

    /**
     * The chance the load threshold reads for each of {@link #ranked}'s items: the calibrated chance (the policy's
     * raw score, or the rhythm's, shrunk towards what such predictions turned out to mean), or the raw one with
     * {@code -Dwarm.thresholdOnCalibrated=false}.
     */
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
        // BI keys by each location's weekly rhythm, learned from the access stream up to the run
        AccessRhythm rhythm = new AccessRhythm(SAMPLE_EVERY, PlatformWorkload.BI_KEYS);
        int[] keys = workload.trace().keys();
        long[] readAt = workload.trace().times();
        int firstBiKey = 2 * workload.leads(), read = 0;
        Duration lookahead = Duration.ofMillis(LOOKAHEAD);
        Duration dormantAfter = Duration.ofMillis(DORMANT_AFTER), firstViewReach = Duration.ofMillis(FIRST_VIEW_REACH);
        double biWeight = benefitPerByte(PlatformWorkload.BI_KEYS, sum(PlatformWorkload.BI_BYTES))
                / benefitPerByte(2, PlatformWorkload.CONVERSATION_BYTES + PlatformWorkload.PROFILE_BYTES);
        ChanceCalibration calibration = new ChanceCalibration(workload.leads(), workload.locations(), LOOKAHEAD);
        long epoch = EPOCH.toEpochMilli(); // the rhythm's hours of the week are UTC's
        int next = 0;
        List<Long> times = new ArrayList<>();
        List<int[]> lists = new ArrayList<>();
        List<float[]> chances = new ArrayList<>();
        for (long now = from; now < workload.end(); now += INTERVAL) {
            while (next < signals.size() && signals.get(next).at() <= now) board.apply(signals.get(next++));
            for (; read < keys.length && readAt[read] < now; read++) {
                if (keys[read] >= firstBiKey) {
                    int location = (keys[read] - firstBiKey) / PlatformWorkload.BI_KEYS;
                    rhythm.record("loc-" + location, epoch + readAt[read]);
                    calibration.read(workload.leads() + location, readAt[read]);
                } else {
                    calibration.read(keys[read] / 2, readAt[read]);
                }
            }
            calibration.resolve(now);
            Instant clock = EPOCH.plusMillis(now);
            List<WarmCandidate> candidates = new ArrayList<>();
            for (int lead = 0; lead < workload.leads(); lead++) {
                WarmCandidate c = board.candidate(lead, now, workload.locationOf()[lead]);
                if (c != null) candidates.add(c);
            }
            List<Item> items = new ArrayList<>();
            List<Sampled> predictions = new ArrayList<>();
            for (WarmCandidatePolicy.Ranked r : policy.rank(candidates, clock)) {
                int lead = Integer.parseInt(r.candidate().lead().contactId().substring(1));
                WarmClass k = BY_CLASS ? r.warmClass() : WarmClass.RECENT_INBOUND;
                predictions.add(new Sampled(lead, k, r.score()));
                double calibrated = calibration.calibrated(k, r.score());
                items.add(new Item(lead, THRESHOLD_ON_CALIBRATED ? calibrated : r.score(), BY_BENEFIT ? calibrated : r.score()));
            }
            for (int location = 0; location < workload.locations(); location++) {
                double chance = rhythm.warmChance("loc-" + location, epoch + now, lookahead, dormantAfter, firstViewReach);
                if (chance <= 0) continue;
                int item = workload.leads() + location;
                predictions.add(new Sampled(item, WarmClass.BI, chance));
                double calibrated = calibration.calibrated(WarmClass.BI, chance);
                items.add(new Item(-1 - location, THRESHOLD_ON_CALIBRATED ? calibrated : chance, BY_BENEFIT ? calibrated * biWeight : chance));
            }
            for (Sampled p : sample(predictions, now)) calibration.predict(p.item(), p.warmClass(), p.chance(), now);
            items.sort(java.util.Comparator.comparingDouble(Item::benefit).reversed()); // stable: leads keep their order
            int[] ids = new int[Math.min(maxLeads, items.size())];
            float[] p = new float[ids.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = items.get(i).id();
                p[i] = (float) items.get(i).chance();
            }
            times.add(now);
            lists.add(ids);
            chances.add(p);
        }
        return new WarmSchedule(workload.leads(), times.stream().mapToLong(Long::longValue).toArray(), lists.toArray(int[][]::new),
                chances.toArray(float[][]::new), calibration.summary());
    }

    /** @param benefit the order: expected reads saved per byte, relative to a lead's */
    private record Item(int id, double chance, double benefit) {}

    /** A prediction offered to the calibration: a lead, or {@code leads + location}. */
    private record Sampled(int item, WarmClass warmClass, double chance) {}

    /** Up to {@link #CALIBRATION_SAMPLE} per class and bucket of 0.05, drawn at random (seeded by the run's time), as production's WarmOutcomes draws them. */
    private static List<Sampled> sample(List<Sampled> all, long now) {
        if (CALIBRATION_SAMPLE <= 0) return all;
        List<Sampled> shuffled = new ArrayList<>(all);
        java.util.Collections.shuffle(shuffled, new java.util.Random(now));
        int[][] taken = new int[WarmClass.values().length][20];
        List<Sampled> out = new ArrayList<>();
        for (Sampled p : shuffled) {
            int b = Math.min(19, Math.max(0, (int) (p.chance() * 20)));
            if (taken[p.warmClass().ordinal()][b]++ < CALIBRATION_SAMPLE) out.add(p);
        }
        return out;
    }

    private static double benefitPerByte(int readsSaved, int bytes) {
        return (double) readsSaved / bytes;
    }

    private static int sum(int[] values) {
        return Arrays.stream(values).sum();
    }

    /** The keys an item of {@link #ranked} stands for. */
    int[] keysOf(int item) {
        if (item >= 0) return new int[] {PlatformWorkload.Generated.conversationKey(item), PlatformWorkload.Generated.profileKey(item)};
        int first = 2 * leads + PlatformWorkload.BI_KEYS * (-1 - item);
        int[] keys = new int[PlatformWorkload.BI_KEYS];
        for (int r = 0; r < keys.length; r++) keys[r] = first + r;
        return keys;
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
