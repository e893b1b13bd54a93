package com.jorge.platform.queue;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.util.Map;

/** The SQS FIFO queue in front of the bot worker. */
public final class SqsLeadEventQueue implements LeadEventQueue {

    public static final String EVENT_TYPE_ATTRIBUTE = "eventType";
    public static final String RECEIVED_AT_ATTRIBUTE = "receivedAtMillis";

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsLeadEventQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(QueuedLeadEvent event) {
        sqs.sendMessage(SendMessageRequest.builder()
                .queueUrl(queueUrl)
                .messageGroupId(event.groupId())
                .messageDeduplicationId(event.deduplicationId())
                .messageBody(event.body())
                .messageAttributes(Map.of(
                        EVENT_TYPE_ATTRIBUTE, text(event.eventType()),
                        RECEIVED_AT_ATTRIBUTE, MessageAttributeValue.builder().dataType("Number")
                                .stringValue(Long.toString(event.receivedAtMillis())).build()))
                .build());
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
