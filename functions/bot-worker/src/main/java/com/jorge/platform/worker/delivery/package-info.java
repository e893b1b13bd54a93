/**
 * The outbox: {@code OutboxWriter} stores a decision's replies and CRM actions in its transaction,
 * {@code OutboxDelivery} sends them (SMS through GHL, then {@code CrmActionExecutor} for tags, fields,
 * DND, pipeline moves in {@code PipelineStages}, hand-offs and workflow starts), marking each done once
 * GHL accepted it ({@code OutboxRecords}: done and audited in one transaction); {@code ReplySender} sends a reply once in effect; {@code OutboxRedelivery} is the
 * outbox's own retry schedule, with {@code RedeliveryBackoff}.
 */
package com.jorge.platform.worker.delivery;
