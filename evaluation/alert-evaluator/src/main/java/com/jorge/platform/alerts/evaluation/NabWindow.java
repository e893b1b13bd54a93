package com.jorge.platform.alerts.evaluation;

import java.time.LocalDateTime;

/** A labelled anomaly window from NAB's combined_windows.json (both ends included). */
public record NabWindow(LocalDateTime start, LocalDateTime end) {

    public boolean contains(LocalDateTime t) {
        return !t.isBefore(start) && !t.isAfter(end);
    }
}
