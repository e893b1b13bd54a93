/**
 * A/B experiments from configuration ({@link com.jorge.platform.experiments.Experiments}, key EXPERIMENTS):
 * {@link com.jorge.platform.experiments.Experiment#variantOf} gives a contact its variant by a stable hash,
 * the same answer for the bots that apply it and for the BI aggregator that reports it.
 */
package com.jorge.platform.experiments;
