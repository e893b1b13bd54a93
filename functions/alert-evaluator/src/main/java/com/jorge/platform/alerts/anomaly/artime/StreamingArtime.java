package com.jorge.platform.alerts.anomaly.artime;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * ARTime as the Lambda runs it on one rule's series, one point at a time, the state ({@link Memory}) kept in Redis
 * between one-minute runs: NaN or infinite values and timestamps not after the last one fed are skipped and change
 * nothing; a gap is simply the next point; nothing alerts while ARTime is in its probation; after an alert (on either
 * side) {@link ArtimeSettings#quiet()} points alert nothing. Each reading says whether most recent points were exactly
 * zero ({@link Reading#mostlyZero()}: the caller drops alerts of a sparse counter). Each alert says on which side the block's value was
 * ({@link AdaptiveResonanceTimeDetector#lastRising()}), so the caller keeps only the rule's bad side. A confirmation
 * gate ({@link ArtimeSettings#gate()}, none by default) can drop or delay ARTime's alerts; a dropped one does not start
 * the quiet period.
 */
public final class StreamingArtime {

    /** What one point did: skipped, alerted, the side, the confidence after it (0..1, carried between blocks), mostly zero. */
    public record Reading(boolean skipped, boolean alert, boolean rising, double confidence, boolean mostlyZero) {
        static final Reading SKIPPED = new Reading(true, false, false, 0, false);
    }

    /**
     * The encoding's version: a memory of another version (or of the ensemble) is replaced by a fresh one. 3: ARTime's own
     * state gained the warm-up buffer of {@code REPLAY} (its encoding version 4). A gated memory adds a segment and names
     * its gate in the settings segment, so an ungated memory (the default's) is written exactly as before the gates.
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
        return new Memory(settings.newDetector(), Long.MIN_VALUE, 0, 0, false, 0, newGateState());
    }

    private GateState newGateState() {
        return switch (settings.gate()) {
            case NONE -> null;
            case MAGNITUDE, ARMED, ENVELOPE -> new GateState(new float[settings.gateN()], 0, 0, 0, false);
            case PERSIST -> new GateState(null, 0, 0, 0, false);
        };
    }

    /** Feeds one point. */
    public Reading observe(Memory m, long epochSecond, double value) {
        if (!Double.isFinite(value) || epochSecond <= m.lastEpoch) return Reading.SKIPPED;
        m.lastEpoch = epochSecond;
        m.zeroShare += ZERO_SHARE_WEIGHT * ((value == 0 ? 1 : 0) - m.zeroShare);
        double score = m.detector.score(value);
        GateState g = m.gate;
        if (g != null && g.baseline != null) g.add(value);
        boolean alert = false;
        if (m.quietLeft > 0) m.quietLeft--;
        if (g != null && g.armedLeft > 0) g.armedLeft--;
        if (m.detector.blockEnded()) { // ARTime scores the last point of each block; the others carry its confidence and side
            m.confidence = settings.confidence(score);
            m.rising = m.detector.lastRising();
            boolean flagged = score >= settings.threshold() && m.quietLeft == 0 && !m.detector.inProbation();
            alert = switch (settings.gate()) {
                case NONE -> flagged;
                case MAGNITUDE -> flagged && g.departure(settings.step()) >= settings.gateK();
                case ARMED -> {
                    if (flagged) g.armedLeft = Math.max(settings.quiet(), settings.step());
                    yield g.armedLeft > 0 && m.quietLeft == 0 && g.departure(settings.step()) >= settings.gateK();
                }
                case ENVELOPE -> flagged && g.beyondEnvelope(settings.step()) >= settings.gateK();
                case PERSIST -> {
                    boolean confirmed = g.pending && score >= settings.gateLow() && m.quietLeft == 0;
                    g.pending = flagged && !confirmed;
                    yield confirmed;
                }
            };
            if (alert) {
                m.quietLeft = settings.quiet();
                if (g != null) {
                    g.armedLeft = 0;
                    g.pending = false;
                }
            }
        }
        return new Reading(false, alert, m.rising, m.confidence, m.mostlyZero());
    }

    /** The memory {@link Memory#encode()} wrote; another detector's, other settings', another version's or a damaged one: fresh. */
    public Memory decode(String encoded) {
        if (encoded == null) return newMemory();
        boolean gated = settings.gate() != ArtimeSettings.Gate.NONE;
        int segments = gated ? 8 : 7;
        String[] parts = encoded.split(":", segments);
        try {
            if (parts.length != segments || !parts[0].equals(TAG) || Integer.parseInt(parts[1]) != VERSION || !parts[2].equals(settings.shape())) {
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
            GateState gate = gated ? decodeGate(parts[6]) : null;
            if (gated && gate == null) return newMemory();
            return new Memory(AdaptiveResonanceTimeDetector.decode(parts[segments - 1]), last, quiet, confidence, rising, zeroShare, gate);
        } catch (RuntimeException e) {
            return newMemory();
        }
    }

    /** {@code <armed left>,<pending>,<filled>,<next>,<baseline: base64 of big-endian floats, or empty>}; null when damaged. */
    private GateState decodeGate(String encoded) {
        String[] f = encoded.split(",", -1);
        if (f.length != 5) return null;
        int armed = Integer.parseInt(f[0]);
        boolean pending = f[1].equals("1");
        int filled = Integer.parseInt(f[2]);
        int next = Integer.parseInt(f[3]);
        boolean ring = settings.gate().keepsBaseline();
        if (armed < 0 || armed > Math.max(settings.quiet(), settings.step()) || !(f[1].equals("0") || pending)) return null;
        if (!ring) return f[4].isEmpty() && filled == 0 && next == 0 ? new GateState(null, 0, 0, armed, pending) : null;
        byte[] bytes = Base64.getDecoder().decode(f[4]);
        int n = settings.gateN();
        if (bytes.length != 4 * n || filled < 0 || filled > n || next < 0 || next >= n) return null;
        float[] baseline = new float[n];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(baseline);
        for (float v : baseline) if (!Float.isFinite(v)) return null;
        return new GateState(baseline, filled, next, armed, pending);
    }

    /**
     * A gate's state: the baseline ring (the last {@link ArtimeSettings#gateN()} points as floats, 4 bytes each; null
     * for {@code PERSIST}), the points armed left ({@code ARMED}), whether the last scored block alerted unconfirmed
     * ({@code PERSIST}).
     */
    static final class GateState {
        final float[] baseline;
        int filled;
        int next;
        int armedLeft;
        boolean pending;

        GateState(float[] baseline, int filled, int next, int armedLeft, boolean pending) {
            this.baseline = baseline;
            this.filled = filled;
            this.next = next;
            this.armedLeft = armedLeft;
            this.pending = pending;
        }

        void add(double value) {
            float v = (float) value;
            baseline[next] = Float.isFinite(v) ? v : (value > 0 ? Float.MAX_VALUE : -Float.MAX_VALUE);
            next = (next + 1) % baseline.length;
            filled = Math.min(filled + 1, baseline.length);
        }

        /**
         * The largest |x - median| / (1.4826 MAD) over the last {@code points} points, against the baseline (the points
         * included); with a zero MAD, infinite for a non-zero departure and 0 for none.
         */
        double departure(int points) {
            if (filled == 0) return 0;
            double[] kept = new double[filled];
            for (int i = 0; i < filled; i++) kept[i] = baseline[i];
            double median = median(kept);
            for (int i = 0; i < filled; i++) kept[i] = Math.abs(kept[i] - median);
            double sigma = 1.4826 * median(kept);
            double worst = 0;
            for (int k = 1; k <= Math.min(points, filled); k++) {
                double x = baseline[Math.floorMod(next - k, baseline.length)];
                worst = Math.max(worst, Math.abs(x - median));
            }
            if (worst == 0) return 0;
            return sigma > 0 ? worst / sigma : Double.POSITIVE_INFINITY;
        }

        /**
         * The last {@code points} points' largest |x - median| over the largest of the baseline's points before them (the
         * median of all the baseline's points): 1 or more is beyond the envelope; infinite when nothing departed before
         * and they do, 0 when they do not depart.
         */
        double beyondEnvelope(int points) {
            if (filled == 0) return 0;
            double[] kept = new double[filled];
            for (int i = 0; i < filled; i++) kept[i] = baseline[i];
            double median = median(kept);
            int block = Math.min(points, filled);
            double worst = 0, envelope = 0;
            for (int k = 1; k <= filled; k++) {
                double d = Math.abs(baseline[Math.floorMod(next - k, baseline.length)] - median);
                if (k <= block) worst = Math.max(worst, d);
                else envelope = Math.max(envelope, d);
            }
            if (worst == 0) return 0;
            return envelope > 0 ? worst / envelope : Double.POSITIVE_INFINITY;
        }

        private static double median(double[] v) {
            Arrays.sort(v);
            int n = v.length;
            return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }

        String encode() {
            String ring = "";
            if (baseline != null) {
                ByteBuffer b = ByteBuffer.allocate(4 * baseline.length);
                b.asFloatBuffer().put(baseline);
                ring = Base64.getEncoder().encodeToString(b.array());
            }
            return String.format(Locale.ROOT, "%d,%d,%d,%d,%s", armedLeft, pending ? 1 : 0, filled, next, ring);
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
        final GateState gate;

        Memory(AdaptiveResonanceTimeDetector detector, long lastEpoch, int quietLeft, double confidence, boolean rising, double zeroShare,
               GateState gate) {
            this.detector = detector;
            this.lastEpoch = lastEpoch;
            this.quietLeft = quietLeft;
            this.confidence = confidence;
            this.rising = rising;
            this.zeroShare = zeroShare;
            this.gate = gate;
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

        /**
         * {@code artime:<version>:<settings>:<last epoch>:<quiet>:<confidence>,<side>,<zero share>[:<gate>]:<ARTime's state>},
         * a Redis string; the gate's segment ({@link GateState#encode()}) only when the settings have a gate.
         */
        public String encode(ArtimeSettings settings) {
            String gated = gate == null ? "" : ":" + gate.encode();
            return String.format(Locale.ROOT, "%s:%d:%s:%d:%d:%s,%d,%s%s:%s", TAG, VERSION, settings.shape(), lastEpoch, quietLeft,
                    Double.toString(confidence), rising ? 1 : 0, Double.toString(zeroShare), gated, detector.encode());
        }
    }
}
