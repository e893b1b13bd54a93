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
                .messageBody(sqsCharacters(event.body()))
                .messageAttributes(Map.of(
                        EVENT_TYPE_ATTRIBUTE, text(event.eventType()),
                        RECEIVED_AT_ATTRIBUTE, MessageAttributeValue.builder().dataType("Number")
                                .stringValue(Long.toString(event.receivedAtMillis())).build()))
                .build());
    }

    /**
     * SQS carries only XML 1.0 characters. A body that parsed as JSON can hold just two characters outside
     * that set, U+FFFE and U+FFFF, and only inside strings (controls must be escaped there and surrogates
     * cannot survive strict UTF-8 decoding), so escaping them sends the same JSON document.
     */
    static String sqsCharacters(String json) {
        if (json.indexOf('\uFFFE') < 0 && json.indexOf('\uFFFF') < 0) return json;
        return json.replace("\uFFFE", "\\uFFFE").replace("\uFFFF", "\\uFFFF");
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
