package com.jorge.platform.alerts.business;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One business-alert run: notices sent and resolved, each rule's status (BAD, OK, NO_DATA, ERROR) and the errors. */
public record BusinessSummary(int alertsSent, int resolved, Map<String, String> rules, List<String> errors) {

    public BusinessSummary {
        rules = Map.copyOf(rules);
        errors = List.copyOf(errors);
    }

    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("alertsSent", alertsSent);
        out.put("resolved", resolved);
        out.put("rules", new TreeMap<>(rules));
        out.put("errors", errors);
        return out;
    }
}
