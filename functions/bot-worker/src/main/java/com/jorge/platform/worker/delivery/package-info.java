/**
 * The outbox: {@code OutboxWriter} stores a decision's replies and CRM actions in its transaction,
 * {@code OutboxDelivery} sends them (SMS through GHL, then {@code CrmActionExecutor} for tags, fields,
 * DND, pipeline moves in {@code PipelineStages}, hand-offs and workflow starts), marking each done once
 * GHL accepted it.
 */
package com.jorge.platform.worker.delivery;
