package com.jorge.platform.perf.cachewarming;

import com.jorge.platform.conversation.Temperature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the platform's cache reads for a span of days, seeded so that a seed always gives the same
 * trace. Keys are the worker's Redis keys (a lead's conversation state {@code 2i} and profile
 * {@code 2i+1}) and the BI keys dashboards read ({@code 2·leads + 5·location + report}). Each
 * distribution and parameter below is listed, with its reason, in perf/cache-warming/README.md.
 */
public final class PlatformWorkload {

    static final long SECOND = 1_000, MINUTE = 60 * SECOND, HOUR = 60 * MINUTE, DAY = 24 * HOUR;

    /** Relative texting activity by local hour (0..23): low at night, a morning rise, an evening peak. */
    static final double[] HOURLY = {0.15, 0.08, 0.05, 0.04, 0.05, 0.10, 0.25, 0.50, 0.80, 1.00, 1.10, 1.10,
            1.00, 1.00, 1.05, 1.10, 1.20, 1.35, 1.45, 1.40, 1.20, 0.90, 0.60, 0.30};
    /** Relative activity by local day, Monday first: weekdays busier than the weekend. */
    static final double[] DAILY = {1.00, 1.05, 1.00, 0.95, 0.90, 0.80, 0.70};
    /** Location time zones (hours from UTC) and their shares: Eastern, Central, Mountain, Pacific. */
    static final int[] ZONES = {-5, -6, -7, -8};
    static final double[] ZONE_SHARES = {0.40, 0.30, 0.10, 0.20};
    /** Location sizes: lognormal weights (median 1), so a few locations have many leads. */
    static final double LOCATION_SIGMA = 1.0;
    /** A lead's answer delay: lognormal with this median and sigma, capped (then the lead is silent). */
    static final double ANSWER_MEDIAN_SECONDS = 240, ANSWER_SIGMA = 1.5;
    static final long ANSWER_CAP = 2 * DAY;
    /** An answer that would come between 00:00 and 07:00 local moves to 07:00-09:00 with this chance. */
    static final double NIGHT_DEFERRAL = 0.8;
    /** Questions the bot asks to qualify a lead: uniform 4..7. */
    static final int MIN_QUESTIONS = 4, MAX_QUESTIONS = 7;
    /** Chance of answering question k: 0.85 - 0.05 k, at least 0.5. */
    static final double FIRST_ANSWER = 0.85, ANSWER_DROP = 0.05, LAST_ANSWER = 0.5;
    /** FollowUpPlanner's defaults: nudges 1, 3 and 7 days apart after the unanswered text, at most 3. */
    static final long[] FOLLOW_UP_DELAYS = {DAY, 3 * DAY, 7 * DAY};
    static final double FOLLOW_UP_ANSWER = 0.30;
    /** Chance that a text of the lead is an opt-out (STOP). */
    static final double OPT_OUT = 0.02;
    /** Outcome of a qualified lead. */
    static final double HOT = 0.25, WARM = 0.35;
    /** Hot leads go to an agent, who accepts after an exponential wait with this mean. */
    static final long HANDOFF_ACCEPT_MEAN = 8 * MINUTE;
    /** Lead-agent texts after a hand-off: 1 + Poisson(3), lognormal gaps (median 20 min, sigma 1.2). */
    static final double AGENT_TEXTS_MEAN = 3, AGENT_GAP_MEDIAN_SECONDS = 1200, AGENT_GAP_SIGMA = 1.2;
    static final double AGENT_ANSWER_MEDIAN_SECONDS = 600;
    /** Appointments: booked by this share of hot and warm leads, 1..3 days later, 10:00-18:00 local. */
    static final double HOT_APPOINTMENT = 0.70, WARM_APPOINTMENT = 0.15;
    /** Half the leads with an appointment text in the 3 hours before it (confirm, reschedule, directions). */
    static final double APPOINTMENT_TEXT = 0.50;
    static final long APPOINTMENT_TEXT_WINDOW = 3 * HOUR;
    /** Warm and cold leads come back with this chance after an exponential wait (mean 3 days). */
    static final double REENGAGE = 0.20;
    static final long REENGAGE_MEAN = 3 * DAY;
    /** Quiet hours (JORGE_BOTS_QUIET_HOURS): bot texts due 21:00-08:00 local wait until 08:00. */
    static final int QUIET_FROM = 21, QUIET_UNTIL = 8;
    /** Dashboards: agents per location 1 + Poisson(2 x weight / mean weight), capped at 20. */
    static final double AGENTS_MEAN = 2;
    static final int MAX_AGENTS = 20;
    /** Dashboard views per agent per business hour (08:00-18:00 local), on weekdays and at the weekend. */
    static final double VIEWS_PER_HOUR = 1.0, WEEKEND_VIEWS_PER_HOUR = 0.25;
    static final int BUSINESS_FROM = 8, BUSINESS_UNTIL = 18;
    /** A view reads the location's five BI keys (the V51 rollups: funnel, activity, agent, revenue, pipeline). */
    static final int BI_KEYS = 5;
    /**
     * Bytes per key class, key and value (Redis' own ~80 bytes per key not counted, as in
     * WARMER_MAX_BYTES): a conversation state (`jorge:{loc:contact}:conversation`, the state JSON with its
     * recent turns), a profile (the contact JSON), and the five BI rollups in {@link #BI_KEYS}' order
     * (funnel, activity by hour, per agent, revenue, pipeline by stage). Estimates of the JSON the
     * platform writes, stated so that the byte budget's effect can be checked: classes differ by up to 7×.
     */
    static final int CONVERSATION_BYTES = 2_400, PROFILE_BYTES = 850;
    static final int[] BI_BYTES = {1_200, 6_000, 3_500, 900, 4_800};

    /** The workload: the reads as a trace, and what Aurora learns about each lead, in time order. */
    public record Generated(Trace trace, int leads, int locations, int[] locationOf, List<LeadSignal> signals,
                            long measuredFrom, long end, ContactCreates.Draws contactCreates) {

        /** A workload without ContactCreate draws (tests). */
        public Generated(Trace trace, int leads, int locations, int[] locationOf, List<LeadSignal> signals, long measuredFrom, long end) {
            this(trace, leads, locations, locationOf, signals, measuredFrom, end, ContactCreates.Draws.NONE);
        }

        public static int conversationKey(int lead) {
            return 2 * lead;
        }

        public static int profileKey(int lead) {
            return 2 * lead + 1;
        }
    }

    private final WorkloadSettings settings;
    private final SplittableRandom random;
    private final long end;
    private final int[] zoneOf;
    private long[] reads = new long[1 << 20]; // (time << 32) | key, sorted at the end
    private int readCount;
    private final List<LeadSignal> signals = new ArrayList<>();

    private PlatformWorkload(WorkloadSettings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.end = settings.days() * DAY;
        this.zoneOf = new int[settings.locations()];
    }

    public static Generated generate(WorkloadSettings settings) {
        return new PlatformWorkload(settings).run();
    }

    private Generated run() {
        int locations = settings.locations(), leads = settings.leads();
        double[] weight = new double[locations];
        double total = 0;
        for (int l = 0; l < locations; l++) {
            weight[l] = Math.exp(LOCATION_SIGMA * gaussian());
            total += weight[l];
            zoneOf[l] = ZONES[pick(ZONE_SHARES)];
        }
        double[] cumulative = new double[locations];
        double sum = 0;
        for (int l = 0; l < locations; l++) cumulative[l] = (sum += weight[l] / total);
        int[] locationOf = new int[leads];
        long[] firstTextAt = new long[leads];
        for (int lead = 0; lead < leads; lead++) {
            int found = Arrays.binarySearch(cumulative, random.nextDouble());
            locationOf[lead] = Math.min(locations - 1, found >= 0 ? found : -found - 1);
            long first = arrival(zoneOf[locationOf[lead]]);
            firstTextAt[lead] = first < end ? first : -1;
            new Conversation(lead, zoneOf[locationOf[lead]]).play(first);
        }
        double meanWeight = total / locations;
        for (int l = 0; l < locations; l++) dashboards(l, leads, weight[l] / meanWeight);

        long[] sorted = Arrays.copyOf(reads, readCount);
        Arrays.sort(sorted);
        int[] keys = new int[readCount];
        long[] times = new long[readCount];
        int measureFrom = readCount;
        long measuredFrom = settings.warmUpDays() * DAY;
        for (int i = 0; i < readCount; i++) {
            times[i] = sorted[i] >>> 32;
            keys[i] = (int) sorted[i];
            if (measureFrom == readCount && times[i] >= measuredFrom) measureFrom = i;
        }
        signals.sort(Comparator.comparingLong(LeadSignal::at));
        // ContactCreate: drawn after the reads, from a stream of its own; its never-read keys come after the workload's
        int workloadKeys = 2 * leads + BI_KEYS * locations;
        ContactCreates.Draws creates = ContactCreates.draw(firstTextAt, workloadKeys, settings.seed());
        int[] bytes = PER_KEY_SIZES ? perKeyBytes(leads, locations, settings.seed()) : keyBytes(leads, locations);
        int[] allBytes = Arrays.copyOf(bytes, workloadKeys + creates.extraKeys());
        System.arraycopy(ContactCreates.extraBytes(creates.extraKeys()), 0, allBytes, workloadKeys, creates.extraKeys());
        Trace trace = Trace.timed("platform", keys, times, workloadKeys + creates.extraKeys(), measureFrom).withBytes(allBytes);
        return new Generated(trace, leads, locations, locationOf, List.copyOf(signals), measuredFrom, end, creates);
    }

    /** Each key's size: a lead's conversation and profile, then each location's BI rollups. */
    static int[] keyBytes(int leads, int locations) {
        int[] bytes = new int[2 * leads + BI_KEYS * locations];
        for (int lead = 0; lead < leads; lead++) {
            bytes[2 * lead] = CONVERSATION_BYTES;
            bytes[2 * lead + 1] = PROFILE_BYTES;
        }
        for (int k = 0; k < BI_KEYS * locations; k++) bytes[2 * leads + k] = BI_BYTES[k % BI_KEYS];
        return bytes;
    }

    /**
     * Per-key sizes ({@code -Dworkload.keySizes=perKey}; off by default, so the tables stay comparable):
     * each key's size is its class's size above times a lognormal factor with mean 1, so a class keeps
     * its mean: σ 0.6 for a conversation (its recent turns vary most), 0.4 for a profile (custom fields),
     * 0.3 for a BI rollup (its shape is fixed, its rows grow with the team), clamped to a quarter and four
     * times the class size. Drawn from their own seeded stream, so the reads are those of the same seed.
     */
    static final boolean PER_KEY_SIZES = "perKey".equals(System.getProperty("workload.keySizes"));
    static final double CONVERSATION_SIGMA = 0.6, PROFILE_SIGMA = 0.4, BI_SIGMA = 0.3;

    static int[] perKeyBytes(int leads, int locations, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5157E5L);
        int[] bytes = keyBytes(leads, locations);
        for (int key = 0; key < bytes.length; key++) {
            double sigma = key >= 2 * leads ? BI_SIGMA : key % 2 == 0 ? CONVERSATION_SIGMA : PROFILE_SIGMA;
            double factor = Math.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
            bytes[key] = (int) Math.round(bytes[key] * Math.max(0.25, Math.min(4, factor)));
        }
        return bytes;
    }

    /** One lead's conversation, played forward in time; anything past the end is dropped. */
    private final class Conversation {
        private final int lead, zone;

        Conversation(int lead, int zone) {
            this.lead = lead;
            this.zone = zone;
        }

        void play(long first) {
            double outcome = random.nextDouble();
            Temperature temperature = outcome < HOT ? Temperature.HOT : outcome < HOT + WARM ? Temperature.WARM : Temperature.COLD;
            int questions = MIN_QUESTIONS + random.nextInt(MAX_QUESTIONS - MIN_QUESTIONS + 1);
            long t = first;
            signal(new LeadSignal.StageChanged(t, lead, "qualifying", null));
            if (!leadTexts(t, false)) return;
            long botAt = botTexts(t);
            int answered = 0;
            while (answered < questions) {
                double chance = Math.max(LAST_ANSWER, FIRST_ANSWER - ANSWER_DROP * answered);
                long answerAt = answerAfter(botAt, chance);
                if (answerAt < 0) answerAt = followUps(botAt);
                if (answerAt < 0 || answerAt >= end) return;
                if (!leadTexts(answerAt, true)) return;
                answered++;
                if (answered == 2) signal(new LeadSignal.StageChanged(answerAt + SECOND, lead, "qualifying", temperature));
                botAt = botTexts(answerAt);
            }
            switch (temperature) {
                case HOT -> handOff(botAt);
                case WARM -> nurture(botAt, temperature, WARM_APPOINTMENT);
                case COLD -> nurture(botAt, temperature, 0);
            }
        }

        /** Unanswered: the follow-up schedule; the time of the lead's answer to a nudge, or -1. */
        private long followUps(long lastText) {
            // the bot's turn stored ScheduleFollowUps(lastText, waits): lead-nurture waits them in sequence,
            // each step counted from the previous step (lead-nurture.asl.json), so Aurora knows every step's time
            long at = lastText;
            for (long delay : FOLLOW_UP_DELAYS) {
                at += delay;
                signal(new LeadSignal.FollowUpScheduled(lastText, lead, at));
            }
            at = lastText;
            for (long delay : FOLLOW_UP_DELAYS) {
                at += delay;
                if (at >= end) return -1;
                // nurture.step: the worker re-checks the lead (both keys) and sends the nudge
                read(at, Generated.conversationKey(lead));
                read(at + 5, Generated.profileKey(lead));
                long sent = botTexts(at);
                long answer = answerAfter(sent, FOLLOW_UP_ANSWER);
                if (answer >= 0) return answer;
            }
            return -1;
        }

        private void handOff(long at) {
            signal(new LeadSignal.StageChanged(at, lead, "handed_off", Temperature.HOT));
            long accepted = at + exponential(HANDOFF_ACCEPT_MEAN);
            read(accepted, Generated.conversationKey(lead));
            long t = accepted;
            int texts = 1 + poisson(AGENT_TEXTS_MEAN);
            for (int i = 0; i < texts && t < end; i++) {
                t += lognormal(AGENT_GAP_MEDIAN_SECONDS, AGENT_GAP_SIGMA);
                if (!leadTexts(t, true)) return;
                long agentAt = t + lognormal(AGENT_ANSWER_MEDIAN_SECONDS, ANSWER_SIGMA);
                read(agentAt, Generated.conversationKey(lead)); // the agent's reply goes through the worker
                signal(new LeadSignal.ReplySent(agentAt, lead));
                t = agentAt;
            }
            if (random.nextDouble() < HOT_APPOINTMENT) appointment(accepted);
        }

        private void nurture(long at, Temperature temperature, double appointmentChance) {
            signal(new LeadSignal.StageChanged(at, lead, "nurture", temperature));
            if (random.nextDouble() < appointmentChance) appointment(at);
            if (random.nextDouble() < REENGAGE) {
                long back = at + exponential(REENGAGE_MEAN);
                if (!leadTexts(back, true)) return;
                long botAt = botTexts(back);
                for (int turn = 0; turn < 2; turn++) {
                    long answer = answerAfter(botAt, 0.6);
                    if (answer < 0 || !leadTexts(answer, true)) return;
                    botAt = botTexts(answer);
                }
            }
        }

        private void appointment(long bookedAt) {
            long localDay = Math.floorDiv(bookedAt + zone * HOUR, DAY) + 1 + random.nextInt(3);
            long startsAt = localDay * DAY - zone * HOUR + (10 + random.nextInt(8)) * HOUR + random.nextInt(4) * 15 * MINUTE;
            signal(new LeadSignal.AppointmentBooked(bookedAt, lead, startsAt));
            if (random.nextDouble() < APPOINTMENT_TEXT) {
                long textAt = startsAt - (long) (random.nextDouble() * APPOINTMENT_TEXT_WINDOW);
                if (leadTexts(textAt, true)) botTexts(textAt);
            }
        }

        /** The lead's text: the worker reads both keys. False when it is past the end or an opt-out. */
        private boolean leadTexts(long at, boolean mayOptOut) {
            if (at >= end) return false;
            read(at, Generated.conversationKey(lead));
            read(at + 5, Generated.profileKey(lead));
            signal(new LeadSignal.Inbound(at, lead));
            if (mayOptOut && random.nextDouble() < OPT_OUT) {
                signal(new LeadSignal.StageChanged(at + SECOND, lead, "opted_out", null));
                signal(new LeadSignal.ReplySent(at + SECOND, lead)); // the confirmation is never held
                return false;
            }
            return true;
        }

        /** The bot answers at once, or at 08:00 local when quiet hours hold the reply; the send time. */
        private long botTexts(long decidedAt) {
            long sendAt = quietUntil(decidedAt + SECOND);
            if (sendAt > decidedAt + SECOND) signal(new LeadSignal.ReplyHeld(decidedAt + SECOND, lead, sendAt));
            if (sendAt < end) signal(new LeadSignal.ReplySent(sendAt, lead));
            return sendAt;
        }

        /** The time of the lead's answer to a text sent at {@code sentAt}, or -1 when the lead stays silent. */
        private long answerAfter(long sentAt, double chance) {
            if (random.nextDouble() >= chance) return -1;
            long delay = lognormal(ANSWER_MEDIAN_SECONDS, ANSWER_SIGMA);
            if (delay > ANSWER_CAP) return -1;
            long at = sentAt + delay;
            int hour = localHour(at, zone);
            if (hour < 7 && random.nextDouble() < NIGHT_DEFERRAL) {
                long localMidnight = Math.floorDiv(at + zone * HOUR, DAY) * DAY - zone * HOUR;
                at = localMidnight + 7 * HOUR + (long) (random.nextDouble() * 2 * HOUR);
            }
            return at;
        }

        private long quietUntil(long at) {
            int hour = localHour(at, zone);
            if (hour >= QUIET_UNTIL && hour < QUIET_FROM) return at;
            long localDay = Math.floorDiv(at + zone * HOUR, DAY) + (hour >= QUIET_FROM ? 1 : 0);
            return localDay * DAY - zone * HOUR + QUIET_UNTIL * HOUR;
        }
    }

    /** A first text's time: uniform over the span, thinned by the hourly and daily rhythm (local time). */
    private long arrival(int zone) {
        double max = 1.45 * 1.05;
        while (true) {
            long t = (long) (random.nextDouble() * end);
            if (random.nextDouble() * max < HOURLY[localHour(t, zone)] * DAILY[localWeekday(t, zone)]) return t;
        }
    }

    private void dashboards(int location, int leads, double relativeWeight) {
        int zone = zoneOf[location];
        int agents = Math.min(MAX_AGENTS, 1 + poisson(AGENTS_MEAN * relativeWeight));
        int firstKey = 2 * leads + BI_KEYS * location;
        for (long localDay = -1; localDay <= settings.days(); localDay++) {
            boolean weekend = Math.floorMod(localDay, 7) >= 5;
            double perHour = agents * (weekend ? WEEKEND_VIEWS_PER_HOUR : VIEWS_PER_HOUR);
            for (int hour = BUSINESS_FROM; hour < BUSINESS_UNTIL; hour++) {
                long hourStart = localDay * DAY + hour * HOUR - zone * HOUR;
                for (int v = poisson(perHour); v > 0; v--) {
                    long at = hourStart + (long) (random.nextDouble() * HOUR);
                    if (at < 0 || at >= end) continue;
                    for (int r = 0; r < BI_KEYS; r++) read(at + 10L * r, firstKey + r);
                }
            }
        }
    }

    private void read(long at, int key) {
        if (at < 0 || at >= end) return;
        if (readCount == reads.length) reads = Arrays.copyOf(reads, readCount * 2);
        reads[readCount++] = (at << 32) | key;
    }

    private void signal(LeadSignal s) {
        if (s.at() < end) signals.add(s);
    }

    static int localHour(long t, int zone) {
        return (int) Math.floorMod(Math.floorDiv(t + zone * HOUR, HOUR), 24L);
    }

    /** 0 = Monday: the span starts on a Monday 00:00 UTC. */
    static int localWeekday(long t, int zone) {
        return (int) Math.floorMod(Math.floorDiv(t + zone * HOUR, DAY), 7L);
    }

    private int pick(double[] shares) {
        double u = random.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) if ((u -= shares[i]) < 0) return i;
        return shares.length - 1;
    }

    private double gaussian() {
        return random.nextGaussian();
    }

    private long lognormal(double medianSeconds, double sigma) {
        return (long) (medianSeconds * Math.exp(sigma * gaussian()) * SECOND);
    }

    private long exponential(long mean) {
        return (long) (-mean * Math.log(1 - random.nextDouble()));
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean), p = 1;
        int k = 0;
        while ((p *= random.nextDouble()) > limit) k++;
        return k;
    }
}
