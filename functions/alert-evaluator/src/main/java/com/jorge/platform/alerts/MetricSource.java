package com.jorge.platform.alerts;

import com.jorge.platform.alerts.forecast.MetricSeries;
import com.jorge.platform.alerts.rules.AlertRule;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Where the rules' metrics come from (CloudWatch in AWS). */
public interface MetricSource {

    /** Each rule's points in [start, end), by rule name; a rule with no data maps to an empty series or is absent. */
    Map<String, MetricSeries> fetch(List<AlertRule> rules, Instant start, Instant end);
}
