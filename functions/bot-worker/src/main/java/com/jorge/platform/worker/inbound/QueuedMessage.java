package com.jorge.platform.worker.inbound;

import com.jorge.platform.ghl.events.EventMeta;
import com.jorge.platform.ghl.events.GhlEvent;

/**
 * One message from the lead-events queue, read once: a GHL event intake accepted, a GHL event of a type
 * the bots do not handle, a message from one of the lead workflows, or one of a bulk re-engagement.
 */
public sealed interface QueuedMessage permits QueuedMessage.GhlEventMessage, QueuedMessage.UnhandledGhlEvent,
        WorkflowMessage, ReEngagementMessage {

    /**
     * A GHL event for one lead.
     *
     * @param body             the verified webhook body, stored with the claim for audits and replays
     * @param receivedAtMillis when intake accepted it (0 when unknown), for the queue-age and latency metrics
     */
    record GhlEventMessage(GhlEvent event, String body, long receivedAtMillis) implements QueuedMessage {}

    /** A GHL event type the bots do not act on: acknowledged and dropped. */
    record UnhandledGhlEvent(EventMeta meta) implements QueuedMessage {}
}
