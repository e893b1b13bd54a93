package com.jorge.platform.bots.temperature;

import com.jorge.platform.bots.policy.Fact;
import com.jorge.platform.bots.policy.LeadFacts;
import com.jorge.platform.bots.policy.Signal;
import com.jorge.platform.conversation.BotType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * RULE-BASED ESTIMATE, not the machine-learned lead score: hand-set points for what the conversation
 * knows, used until a model trained on the platform's own outcomes is live (and whenever a turn's
 * attributes cannot be scored). The
 * points follow common real-estate qualification practice (a short timeline and a pressing reason to
 * move, or a lender's pre-approval, predict a transaction); they were not fitted to data.
 */
public final class RuleBasedLeadScorer implements LeadScorer {

    public static final String SOURCE = "rule-based estimate (no conversation model live yet)";
    /** Where the points say hot and warm begin; set by hand with the points. */
    public static final double HOT_SCORE = 0.70;
    public static final double WARM_SCORE = 0.35;

    private static final Set<String> PRESSING_MOTIVATIONS =
            Set.of("relocating", "divorce", "inherited", "financial", "downsizing", "retiring", "tired_landlord");

    @Override
    public LeadScore score(BotType side, LeadFacts facts) {
        Points points = new Points();
        points.add(0.10, "base");
        if (side == BotType.SELLER) {
            String motivation = facts.get(Fact.SELLER_MOTIVATION);
            if (motivation != null) {
                boolean pressing = PRESSING_MOTIVATIONS.contains(motivation.toLowerCase(Locale.ROOT));
                points.add(pressing ? 0.15 : 0.08, "motivation " + motivation);
            }
            timeline(points, facts.months(Fact.SELLER_TIMELINE), 0.30);
            if (facts.has(Fact.SELLER_ADDRESS)) {
                points.add(0.10, "gave the property address");
            }
            if (facts.has(Fact.SELLER_PRICE)) {
                points.add(0.10, "has a price in mind");
            }
            if (facts.has(Fact.SELLER_CONDITION)) {
                points.add(0.05, "described the condition");
            }
            if ("yes".equals(facts.get(Fact.SELLER_ALREADY_LISTED))) {
                points.add(-0.40, "already listed");
            }
        } else {
            switch (String.valueOf(facts.get(Fact.BUYER_PRE_APPROVAL))) {
                case "yes" -> points.add(0.30, "pre-approved");
                case "in_progress" -> points.add(0.15, "pre-approval in progress");
                default -> { }
            }
            timeline(points, facts.months(Fact.BUYER_TIMELINE), 0.25);
            if (facts.has(Fact.BUYER_BUDGET_MAX) || facts.has(Fact.BUYER_BUDGET_MIN)) {
                points.add(0.10, "gave a budget");
            }
            if (facts.has(Fact.BUYER_AREAS)) {
                points.add(0.10, "named an area");
            }
            if (facts.has(Fact.BUYER_BEDROOMS)) {
                points.add(0.05, "knows the size needed");
            }
            if ("yes".equals(facts.get(Fact.BUYER_HOME_TO_SELL))) {
                points.add(-0.05, "must sell a home first");
            }
        }
        signal(points, facts, Signal.WANTS_CALL, 0.20, "asked for a call");
        signal(points, facts, Signal.WANTS_SHOWING, 0.20, "asked to see a home");
        signal(points, facts, Signal.ASKS_HOME_VALUE, 0.10, "asked what the home is worth");
        signal(points, facts, Signal.JUST_LOOKING, -0.20, "just looking");
        signal(points, facts, Signal.NOT_NOW, -0.25, "not now");
        signal(points, facts, Signal.NOT_INTERESTED, -0.40, "not interested");
        signal(points, facts, Signal.HAS_AGENT, -0.40, "has an agent");
        signal(points, facts, Signal.ANGRY, -0.30, "upset with the texts");
        signal(points, facts, Signal.PRICE_TOO_HIGH, -0.05, "finds prices too high");
        return new LeadScore(Math.max(0, Math.min(1, points.total)), points.reasons, SOURCE, HOT_SCORE, WARM_SCORE);
    }

    private static void timeline(Points points, int months, double weight) {
        if (months < 0) {
            return;
        }
        if (months <= 3) {
            points.add(weight, "timeline " + (months == 0 ? "now" : months + " months"));
        } else if (months <= 6) {
            points.add(weight / 2, "timeline " + months + " months");
        } else if (months > 12) {
            points.add(-0.10, "timeline over a year");
        }
    }

    private static void signal(Points points, LeadFacts facts, Signal signal, double weight, String reason) {
        if (facts.hasSignal(signal)) {
            points.add(weight, reason);
        }
    }

    private static final class Points {
        double total;
        final List<String> reasons = new ArrayList<>();

        void add(double weight, String reason) {
            total += weight;
            if (!reason.equals("base")) {
                reasons.add(reason + String.format(Locale.ROOT, " (%+.2f)", weight));
            }
        }
    }
}
