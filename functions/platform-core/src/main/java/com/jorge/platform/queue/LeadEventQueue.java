package com.jorge.platform.queue;

/** Where intake puts accepted events: SQS FIFO in AWS, an in-process FIFO queue locally. */
public interface LeadEventQueue {

    /** Enqueues the event or throws; intake answers GHL only after this returns. */
    void send(QueuedLeadEvent event);
}
