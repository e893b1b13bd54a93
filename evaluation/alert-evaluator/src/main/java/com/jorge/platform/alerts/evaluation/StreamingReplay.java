package com.jorge.platform.alerts.evaluation;

import com.jorge.platform.alerts.anomaly.AnomalySettings;
import com.jorge.platform.alerts.anomaly.SeriesMemory;
import com.jorge.platform.alerts.anomaly.StreamingAnomalyDetector;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The streaming anomaly detector over a NAB series, one point at a time as the Lambda would feed it; with
 * {@code forecaster=on} the threshold forecaster's alerts are added (the "predicted breach" side).
 */
final class StreamingReplay implements SeriesDetector {

    private final StreamingAnomalyDetector detector;
    private final ForecasterReplay forecaster;

    StreamingReplay(Map<String, String> settings) {
        Map<String, String> rest = new HashMap<>(settings);
        String withForecaster = rest.remove("forecaster");
        // forecaster.<name>=value: a setting of the threshold forecaster (ForecasterReplay's names)
        Map<String, String> forecasterSettings = new HashMap<>();
        for (String key : List.copyOf(rest.keySet())) {
            if (key.startsWith("forecaster.")) forecasterSettings.put(key.substring("forecaster.".length()), rest.remove(key));
        }
        AnomalySettings s = AnomalySettings.defaults();
        try {
            for (var e : rest.entrySet()) if (!e.getKey().equals("bars")) s = s.with(e.getKey(), e.getValue());
            // bars scales every part's alarm level as set above, so it goes last
            if (rest.containsKey("bars")) s = s.with("bars", rest.get("bars"));
        } catch (IllegalArgumentException e) {
            throw new EvaluationArguments.ArgumentsException(e.getMessage());
        }
        this.detector = new StreamingAnomalyDetector(s);
        if (withForecaster != null && !withForecaster.equals("on") && !withForecaster.equals("off")) {
            throw new EvaluationArguments.ArgumentsException("forecaster is on or off, got '" + withForecaster + "'");
        }
        if (!forecasterSettings.isEmpty() && !"on".equals(withForecaster)) {
            throw new EvaluationArguments.ArgumentsException("forecaster." + forecasterSettings.keySet().iterator().next() + " needs forecaster=on");
        }
        this.forecaster = "on".equals(withForecaster) ? new ForecasterReplay(forecasterSettings) : null;
    }

    @Override
    public List<LocalDateTime> alerts(NabCorpus.DataFile file) {
        int probation = NabScorer.probationaryLength(file.values().length);
        SeriesMemory memory = detector.newMemory();
        TreeSet<LocalDateTime> out = new TreeSet<>();
        for (int i = 0; i < file.values().length; i++) {
            LocalDateTime t = file.timestamps().get(i);
            boolean alert = detector.observe(memory, t.toEpochSecond(ZoneOffset.UTC), file.values()[i]).alert();
            if (alert && i >= probation) out.add(t);
        }
        if (forecaster != null) out.addAll(forecaster.alerts(file));
        return new ArrayList<>(out);
    }

    @Override
    public String describe() {
        return "streaming ensemble " + detector.settings() + (forecaster != null ? " + " + forecaster.describe() : "");
    }
}
