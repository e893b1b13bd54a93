package com.jorge.platform.leadscore;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts which path answered. The caller can also plug in its own sink (Powertools metrics in a
 * Lambda, Prometheus elsewhere) through {@link Sink}.
 */
public final class ScoreMetrics {

    /** Receives one event per score. */
    @FunctionalInterface
    public interface Sink {
        void answered(ScorePath path, long nanos);
    }

    private final Map<ScorePath, LongAdder> counts = new EnumMap<>(ScorePath.class);
    private final Sink sink;

    public ScoreMetrics(Sink sink) {
        this.sink = sink;
        for (ScorePath p : ScorePath.values()) {
            counts.put(p, new LongAdder());
        }
    }

    void answered(ScorePath path, long nanos) {
        counts.get(path).increment();
        sink.answered(path, nanos);
    }

    public long count(ScorePath path) {
        return counts.get(path).sum();
    }

    public Map<ScorePath, Long> snapshot() {
        Map<ScorePath, Long> copy = new EnumMap<>(ScorePath.class);
        counts.forEach((p, n) -> copy.put(p, n.sum()));
        return copy;
    }
}
