package com.jorge.platform.models.training;

import com.jorge.platform.models.features.ConversationFeatureSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Simulated SMS conversations with outcomes drawn from a stated rule, for a fault-test fixture model
 * ({@code --source simulated}), never for the bots' real model: there are no real outcomes yet, and a
 * model trained on these learns the rule and nothing about real leads.
 *
 * <p>Each conversation holds what the bots learn ({@code conversation-features/1}): side, timeline,
 * pre-approval or motivation, budget or price, and signals. The rule (the one models/README.md and
 * ConversationRetrainingTest describe): a lead with an agent or no interest converts at 1 %; a
 * qualified lead (a pre-approved buyer, a seller moving within 3 months) at 50 %, 85 % when it also
 * asked for a call; a call request alone 12 %; anyone else 4 %. Everything else is noise.
 */
public final class SimulatedConversations {

    /** The conversations the committed fixture was trained on. */
    public static final long TRAINING_SEED = 7;
    /** Conversations no training run reads: the fixture's held-out check. */
    public static final long HELD_OUT_SEED = 20_261_205;
    public static final int DEFAULT_ROWS = 3_000;

    private SimulatedConversations() {
    }

    /** {@code count} conversations, the same for the same seed. */
    public static List<Map<String, Object>> conversations(int count, long seed) {
        Random random = new Random(seed);
        List<Map<String, Object>> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(conversation(random));
        }
        return out;
    }

    /** Each conversation's outcome, drawn from its {@link #conversionChance} on a stream of its own. */
    public static boolean[] outcomes(List<Map<String, Object>> conversations, long seed) {
        Random random = new Random(~seed);
        boolean[] converted = new boolean[conversations.size()];
        for (int i = 0; i < converted.length; i++) {
            converted[i] = random.nextDouble() < conversionChance(conversations.get(i));
        }
        return converted;
    }

    /** The training source: {@code count} encoded conversations with their outcomes. */
    public static InMemoryOutcomes source(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("--rows must be positive, was " + count);
        }
        List<Map<String, Object>> conversations = conversations(count, seed);
        boolean[] converted = outcomes(conversations, seed);
        List<LeadOutcome> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(LeadOutcome.encode(ConversationFeatureSet.INSTANCE, conversations.get(i), converted[i]));
        }
        return new InMemoryOutcomes(ConversationFeatureSet.INSTANCE, rows, "simulated: " + count
                + " conversations from seed " + seed + " (SimulatedConversations), outcomes drawn from a stated rule,"
                + " not real outcomes: a fault-test fixture, not a production model", false);
    }

    /** The rule's chance that a lead with these attributes converts. */
    public static double conversionChance(Map<String, Object> a) {
        if (Boolean.TRUE.equals(a.get(ConversationFeatureSet.HAS_AGENT))
                || Boolean.TRUE.equals(a.get(ConversationFeatureSet.NOT_INTERESTED))) {
            return 0.01;
        }
        boolean qualified = "buyer".equals(a.get(ConversationFeatureSet.SIDE))
                ? "yes".equals(a.get(ConversationFeatureSet.PRE_APPROVAL))
                : a.get(ConversationFeatureSet.TIMELINE_MONTHS) instanceof Integer months && months <= 3;
        boolean wantsCall = Boolean.TRUE.equals(a.get(ConversationFeatureSet.WANTS_CALL));
        if (qualified) {
            return wantsCall ? 0.85 : 0.50;
        }
        return wantsCall ? 0.12 : 0.04;
    }

    private static Map<String, Object> conversation(Random random) {
        Map<String, Object> a = new LinkedHashMap<>();
        boolean buyer = random.nextBoolean();
        a.put(ConversationFeatureSet.SIDE, buyer ? "buyer" : "seller");
        if (random.nextDouble() < 0.9) {
            a.put(ConversationFeatureSet.TIMELINE_MONTHS, List.of(1, 2, 3, 6, 9, 12, 24).get(random.nextInt(7)));
        }
        if (buyer) {
            if (random.nextDouble() < 0.85) {
                a.put(ConversationFeatureSet.PRE_APPROVAL, List.of("yes", "no", "in_progress").get(random.nextInt(3)));
            }
            a.put(ConversationFeatureSet.BUDGET_MAX, 150_000 + 10_000 * random.nextInt(80));
            a.put(ConversationFeatureSet.FIRST_TIME_BUYER, random.nextBoolean() ? "yes" : "no");
            a.put(ConversationFeatureSet.WANTS_SHOWING, random.nextDouble() < 0.3);
        } else {
            a.put(ConversationFeatureSet.MOTIVATION, List.of("relocating", "downsizing", "divorce", "inherited",
                    "upgrading", "financial", "retiring", "tired_landlord").get(random.nextInt(8)));
            a.put(ConversationFeatureSet.PRICE_EXPECTATION, 200_000 + 10_000 * random.nextInt(80));
            a.put(ConversationFeatureSet.CONDITION, List.of("good", "fair", "poor").get(random.nextInt(3)));
            a.put(ConversationFeatureSet.GAVE_ADDRESS, random.nextDouble() < 0.6);
            a.put(ConversationFeatureSet.ASKS_HOME_VALUE, random.nextDouble() < 0.3);
        }
        a.put(ConversationFeatureSet.BEDROOMS, 1 + random.nextInt(5));
        a.put(ConversationFeatureSet.NAMED_AREA, random.nextDouble() < 0.5);
        a.put(ConversationFeatureSet.GAVE_EMAIL, random.nextDouble() < 0.4);
        a.put(ConversationFeatureSet.UNANSWERED_FOLLOW_UPS, random.nextInt(4));
        a.put(ConversationFeatureSet.WANTS_CALL, random.nextDouble() < 0.35);
        a.put(ConversationFeatureSet.HAS_AGENT, random.nextDouble() < 0.08);
        a.put(ConversationFeatureSet.NOT_INTERESTED, random.nextDouble() < 0.08);
        a.put(ConversationFeatureSet.JUST_LOOKING, random.nextDouble() < 0.1);
        return a;
    }
}
