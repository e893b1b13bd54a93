package com.jorge.platform.reengagement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.queue.LeadEventQueue;
import com.jorge.platform.queue.QueuedLeadEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * The bulk re-engagement's messages on lead-events.fifo, written by the inbox (a batch at or below the
 * location's {@code reengage_more_than}) and by the worker (a batch once approved), read by the worker:
 * <ul>
 *   <li>{@value #SEND} {@code {"type", "locationId", "contactId", "batchId"}}: text one lead of the batch, in the
 *   lead's own message group, so it waits behind the lead's own texts and the worker re-checks the lead first;</li>
 *   <li>{@value #START_APPROVAL} {@code {"type", "locationId", "contactId": "reengagement", "batchId"}}: start the
 *   one approval of a batch above N, in the batch's group ({@code <locationId>:reengagement}).</li>
 * </ul>
 * Each carries a deduplication id from the batch and the lead, so a request the inbox retries or an approval
 * decision delivered twice queues each lead once inside the queue's window; past it the worker's claim of the
 * lead's {@code reengagement_leads} row still sends once.
 */
public final class ReEngagementQueue {

    public static final String SEND = "reengagement.send";
    public static final String START_APPROVAL = "reengagement.approval";
    /** The approval kind and the audit code of a batch. */
    public static final String KIND = "reengagement";
    /** The contact id a batch's own messages and its approval carry: no GHL contact id is this word. */
    public static final String BATCH_CONTACT = "reengagement";

    private final LeadEventQueue queue;
    private final ObjectMapper json;
    private final Clock clock;

    public ReEngagementQueue(LeadEventQueue queue, ObjectMapper json, Clock clock) {
        this.queue = queue;
        this.json = json;
        this.clock = clock;
    }

    /** Queues the text for one lead of the batch; throws when the queue refused it. */
    public void send(String batchId, LeadRef lead) {
        ObjectNode body = json.createObjectNode().put("type", SEND).put("locationId", lead.locationId())
                .put("contactId", lead.contactId()).put("batchId", batchId);
        queue.send(new QueuedLeadEvent(QueuedLeadEvent.groupFor(lead.locationId(), lead.contactId()),
                deduplicationId(batchId, lead.contactId()), SEND, body.toString(), clock.millis()));
    }

    /** Queues the start of the batch's one approval; throws when the queue refused it. */
    public void startApproval(String batchId, String locationId) {
        ObjectNode body = json.createObjectNode().put("type", START_APPROVAL).put("locationId", locationId)
                .put("contactId", BATCH_CONTACT).put("batchId", batchId);
        queue.send(new QueuedLeadEvent(QueuedLeadEvent.groupFor(locationId, BATCH_CONTACT),
                deduplicationId(batchId, "approval"), START_APPROVAL, body.toString(), clock.millis()));
    }

    /** 64 hex characters (SQS allows 128): the same for the same batch and lead, whoever queues it. */
    public static String deduplicationId(String batchId, String contactId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("reengage:" + batchId + ":" + contactId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
