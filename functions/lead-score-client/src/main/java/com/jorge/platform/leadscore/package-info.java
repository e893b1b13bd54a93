/**
 * The lead-score client: {@link LeadScoreClient} asks the inference tier with a deadline, a retry and a circuit
 * breaker, and falls back to the same model in-process ({@link InProcessLeadScorer}); {@link LiveLeadScoreModel}
 * follows the registry's live version ({@link LiveModelLoader}); its settings are {@link LeadScoreSettings} (read
 * through {@code PlatformConfig}) and {@link LeadScoreClientSettings}.
 */
package com.jorge.platform.leadscore;
