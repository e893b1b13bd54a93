package com.jorge.platform.alerts.forecast;

/** What the last few evaluations agree on; only the confirmed states may change an alert. */
public enum Evidence {
    /** Every one of the last evaluations predicted or saw a breach. */
    CONFIRMED_BAD,
    /** Every one of the last evaluations was clear. */
    CONFIRMED_CLEAR,
    /** They disagree: keep whatever state the alert is in (hysteresis). */
    MIXED,
    /** No data or too little: no verdict at all. */
    INSUFFICIENT
}
