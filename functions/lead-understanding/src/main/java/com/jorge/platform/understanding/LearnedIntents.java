package com.jorge.platform.understanding;

import java.util.Map;

/**
 * A learned scorer of intents that {@link IntentReader} can blend with its rules: the probability of
 * each intent it scores, for a folded message. The default understander uses none: the one tried
 * (evaluation/lead-understanding's {@code LearnedIntentModel}, logistic regression over character and
 * word n-grams of the tuning parts) lowered exact-set accuracy in cross-validation at every
 * threshold, and measured by leave-one-part-out across hands (with MiniLM embeddings too) it stayed below the
 * rules' history on fresh text ({@code evaluate.sh --leave-one-part-out}, README). The compact reader asked only where
 * the rules answer OTHER is {@link OtherIntentFallback}, not this interface; the learned reader of the full intent set that
 * the understander uses by default (ninth round) is {@link StackedIntentReader}, which reads the rules' own intents too.
 */
interface LearnedIntents {

    Map<Intent, Double> probabilities(String folded);
}
