package com.jorge.platform.alerts.evaluation;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Alerts against labelled windows, the way an on-call engineer would count them: an alert is right when it
 * falls in a window or leads one by at most {@code lead}; a window is caught when such an alert exists; the
 * lead time is from a caught window's first alert to its labelled anomaly point (positive: warned before).
 */
public final class AlertOutcomes {

    private final Duration lead;
    private int alerts;
    private int correct;
    private int windows;
    private int caught;
    private final List<Double> leadMinutes = new ArrayList<>();

    public AlertOutcomes(Duration lead) {
        this.lead = lead;
    }

    /** Adds one file: alerts after its probationary period, its windows and their labelled points. */
    public void add(List<LocalDateTime> alertTimes, List<NabWindow> fileWindows, List<LocalDateTime> labels) {
        for (LocalDateTime a : alertTimes) {
            alerts++;
            if (fileWindows.stream().anyMatch(w -> leads(w, a))) correct++;
        }
        for (NabWindow w : fileWindows) {
            windows++;
            LocalDateTime first = alertTimes.stream().filter(a -> leads(w, a)).min(LocalDateTime::compareTo).orElse(null);
            if (first == null) continue;
            caught++;
            LocalDateTime label = labels.stream().filter(w::contains).findFirst().orElse(w.start());
            leadMinutes.add(Duration.between(first, label).toSeconds() / 60.0);
        }
    }

    private boolean leads(NabWindow w, LocalDateTime a) {
        return !a.isBefore(w.start().minus(lead)) && !a.isAfter(w.end());
    }

    public int alerts() { return alerts; }

    public int correct() { return correct; }

    public int windows() { return windows; }

    public int caught() { return caught; }

    /** NaN when there were no alerts. */
    public double precision() {
        return alerts == 0 ? Double.NaN : (double) correct / alerts;
    }

    public double recall() {
        return windows == 0 ? Double.NaN : (double) caught / windows;
    }

    public List<Double> leadMinutes() {
        return List.copyOf(leadMinutes);
    }
}
