package com.jorge.platform.worker.inbound;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.reengagement.ReEngagementQueue;

/**
 * The bulk re-engagement's messages (platform-core {@link ReEngagementQueue}): the inbox or the worker queued
 * them for a batch of cold leads a team lead or an admin chose.
 */
public sealed interface ReEngagementMessage extends QueuedMessage {

    String batchId();

    /** Text one lead of the batch, after checking the lead again; in the lead's own message group. */
    record Send(LeadRef lead, String batchId) implements ReEngagementMessage {}

    /** Start the one approval of a batch above the location's {@code reengage_more_than}. */
    record StartApproval(String locationId, String batchId) implements ReEngagementMessage {}
}
