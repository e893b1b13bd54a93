/**
 * The alert rules: {@link AlertRuleCatalog} loads {@code alert-rules.json} (or {@code ALERT_RULES_JSON}) into
 * {@link AlertRule}s, each a {@link MetricQuery}, a {@link BreachCondition} and a {@link Severity}; a bad rule
 * fails with {@link AlertRuleException} naming the rule and field.
 */
package com.jorge.platform.alerts.rules;
