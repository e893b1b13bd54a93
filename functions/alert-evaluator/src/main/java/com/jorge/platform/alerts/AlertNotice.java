package com.jorge.platform.alerts;

import com.jorge.platform.alerts.rules.Severity;
import com.jorge.platform.alerts.state.Transition;

import java.time.Instant;
import java.util.Locale;

/**
 * What ops receive. {@code minutesToBreach} and {@code breachProbability} (the forecaster's calibrated chance of a
 * breach within the rule's horizon, 0..1) are NaN unless a breach is predicted; {@code latestValue} is the metric's
 * last point.
 */
public record AlertNotice(String rule, String description, Severity severity, Transition transition, String status,
                          double latestValue, double threshold, double minutesToBreach, Instant evaluatedAt,
                          double breachProbability) {

    /** A notice without a predicted breach's probability (anomalies, business alerts, resolves). */
    public AlertNotice(String rule, String description, Severity severity, Transition transition, String status,
                       double latestValue, double threshold, double minutesToBreach, Instant evaluatedAt) {
        this(rule, description, severity, transition, status, latestValue, threshold, minutesToBreach, evaluatedAt, Double.NaN);
    }

    /**
     * One line for people: for a predicted breach "PredictedReplyLatencyBreach predicted to cross 3000 within 21
     * minutes, confidence 0.90"; otherwise the status and the latest value against the threshold.
     */
    public String text() {
        if (!Double.isNaN(breachProbability) && !Double.isNaN(minutesToBreach)) {
            return String.format(Locale.ROOT, "%s predicted to cross %s within %d minutes, confidence %.2f", rule,
                    number(threshold), Math.round(minutesToBreach), breachProbability);
        }
        return String.format(Locale.ROOT, "%s %s: latest %s, threshold %s", rule, status, number(latestValue), number(threshold));
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }

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
