package com.jorge.platform.alerts.evaluation;

import com.jorge.platform.alerts.anomaly.artime.ArtimeSettings;
import com.jorge.platform.alerts.anomaly.artime.StreamingArtime;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The Lambda's default detector over a NAB series ({@code detector=artime-stream}, and what a run with no
 * {@code detector} and no ensemble setting scores): {@link StreamingArtime} with {@link ArtimeSettings#defaults()}, one
 * point at a time with its timestamp, as {@code AnomalyWatch} feeds it (quiet period and skipped points included).
 * NAB has no bad side, so alerts on either side count; rows in NAB's probation are not scored.
 */
final class StreamingArtimeReplay implements SeriesDetector {

    private final StreamingArtime detector;

    StreamingArtimeReplay() {
        this(ArtimeSettings.defaults().quiet());
    }

    /** {@code artime.quiet=N}: the Lambda's detector with another quiet period after an alert (for measurement). */
    StreamingArtimeReplay(int quiet) {
        ArtimeSettings g = ArtimeSettings.defaults();
        this.detector = new StreamingArtime(new ArtimeSettings(g.scaling(), g.rows(), g.maxCategories(), g.threshold(), quiet));
    }

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
