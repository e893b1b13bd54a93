package com.jorge.platform.alerts.rules;

/** The product plan's alert levels: critical pages (response under 5 minutes), high within 30, warning next day. */
public enum Severity {
    CRITICAL, HIGH, WARNING
}
