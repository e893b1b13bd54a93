package com.jorge.platform.alerts.state;

import com.jorge.platform.alerts.forecast.Evidence;

import java.time.Instant;

/** Where each rule's alert state lives between runs; {@link #decide} must be atomic across concurrent runs. */
public interface AlertStateStore {

    /** Applies the evidence to the rule's state and says what to send; a second concurrent caller gets NONE. */
    Transition decide(String rule, Evidence evidence, Instant now);

    /** Undoes a FIRE or REPEAT whose notification could not be sent, so the next run tries again. */
    void sendFailed(String rule, Transition transition);
}
