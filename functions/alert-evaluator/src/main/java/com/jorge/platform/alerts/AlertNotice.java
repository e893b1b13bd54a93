package com.jorge.platform.alerts;

import com.jorge.platform.alerts.rules.Severity;
import com.jorge.platform.alerts.state.Transition;

import java.time.Instant;

/**
 * What ops receive. {@code minutesToBreach} is NaN unless a breach is predicted; {@code latestValue} is
 * the metric's last point.
 */
public record AlertNotice(String rule, String description, Severity severity, Transition transition, String status,
                          double latestValue, double threshold, double minutesToBreach, Instant evaluatedAt) {

    public String subject() {
        String what = switch (transition) {
            case FIRE -> "ALERT";
            case REPEAT -> "STILL";
            case RESOLVE -> "RESOLVED";
            case NONE -> "INFO";
        };
        String s = "[" + severity + "] " + what + " " + rule;
        return s.length() <= 100 ? s : s.substring(0, 100); // SNS caps subjects at 100 characters
    }
}
