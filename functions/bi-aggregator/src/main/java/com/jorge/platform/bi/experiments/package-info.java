/**
 * A/B experiment results: {@link com.jorge.platform.bi.experiments.ExperimentReader} splits a location's leads
 * by the configured experiments' stable assignment and judges them with
 * {@link com.jorge.platform.bi.experiments.ProportionTest} (fixed horizon, sample-ratio check).
 */
package com.jorge.platform.bi.experiments;
