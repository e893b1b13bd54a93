package com.jorge.platform.alerts.evaluation;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Two detectors OR-ed: an alert wherever either alerts ({@code detector=cad-or-ensemble}). */
record EitherDetector(SeriesDetector first, SeriesDetector second) implements SeriesDetector {

    @Override
    public List<LocalDateTime> alerts(NabCorpus.DataFile file) {
        TreeSet<LocalDateTime> out = new TreeSet<>(first.alerts(file));
        out.addAll(second.alerts(file));
        return new ArrayList<>(out);
    }

    @Override
    public String describe() {
        return first.describe() + " OR " + second.describe();
    }
}
