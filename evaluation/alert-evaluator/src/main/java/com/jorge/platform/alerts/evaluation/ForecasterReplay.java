package com.jorge.platform.alerts.evaluation;

import com.jorge.platform.alerts.forecast.BreachCalibration;
import com.jorge.platform.alerts.forecast.DetectorSettings;
import com.jorge.platform.alerts.forecast.MetricAssessor;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The threshold forecaster (what pages today) replayed over a NAB series through {@link NabReplay}. */
final class ForecasterReplay implements SeriesDetector {

    static final int HORIZON_MINUTES = 30;
    /** A day of NAB's five-minute points: the same day of history production gets from 1,440 one-minute points. */
    static final int NOVELTY_POINTS = 288;

    private final NabReplay replay;
    private final String description;

    ForecasterReplay(Map<String, String> settings) {
        Map<String, String> s = new HashMap<>(settings);
        DetectorSettings d = DetectorSettings.defaults();
        DetectorSettings chosen = new DetectorSettings(
                Integer.parseInt(take(s, "trendWindow", d.trendWindow())), d.minPoints(),
                Integer.parseInt(take(s, "confirmations", d.confirmations())),
                Double.parseDouble(take(s, "noiseMargin", d.noiseMargin())),
                Double.parseDouble(take(s, "spikeZ", d.spikeZ())), d.baselineWindow(), d.relativeSpreadFloor(),
                Integer.parseInt(take(s, "noveltyWindow", NOVELTY_POINTS)));
        double margin = Double.parseDouble(take(s, "margin", 0.10));
        BreachCalibration calibration = BreachCalibration.defaults();
        calibration = calibration.withOperatingProbability(Double.parseDouble(take(s, "probability", calibration.operatingProbability())));
        if (!s.isEmpty()) throw new EvaluationArguments.ArgumentsException("unknown setting(s) " + s.keySet()
                + " for the forecaster; known: trendWindow, confirmations, noiseMargin, spikeZ, noveltyWindow, margin, probability");
        this.replay = new NabReplay(new MetricAssessor(chosen, calibration), HORIZON_MINUTES, margin, Duration.ofMinutes(60));
        this.description = "threshold forecaster, thresholds = probation range +/- "
                + Math.round(margin * 100) + " %, " + chosen + ", " + calibration;
    }

    private static String take(Map<String, String> s, String name, Object fallback) {
        String v = s.remove(name);
        return v == null ? String.valueOf(fallback) : v;
    }

    @Override
    public List<LocalDateTime> alerts(NabCorpus.DataFile file) {
        return replay.replay(file.timestamps(), file.values(), file.lines());
    }

    @Override
    public String describe() {
        return description;
    }
}
