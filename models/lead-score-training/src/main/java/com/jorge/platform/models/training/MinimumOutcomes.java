package com.jorge.platform.models.training;

import java.util.List;

/**
 * How many decided outcomes a training run needs before it starts. The 70/15/15 split sets the scale:
 * validation and test each get 15 % of every class.
 *
 * <ul>
 *   <li>{@value #MIN_PER_CLASS} of each class puts at least 15 converted and 15 not converted leads in
 *       validation and in test. Fewer, and Platt's two parameters and the max-F1 hot threshold are fitted
 *       to a handful of leads, and the test ROC AUC is noise: with 15 converted and 60 not converted its
 *       standard error is already about 0.08 (Hanley and McNeil 1982), so a model at 0.75 stands only
 *       three standard errors clear of chance.</li>
 *   <li>{@value #MIN_OUTCOMES} in all leaves 350 rows to learn from: about six per input column of the
 *       conversation feature set, and room for depth-5 trees to find more than one split that generalises.</li>
 * </ul>
 * These are floors for a model worth evaluating, not for a good one; the model card reports what a run got.
 */
public final class MinimumOutcomes {

    public static final int MIN_OUTCOMES = 500;
    public static final int MIN_PER_CLASS = 100;

    private MinimumOutcomes() {
    }

    /**
     * @param what the feature set and source, for the message
     * @throws NotEnoughOutcomesException saying what was found, what is needed and what to do
     */
    static void require(List<LeadOutcome> outcomes, String what) {
        int converted = (int) outcomes.stream().filter(LeadOutcome::converted).count();
        int notConverted = outcomes.size() - converted;
        if (outcomes.size() >= MIN_OUTCOMES && converted >= MIN_PER_CLASS && notConverted >= MIN_PER_CLASS) {
            return;
        }
        throw new NotEnoughOutcomesException("not enough decided outcomes to train on " + what + ": found "
                + outcomes.size() + " (" + converted + " converted, " + notConverted + " not converted), need at least "
                + MIN_OUTCOMES + " with at least " + MIN_PER_CLASS + " converted and " + MIN_PER_CLASS
                + " not converted. Nothing was trained or written. Train again once more outcomes are recorded"
                + " (the bot worker records one for each won or lost opportunity), or widen the data"
                + " (all locations rather than --location-id); until a model is live the bots keep their rule-based"
                + " estimate.", converted, notConverted);
    }
}
