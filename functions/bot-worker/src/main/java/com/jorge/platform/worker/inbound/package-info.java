/**
 * What arrives on the lead-events queue: the sealed {@code QueuedMessage} (a GHL event, or a workflow's
 * {@code WorkflowMessage}), read once by {@code QueuedMessageReader} from the {@code eventType} attribute
 * and the body; and {@code DlqReplay}, which moves dead letters back.
 */
package com.jorge.platform.worker.inbound;
