package com.jorge.platform.alerts.state;

import com.jorge.platform.alerts.forecast.Evidence;

import java.time.Duration;
import java.time.Instant;

/**
 * The alert state machine in memory, for the streaming evaluation and as the reference the Redis script
 * ({@link RedisAlertState}) implements atomically: fire on confirmed bad evidence, remind after the
 * cooldown, resolve on confirmed clear evidence, and otherwise hold (mixed evidence never flaps an alert).
 */
public final class AlertLifecycle {

    private final Duration cooldown;
    private boolean firing;
    private Instant lastSentAt;

    public AlertLifecycle(Duration cooldown) {
        this.cooldown = cooldown;
    }

    public Transition next(Evidence evidence, Instant now) {
        switch (evidence) {
            case CONFIRMED_BAD -> {
                if (!firing) {
                    firing = true;
                    lastSentAt = now;
                    return Transition.FIRE;
                }
                if (!now.isBefore(lastSentAt.plus(cooldown))) {
                    lastSentAt = now;
                    return Transition.REPEAT;
                }
                return Transition.NONE;
            }
            case CONFIRMED_CLEAR -> {
                if (firing) {
                    firing = false;
                    lastSentAt = null;
                    return Transition.RESOLVE;
                }
                return Transition.NONE;
            }
            default -> {
                return Transition.NONE;
            }
        }
    }

    public boolean firing() {
        return firing;
    }
}
