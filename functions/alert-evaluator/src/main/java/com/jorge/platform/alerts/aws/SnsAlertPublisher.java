package com.jorge.platform.alerts.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.alerts.AlertNotice;
import com.jorge.platform.alerts.AlertPublisher;
import com.jorge.platform.json.PlatformJson;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import java.util.Map;

/**
 * Publishes a notice to the alerts topic: a short subject for e-mail and chat, the JSON notice as the
 * message, and severity, rule and transition as message attributes so subscriptions can filter.
 */
public final class SnsAlertPublisher implements AlertPublisher {

    private final SnsClient sns;
    private final String topicArn;

    public SnsAlertPublisher(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void publish(AlertNotice notice) {
        sns.publish(r -> r.topicArn(topicArn).subject(notice.subject()).message(body(notice))
                .messageAttributes(Map.of(
                        "severity", attribute(notice.severity().name()),
                        "rule", attribute(notice.rule()),
                        "transition", attribute(notice.transition().name()))));
    }

    static String body(AlertNotice notice) {
        ObjectNode json = PlatformJson.mapper().createObjectNode()
                .put("rule", notice.rule()).put("description", notice.description())
                .put("severity", notice.severity().name()).put("transition", notice.transition().name())
                .put("status", notice.status()).put("latestValue", notice.latestValue())
                .put("threshold", notice.threshold()).put("evaluatedAt", notice.evaluatedAt().toString())
                .put("text", notice.text());
        if (!Double.isNaN(notice.minutesToBreach())) json.put("minutesToBreach", Math.round(notice.minutesToBreach()));
        if (!Double.isNaN(notice.breachProbability())) json.put("breachProbability", Math.round(notice.breachProbability() * 100) / 100.0);
        try {
            return PlatformJson.mapper().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageAttributeValue attribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
