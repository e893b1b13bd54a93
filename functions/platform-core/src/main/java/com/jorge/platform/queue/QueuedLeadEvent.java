package com.jorge.platform.queue;

/**
 * A verified webhook on its way to the bot worker.
 *
 * @param groupId         one lead's events share it, so they are handled in order ({@code locationId:contactId})
 * @param deduplicationId GHL's webhookId: a redelivery inside the queue's window is dropped
 * @param eventType       GHL's event type, carried as a message attribute for routing and metrics
 * @param body            the webhook body exactly as GHL signed it
 * @param receivedAtMillis when intake accepted it, to measure queue age and reply latency end to end
 */
public record QueuedLeadEvent(String groupId, String deduplicationId, String eventType, String body,
                              long receivedAtMillis) {

    public static String groupFor(String locationId, String contactId) {
        return locationId + ":" + contactId;
    }
}
