/**
 * λ webhook-intake: {@link WebhookIntakeHandler} (API Gateway HTTP API) hands the raw body to
 * {@link WebhookIntake}, which checks size, signature ({@link SignatureVerifier}), shape, freshness and replays
 * ({@link ReplayGuard}) before queueing; {@link IntakeFunction} builds it from configuration.
 */
package com.jorge.platform.intake;
