/**
 * λ alert-evaluator: {@link AlertEvaluatorHandler} runs one {@link AlertEvaluation} (fetch each rule's metric,
 * forecast it, let the alert state decide, notify ops; {@link AnomalyWatch} feeds each rule's new minutes to the
 * streaming detector for "anomaly now" alerts) through its ports {@link MetricSource} and
 * {@link AlertPublisher}; {@link AlertEvaluatorFunction} wires the AWS adapters ({@code aws}), the rules
 * ({@code rules}), the forecaster ({@code forecast}), the streaming detector ({@code anomaly}) and the Redis
 * state ({@code state}).
 */
package com.jorge.platform.alerts;
