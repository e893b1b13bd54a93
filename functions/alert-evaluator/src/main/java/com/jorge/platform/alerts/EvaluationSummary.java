package com.jorge.platform.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run: how many rules were evaluated, notices sent (new alerts and reminders), resolves sent, rules
 * without data, anomalies flagged, each rule's status and any errors (rule: cause), and the streaming detector's
 * confidence that something is wrong now, per rule.
 */
public record EvaluationSummary(int rulesEvaluated, int alertsSent, int resolved, int noData, int anomalies,
                                Map<String, RuleStatus> rules, List<String> errors,
                                Map<String, Double> confidence) {

    public EvaluationSummary {
        rules = Map.copyOf(rules);
        errors = List.copyOf(errors);
        confidence = Map.copyOf(confidence);
    }

    /** The handler's answer, in plain types Lambda can serialise. */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rulesEvaluated", rulesEvaluated);
        out.put("alertsSent", alertsSent);
        out.put("resolved", resolved);
        out.put("noData", noData);
        out.put("anomalies", anomalies);
        Map<String, String> statuses = new java.util.TreeMap<>();
        rules.forEach((k, v) -> statuses.put(k, v.name()));
        out.put("rules", statuses);
        out.put("errors", errors);
        // the streaming detector's confidence per rule, 0..1 (jorge_ml_predicted_issue_confidence)
        out.put("confidence", new java.util.TreeMap<>(confidence));
        return out;
    }
}
