package com.jorge.platform.alerts.anomaly.artime;

import java.util.Locale;

/**
 * ARTime as the Lambda runs it on one rule's series, one point at a time, the state ({@link Memory}) kept in Redis
 * between one-minute runs: NaN or infinite values and timestamps not after the last one fed are skipped and change
 * nothing; a gap is simply the next point; nothing alerts while ARTime is in its probation; after an alert (on either
 * side) {@link ArtimeSettings#quiet()} points alert nothing. Each reading says whether most recent points were exactly
 * zero ({@link Reading#mostlyZero()}: the caller drops alerts of a sparse counter). Each alert says on which side the block's value was
 * ({@link AdaptiveResonanceTimeDetector#lastRising()}), so the caller keeps only the rule's bad side.
 */
public final class StreamingArtime {

    /** What one point did: skipped, alerted, the side, the confidence after it (0..1, carried between blocks), mostly zero. */
    public record Reading(boolean skipped, boolean alert, boolean rising, double confidence, boolean mostlyZero) {
        static final Reading SKIPPED = new Reading(true, false, false, 0, false);
    }

    /**
     * The encoding's version: a memory of another version (or of the ensemble) is replaced by a fresh one. 3: ARTime's own
     * state gained the warm-up buffer of {@code REPLAY} (its encoding version 4).
     */
    static final int VERSION = 3;
    /** The zero share's weight per point: an average over about the last 512 points, the ensemble's window. */
    static final double ZERO_SHARE_WEIGHT = 1.0 / 512;
    private static final String TAG = "artime";

    private final ArtimeSettings settings;

    public StreamingArtime(ArtimeSettings settings) {
        this.settings = settings;
    }

    public ArtimeSettings settings() {
        return settings;
    }

    public Memory newMemory() {
        return new Memory(settings.newDetector(), Long.MIN_VALUE, 0, 0, false, 0);
    }

    /** Feeds one point. */
    public Reading observe(Memory m, long epochSecond, double value) {
        if (!Double.isFinite(value) || epochSecond <= m.lastEpoch) return Reading.SKIPPED;
        m.lastEpoch = epochSecond;
        m.zeroShare += ZERO_SHARE_WEIGHT * ((value == 0 ? 1 : 0) - m.zeroShare);
        double score = m.detector.score(value);
        boolean alert = false;
        if (m.quietLeft > 0) m.quietLeft--;
        if (m.detector.blockEnded()) { // ARTime scores the last point of each block; the others carry its confidence and side
            m.confidence = settings.confidence(score);
            m.rising = m.detector.lastRising();
            if (score >= settings.threshold() && m.quietLeft == 0 && !m.detector.inProbation()) {
                alert = true;
                m.quietLeft = settings.quiet();
            }
        }
        return new Reading(false, alert, m.rising, m.confidence, m.mostlyZero());
    }

    /** The memory {@link Memory#encode()} wrote; another detector's, other settings', another version's or a damaged one: fresh. */
    public Memory decode(String encoded) {
        if (encoded == null) return newMemory();
        String[] parts = encoded.split(":", 7);
        try {
            if (parts.length != 7 || !parts[0].equals(TAG) || Integer.parseInt(parts[1]) != VERSION || !parts[2].equals(settings.shape())) {
                return newMemory();
            }
            long last = Long.parseLong(parts[3]);
            int quiet = Integer.parseInt(parts[4]);
            String[] cr = parts[5].split(",", 3);
            double confidence = Double.parseDouble(cr[0]);
            boolean rising = cr[1].equals("1");
            double zeroShare = Double.parseDouble(cr[2]);
            if (quiet < 0 || quiet > settings.quiet() || !(confidence >= 0 && confidence <= 1) || !(zeroShare >= 0 && zeroShare <= 1)) {
                return newMemory();
            }
            return new Memory(AdaptiveResonanceTimeDetector.decode(parts[6]), last, quiet, confidence, rising, zeroShare);
        } catch (RuntimeException e) {
            return newMemory();
        }
    }

    /** The encoding of a fresh memory under these settings. */
    public String fresh() {
        return newMemory().encode(settings);
    }

    /** One series' state: ARTime's own, the last timestamp fed, the quiet countdown, the carried confidence and side, the zero share. */
    public static final class Memory {
        final AdaptiveResonanceTimeDetector detector;
        long lastEpoch;
        int quietLeft;
        double confidence;
        boolean rising;
        double zeroShare;

        Memory(AdaptiveResonanceTimeDetector detector, long lastEpoch, int quietLeft, double confidence, boolean rising, double zeroShare) {
            this.detector = detector;
            this.lastEpoch = lastEpoch;
            this.quietLeft = quietLeft;
            this.confidence = confidence;
            this.rising = rising;
            this.zeroShare = zeroShare;
        }

        /** Most of the recent points (about the last 512) were exactly zero. */
        boolean mostlyZero() {
            return zeroShare > 0.5;
        }

        public long lastEpoch() {
            return lastEpoch;
        }

        public AdaptiveResonanceTimeDetector detector() {
            return detector;
        }

        /** {@code artime:<version>:<settings>:<last epoch>:<quiet>:<confidence>,<side>,<zero share>:<ARTime's state>}, a Redis string. */
        public String encode(ArtimeSettings settings) {
            return String.format(Locale.ROOT, "%s:%d:%s:%d:%d:%s,%d,%s:%s", TAG, VERSION, settings.shape(), lastEpoch, quietLeft,
                    Double.toString(confidence), rising ? 1 : 0, Double.toString(zeroShare), detector.encode());
        }
    }
}
