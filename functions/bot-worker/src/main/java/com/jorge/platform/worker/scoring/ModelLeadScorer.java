package com.jorge.platform.worker.scoring;

import com.jorge.platform.bots.policy.LeadFacts;
import com.jorge.platform.bots.temperature.ConversationLeadAttributes;
import com.jorge.platform.bots.temperature.LeadScore;
import com.jorge.platform.bots.temperature.LeadScorer;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.leadscore.LeadScoreClient;
import com.jorge.platform.observability.PlatformMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The bots' lead score from the model trained on the team's own deals: the conversation's attributes
 * ({@link ConversationLeadAttributes}) scored by the live model (the inference tier, or the same model
 * in-process when the tier is slow or down). While no model is live, or if scoring fails, the turn is
 * scored by the rule-based estimate, so a bot never waits on or breaks for the model. The
 * {@code LeadScores} metric counts each path, the rule-based one as {@code RULES}.
 *
 * <p>Cut-offs come from the model: hot at its {@code hot_threshold} (chosen on validation), warm from
 * its base rate (a lead likelier than the average lead to convert).
 *
 * <p>A lead in a {@code model_version} experiment variant is scored by that variant's registry version
 * ({@link VariantModels}, in this process), with that version's cut-offs; while the version cannot be loaded
 * the live model scores it. The score names the version that gave it ({@link LeadScore#modelVersion()}).
 */
public final class ModelLeadScorer implements LeadScorer {

    public static final String RULES_PATH = "RULES";
    private static final Logger log = LoggerFactory.getLogger(ModelLeadScorer.class);

    private final Supplier<Optional<LeadScoreClient>> model;
    private final VariantModels variantModels;
    private final ConversationLeadAttributes attributes = new ConversationLeadAttributes();
    private final LeadScorer rules;
    private final PlatformMetrics metrics;

    /** @param model the live model's client, empty while none is live (a {@code LiveLeadScoreModel}) */
    public ModelLeadScorer(Supplier<Optional<LeadScoreClient>> model, LeadScorer rules, PlatformMetrics metrics) {
        this(model, VariantModels.NONE, rules, metrics);
    }

    /** @param variantModels the versions {@code model_version} experiment variants score with */
    public ModelLeadScorer(Supplier<Optional<LeadScoreClient>> model, VariantModels variantModels, LeadScorer rules,
                           PlatformMetrics metrics) {
        this.model = model;
        this.variantModels = variantModels;
        this.rules = rules;
        this.metrics = metrics;
    }

    @Override
    public LeadScore score(BotType side, LeadFacts facts) {
        return score(side, facts, Map.of());
    }

    @Override
    public LeadScore score(BotType side, LeadFacts facts, Map<String, String> variants) {
        Optional<LeadScoreClient> live = variantModels.versionFor(variants).flatMap(variantModels::model)
                .or(model);
        if (live.isPresent()) {
            LeadScoreClient client = live.get();
            try {
                var score = client.score(attributes.of(side, facts));
                double hot = client.hotThreshold();
                double warm = Math.min(hot, Double.isNaN(client.baseRate()) ? hot / 2 : client.baseRate());
                return new LeadScore(score.probability(), List.of(String.format(Locale.ROOT,
                        "model probability %.3f (hot from %.3f, warm from %.3f)", score.probability(), hot, warm)),
                        "model " + client.modelName() + " " + score.modelVersion() + " (" + score.path() + ")", hot, warm,
                        score.modelVersion());
            } catch (RuntimeException e) {
                log.warn("lead score model failed, scoring this turn with the rule-based estimate: {}", e.toString());
            }
        }
        metrics.count(PlatformMetrics.LEAD_SCORES, RULES_PATH);
        return rules.score(side, facts);
    }
}
