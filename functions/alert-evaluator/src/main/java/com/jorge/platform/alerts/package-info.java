/**
 * λ alert-evaluator: {@link AlertEvaluatorHandler} runs one {@link AlertEvaluation} (fetch each rule's metric,
 * forecast it, let the alert state decide, notify ops) through its ports {@link MetricSource} and
 * {@link AlertPublisher}; {@link AlertEvaluatorFunction} wires the AWS adapters ({@code aws}), the rules
 * ({@code rules}), the forecaster ({@code forecast}) and the Redis state ({@code state}).
 */
package com.jorge.platform.alerts;
