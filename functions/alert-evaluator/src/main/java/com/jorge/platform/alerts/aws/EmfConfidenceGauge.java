package com.jorge.platform.alerts.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.alerts.ConfidenceGauge;
import com.jorge.platform.json.PlatformJson;

import java.io.PrintStream;
import java.time.Clock;

/**
 * The confidence as a CloudWatch embedded-metric-format line on standard output, one per rule with the rule's
 * name as its only dimension ({@code Rule}: a rule name, never personal data). A gauge the platform's
 * {@code PlatformMetrics} (counts and latencies) has no call for, hence its own small writer.
 */
public final class EmfConfidenceGauge implements ConfidenceGauge {

    private final PrintStream out;
    private final String namespace;
    private final Clock clock;

    public EmfConfidenceGauge(PrintStream out, String namespace, Clock clock) {
        this.out = out;
        this.namespace = namespace;
        this.clock = clock;
    }

    @Override
    public void record(String rule, double confidence) {
        ObjectNode line = PlatformJson.mapper().createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", namespace);
        directive.putArray("Dimensions").addArray().add("Rule");
        directive.putArray("Metrics").addObject().put("Name", METRIC).put("Unit", "None");
        line.put("Rule", rule);
        line.put(METRIC, Math.round(confidence * 1000) / 1000.0);
        try {
            out.println(PlatformJson.mapper().writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("EMF line could not be written", e);
        }
    }
}
