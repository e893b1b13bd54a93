package com.jorge.platform.alerts.evaluation;

import com.jorge.platform.alerts.anomaly.artime.AdaptiveResonanceTimeDetector;
import com.jorge.platform.alerts.anomaly.artime.ArtimeSettings;
import com.jorge.platform.alerts.anomaly.artime.StreamingArtime;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Lambda's default detector over a NAB series ({@code detector=artime-stream}, and what a run with no
 * {@code detector} and no ensemble setting scores): {@link StreamingArtime} with {@link ArtimeSettings#defaults()}, one
 * point at a time with its timestamp, as {@code AnomalyWatch} feeds it (quiet period and skipped points included).
 * NAB has no bad side, so alerts on either side count; rows in NAB's probation are not scored. Other stream settings
 * (for measurement): {@code artime.range} (running, remap, headroom or replay), {@code artime.probation} (typical:
 * 4,032 rows; fixed: a long file's 5,000), {@code artime.maxCategories} (1 or more), {@code artime.quiet} (default:
 * ARTime's 12-block mask times the step those settings give, or the default's when neither range nor probation is set).
 */
final class StreamingArtimeReplay implements SeriesDetector {

    private final StreamingArtime detector;

    StreamingArtimeReplay() {
        this(Map.of());
    }

    /** {@code artime.quiet=N}: the Lambda's detector with another quiet period after an alert (for measurement). */
    StreamingArtimeReplay(int quiet) {
        this(Map.of("artime.quiet", Integer.toString(quiet)));
    }

    /** The stream under the {@code artime.*} settings given (the Lambda's default for those not given). */
    StreamingArtimeReplay(Map<String, String> settings) {
        this.detector = new StreamingArtime(settings(settings));
    }

    static ArtimeSettings settings(Map<String, String> settings) {
        Map<String, String> rest = new HashMap<>(settings);
        String r = rest.remove("artime.range");
        String p = rest.remove("artime.probation");
        String c = rest.remove("artime.maxCategories");
        String q = rest.remove("artime.quiet");
        if (!rest.isEmpty()) {
            throw new EvaluationArguments.ArgumentsException(
                    "detector=artime-stream takes only artime.range, artime.probation, artime.maxCategories and artime.quiet, got " + rest.keySet());
        }
        ArtimeSettings g = ArtimeSettings.defaults();
        AdaptiveResonanceTimeDetector.Scaling scaling = r == null ? g.scaling() : switch (EvaluationArguments.choice("artime.range", r, StreamRange.HEADROOM)) {
            case RUNNING -> AdaptiveResonanceTimeDetector.Scaling.RUNNING;
            case REMAP -> AdaptiveResonanceTimeDetector.Scaling.REMAP;
            case HEADROOM -> AdaptiveResonanceTimeDetector.Scaling.HEADROOM;
            case REPLAY -> AdaptiveResonanceTimeDetector.Scaling.REPLAY;
        };
        int rows = p == null ? g.rows() : switch (EvaluationArguments.choice("artime.probation", p, StreamProbation.TYPICAL)) {
            case TYPICAL -> ArtimeSettings.TYPICAL_ROWS;
            case FIXED -> ArtimeSettings.LONG_ROWS;
        };
        int categories = EvaluationArguments.whole("artime.maxCategories", c, 1, g.maxCategories());
        int quiet = EvaluationArguments.whole("artime.quiet", q, 0, ArtimeSettings.quietFor(rows));
        return new ArtimeSettings(scaling, rows, categories, g.threshold(), quiet);
    }

    /** The ranges a stream can have (no given range: NAB's {@code file} and {@code probation} are the research replay's). */
    enum StreamRange { RUNNING, REMAP, HEADROOM, REPLAY }

    /** The lengths a stream can be told: NAB's typical file or a long file. */
    enum StreamProbation { TYPICAL, FIXED }

    @Override
    public List<LocalDateTime> alerts(NabCorpus.DataFile file) {
        int probation = NabScorer.probationaryLength(file.values().length);
        StreamingArtime.Memory memory = detector.newMemory();
        List<LocalDateTime> out = new ArrayList<>();
        for (int i = 0; i < file.values().length; i++) {
            LocalDateTime t = file.timestamps().get(i);
            boolean alert = detector.observe(memory, t.toEpochSecond(ZoneOffset.UTC), file.values()[i]).alert();
            if (alert && i >= probation) out.add(t);
        }
        return out;
    }

    @Override
    public String describe() {
        return "the Lambda's default: ARTime as streamed " + detector.settings();
    }
}
