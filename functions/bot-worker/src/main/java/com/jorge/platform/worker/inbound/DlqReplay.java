package com.jorge.platform.worker.inbound;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Moves messages from the dead-letter queue back to the lead-events queue, keeping each lead's
 * message group and the message attributes. A message is deleted from the DLQ only after it was sent
 * to the queue, so a crash in between duplicates (harmless: the worker is idempotent) but never loses.
 */
public final class DlqReplay {

    private final SqsClient sqs;
    private final String queueUrl;
    private final String dlqUrl;

    public DlqReplay(SqsClient sqs, String queueUrl, String dlqUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.dlqUrl = dlqUrl;
    }

    /** Replays up to {@code max} messages; returns how many were moved. */
    public int replay(int max) {
        int moved = 0;
        while (moved < max) {
            int batch = Math.min(10, max - moved);
            ReceiveMessageResponse received = sqs.receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(batch)
                    .waitTimeSeconds(1).visibilityTimeout(60)
                    .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID)
                    .messageAttributeNames("All"));
            if (received.messages().isEmpty()) break;
            for (Message m : received.messages()) {
                String group = m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
                // A fresh deduplication id: the original may still be inside SQS's 5-minute window.
                sqs.sendMessage(s -> s.queueUrl(queueUrl).messageBody(m.body())
                        .messageGroupId(group == null ? "replay" : group)
                        .messageDeduplicationId("replay-" + m.messageId())
                        .messageAttributes(m.messageAttributes()));
                sqs.deleteMessage(d -> d.queueUrl(dlqUrl).receiptHandle(m.receiptHandle()));
                moved++;
            }
        }
        return moved;
    }

    /** Messages waiting in the DLQ (approximate, as SQS reports it). */
    public int depth() {
        String n = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
        return n == null ? 0 : Integer.parseInt(n);
    }
}
