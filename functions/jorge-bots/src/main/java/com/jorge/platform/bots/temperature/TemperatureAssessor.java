package com.jorge.platform.bots.temperature;

import com.jorge.platform.bots.policy.LeadFacts;
import com.jorge.platform.bots.policy.Question;
import com.jorge.platform.bots.policy.Signal;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.Temperature;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hot, warm or cold from three things: how much of the qualification is known, what the lead asked
 * for (a call, a showing), and the lead score. A lead who has an agent or is not interested is cold
 * whatever else is known: the team does not chase another agent's client.
 */
public final class TemperatureAssessor {

    private final LeadScorer scorer;

    public TemperatureAssessor(LeadScorer scorer) {
        this.scorer = scorer;
    }

    public TemperatureAssessment assess(BotType side, LeadFacts facts, List<Question> plan) {
        return assess(side, facts, plan, Map.of());
    }

    /** As above, the lead being in these experiment variants (a {@code model_version} one picks the scoring model). */
    public TemperatureAssessment assess(BotType side, LeadFacts facts, List<Question> plan, Map<String, String> variants) {
        long known = plan.stream().filter(q -> q.answeredBy().stream().anyMatch(facts::has)).count();
        double completeness = plan.isEmpty() ? 0 : (double) known / plan.size();
        LeadScore score = scorer.score(side, facts, variants);
        boolean asked = facts.hasSignal(Signal.WANTS_CALL) || facts.hasSignal(Signal.WANTS_SHOWING);

        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "lead score %.2f, %s", score.value(), score.source()));
        reasons.addAll(score.reasons());
        reasons.add("qualification " + known + "/" + plan.size() + " known");

        Temperature temperature;
        if (facts.hasSignal(Signal.HAS_AGENT) || facts.hasSignal(Signal.NOT_INTERESTED)) {
            reasons.add("cold: has an agent or is not interested");
            temperature = Temperature.COLD;
        } else if (score.value() >= score.hotAt() && (asked || completeness >= 0.8)) {
            reasons.add(asked ? "hot: high score and asked to talk or see a home" : "hot: high score and qualified");
            temperature = Temperature.HOT;
        } else if (score.value() >= score.warmAt() || completeness >= 0.5) {
            reasons.add("warm: some qualification or interest");
            temperature = Temperature.WARM;
        } else {
            reasons.add("cold: little known and little interest");
            temperature = Temperature.COLD;
        }
        return new TemperatureAssessment(temperature, reasons, score.value(), completeness, score.modelVersion());
    }
}
