/**
 * Benchmarks of the inference tier: the lead score and the embedding in process (JMH), over HTTP at a
 * fixed rate ({@code HttpLoadGenerator}), dynamic batching at saturation, the model's own cost
 * ({@code ModelCostProbe}) and the EMF writer against aws-embedded-metrics. {@code run.sh} runs them.
 */
package com.jorge.platform.perf.inference;
