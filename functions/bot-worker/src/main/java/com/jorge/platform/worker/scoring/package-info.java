/**
 * The bots' lead score in the worker: {@link com.jorge.platform.worker.scoring.ModelLeadScorer} scores with the
 * live model (or a {@code model_version} experiment variant's version, {@link com.jorge.platform.worker.scoring.VariantModels}),
 * falling back to the rules; {@link com.jorge.platform.worker.scoring.LeadScoreRecords} keeps each new score in
 * {@code lead_scores} with the model version that gave it.
 */
package com.jorge.platform.worker.scoring;
