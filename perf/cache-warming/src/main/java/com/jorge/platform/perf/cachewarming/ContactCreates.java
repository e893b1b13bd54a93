package com.jorge.platform.perf.cachewarming;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * GHL's ContactCreate webhooks that come before a new lead's first text, and the write-through the worker makes
 * for them (bot-worker's {@code NewLeadWarming}: the lead's conversation and profile keys, short TTL). Drawn from
 * a seeded stream of its own, after the reads, so a seed's reads are the same whatever the share: the plain
 * policies and Belady see exactly the trace they saw without it. Every number is an assumption (no lead-source
 * data exists in this repository or in GHL's documents, which say only "called whenever a contact is created");
 * the simulation prints a sensitivity row (share 0, {@link #SHARE}, 1) so nobody takes one for a result:
 *
 * <ul>
 *   <li>{@link #SHARE} of new leads, 0.5: a form, ad (lead-form) or portal lead is created in GHL by that
 *       integration, and its contact exists before it writes; a lead who texts in cold (a sign call, a referral
 *       texting the agent's number) is created by its own first message, whose ContactCreate arrives with it and
 *       cannot help. Which half is which is drawn per lead (coupled: the leads created first at share 0.5 are
 *       also created first at 1).</li>
 *   <li>Delay from ContactCreate to the lead's first text: the location's welcome text (a GHL workflow's
 *       "speed to lead" text, uniform 30 s .. 5 min, {@link #WELCOME_MIN}, {@link #WELCOME_MAX}) plus the lead's
 *       answer to it, the workload's own SMS answer delay (lognormal, median 240 s, σ 1.5, at most 2 days).
 *       Quiet hours and night answers are not modelled on this path.</li>
 *   <li>The write is at the ContactCreate's time: the lead's events are one FIFO group (webhook-intake's
 *       queue), so its first text is handled after its ContactCreate whatever the gap.</li>
 *   <li>TTL {@link #TTL}, 120 minutes (NEW_LEAD_WARM_TTL_MINUTES): a lead whose first text comes later finds its
 *       keys expired; the simulator, which has no expiry, writes such a lead's ContactCreate into keys of their
 *       own that are never read (so it still costs the write and the space, and saves nothing).</li>
 *   <li>{@link #NEVER_TEXT_PER_LEAD}, 1.0: for each such lead that texts, one contact created the same way never
 *       texts (half of form, ad and portal leads never answer: the workload only holds leads that text). Its
 *       keys are written and never read; in the simulator they stay until pushed out (no expiry): pessimistic.</li>
 * </ul>
 *
 * @param at    write times, ascending
 * @param first the conversation key written at {@code at[i]}; the profile is {@code first[i] + 1}
 * @param share the share of new leads created before their first text
 */
public record ContactCreates(long[] at, int[] first, double share) {

    static final double SHARE = Double.parseDouble(System.getProperty("workload.contactCreateShare", "0.5"));
    static final long WELCOME_MIN = 30 * PlatformWorkload.SECOND, WELCOME_MAX = 5 * PlatformWorkload.MINUTE;
    static final long TTL = Long.getLong("workload.newLeadTtlMinutes", 120) * PlatformWorkload.MINUTE;
    static final double NEVER_TEXT_PER_LEAD = Double.parseDouble(System.getProperty("workload.neverTextPerLead", "1.0"));

    public static final ContactCreates NONE = new ContactCreates(new long[0], new int[0], 0);

    public int size() {
        return at.length;
    }

    /**
     * Every lead's draws, for any share: each lead's uniform draw, delay and time; the never-texting contacts and
     * the expired writes get keys after {@code firstFreeKey}. {@link #atShare} picks the events of one share.
     */
    public record Draws(long[] firstTextAt, double[] pick, long[] delay, long[] ghostAt, double[] ghostPick,
                        int firstFreeKey, int extraKeys) {

        public static final Draws NONE = new Draws(new long[0], new double[0], new long[0], new long[0], new double[0], 0, 0);

        public ContactCreates atShare(double share) {
            List<long[]> events = new ArrayList<>(); // {at, key}
            int leads = firstTextAt.length, nextGhostKey = firstFreeKey + 2 * ghostAt.length;
            for (int lead = 0; lead < leads; lead++) {
                if (firstTextAt[lead] < 0 || pick[lead] >= share) continue;
                long at = firstTextAt[lead] - delay[lead];
                if (at < 0) continue;
                // a first text after the TTL finds the keys gone: the write lands in keys nobody reads
                int key = delay[lead] > TTL ? firstFreeKey + 2 * ghostAt.length + 2 * expiredIndex(lead)
                        : PlatformWorkload.Generated.conversationKey(lead);
                events.add(new long[] {at, key});
            }
            for (int g = 0; g < ghostAt.length; g++) {
                if (ghostPick[g] < share && ghostAt[g] >= 0) events.add(new long[] {ghostAt[g], firstFreeKey + 2 * g});
            }
            events.sort((a, b) -> Long.compare(a[0], b[0]));
            long[] at = new long[events.size()];
            int[] first = new int[events.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = events.get(i)[0];
                first[i] = (int) events.get(i)[1];
            }
            assert nextGhostKey <= firstFreeKey + extraKeys;
            return new ContactCreates(at, first, share);
        }

        private int expiredIndex(int lead) {
            int index = 0;
            for (int l = 0; l < lead; l++) if (delay[l] > TTL) index++;
            return index;
        }
    }

    /**
     * Draws, from a stream of its own ({@code seed}), each lead's place in the share, its delay, and the
     * never-texting contacts (at the time another drawn lead's contact was created).
     *
     * @param firstTextAt each lead's first text (its first read), -1 for none within the span
     * @param firstFreeKey the first key id past the workload's keys
     */
    static Draws draw(long[] firstTextAt, int firstFreeKey, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0xC0C7AC7L);
        int leads = firstTextAt.length;
        double[] pick = new double[leads];
        long[] delay = new long[leads];
        int expired = 0;
        for (int lead = 0; lead < leads; lead++) {
            pick[lead] = random.nextDouble();
            long answer;
            do answer = (long) (PlatformWorkload.ANSWER_MEDIAN_SECONDS * Math.exp(PlatformWorkload.ANSWER_SIGMA * random.nextGaussian())
                    * PlatformWorkload.SECOND);
            while (answer > PlatformWorkload.ANSWER_CAP);
            delay[lead] = WELCOME_MIN + (long) (random.nextDouble() * (WELCOME_MAX - WELCOME_MIN)) + answer;
            if (delay[lead] > TTL) expired++;
        }
        int ghosts = (int) Math.round(NEVER_TEXT_PER_LEAD * leads);
        long[] ghostAt = new long[ghosts];
        double[] ghostPick = new double[ghosts];
        for (int g = 0; g < ghosts; g++) {
            int like = random.nextInt(leads);
            ghostAt[g] = firstTextAt[like] < 0 ? -1 : firstTextAt[like] - delay[random.nextInt(leads)];
            ghostPick[g] = random.nextDouble();
        }
        return new Draws(firstTextAt, pick, delay, ghostAt, ghostPick, firstFreeKey, 2 * (ghosts + expired));
    }

    /** Each extra key's size: a never-read lead's conversation and profile, as the lead classes weigh. */
    static int[] extraBytes(int extraKeys) {
        int[] bytes = new int[extraKeys];
        for (int k = 0; k < extraKeys; k++) bytes[k] = k % 2 == 0 ? PlatformWorkload.CONVERSATION_BYTES : PlatformWorkload.PROFILE_BYTES;
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContactCreates c && Arrays.equals(at, c.at) && Arrays.equals(first, c.first) && share == c.share;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(at) * 31 + Arrays.hashCode(first);
    }

    @Override
    public String toString() {
        return "ContactCreates[" + at.length + " writes, share " + share + "]";
    }
}
