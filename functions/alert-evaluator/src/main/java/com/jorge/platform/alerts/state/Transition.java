package com.jorge.platform.alerts.state;

/** What an evaluation does to a rule's alert. */
public enum Transition {
    /** A new alert: send it. */
    FIRE,
    /** Still bad after the cooldown: remind. */
    REPEAT,
    /** The forecast cleared: send the all-clear. */
    RESOLVE,
    /** Nothing to send. */
    NONE
}
