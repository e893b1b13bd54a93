package com.jorge.platform.alerts.rules;

/** A rule that cannot be used, naming the rule and the field so ops can fix the configuration. */
public final class AlertRuleException extends RuntimeException {

    public AlertRuleException(String rule, String field, String problem) {
        super("alert rule '" + rule + "': field '" + field + "' " + problem);
    }

    public AlertRuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
