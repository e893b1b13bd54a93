package com.jorge.platform.alerts.anomaly;

import java.util.Locale;

/**
 * The streaming detector's settings: one set for every series (chosen on the tuning part of NAB, see
 * functions/alert-evaluator/README.md). Windows and quiet periods are in points.
 *
 * @param window          points of history kept for the robust baseline (median, MAD, range)
 * @param warmup          points seen before the detector may alert
 * @param residualZ       a point this many robust sigmas from the median alerts on its own
 * @param noveltyZ        a point beyond the window's range (by noveltyMargin of it) alerts from this many sigmas
 * @param noveltyMargin   how far past the window's min/max, as a share of its range, counts as novel
 * @param cusumK          CUSUM allowance per point, in robust sigmas
 * @param cusumH          CUSUM alarm level, in robust sigmas
 * @param cusumClip       one point adds at most this many sigmas to a CUSUM (a lone spike is the residual's job)
 * @param rangeFloor      the robust sigma is at least this share of the window's range (flat-ish, stepped series)
 * @param quiet           points after an alert during which the series raises no other
 * @param surprise        a part alerts only when its evidence is at least this multiple of the strongest it has
 *                        seen in this series lately (0: off); what HTM's anomaly likelihood does for its scores
 * @param halfLife        points over which that remembered strongest evidence halves
 * @param likelihoodZ     the likelihood part alerts when the mean |residual| of the last {@link #RECENT} points
 *                        stands this many of its own long-run sigmas above its long-run mean (HTM's anomaly
 *                        likelihood, on our residuals); its long-run moments forget with {@code halfLife}
 * @param likelihood      the likelihood part is on
 * @param agreement       0: any part at its alarm level alerts alone; above 0: the parts that are on vote, each
 *                        with its evidence as a share of its alarm level (capped at 2), and the mean must reach
 *                        this value
 * @param residual        the residual part is on
 * @param changePoint     the CUSUM part is on
 * @param novelty         the novelty part is on
 */
public record AnomalySettings(int window, int warmup, double residualZ, double noveltyZ, double noveltyMargin,
                              double cusumK, double cusumH, double cusumClip, double rangeFloor, int quiet,
                              double surprise, int halfLife, double likelihoodZ, boolean likelihood, double agreement, boolean residual, boolean changePoint, boolean novelty) {

    /** Points in the likelihood's short-term mean. */
    public static final int RECENT = 10;

    public AnomalySettings {
        if (window < 8) throw new IllegalArgumentException("window must be at least 8 points, got " + window);
        if (warmup < window / 4) throw new IllegalArgumentException("warmup must be at least a quarter of the window, got " + warmup);
        if (halfLife < 1) throw new IllegalArgumentException("halfLife must be at least 1 point, got " + halfLife);
        if (quiet < 0) throw new IllegalArgumentException("quiet must not be negative, got " + quiet);
    }

    public static AnomalySettings defaults() {
        // chosen on the tuning part of NAB (evaluation/alert-evaluator/split/tuning.txt): the CUSUM alone scored
        // best; the residual, novelty and likelihood parts cost more false alerts than the windows they added
        return new AnomalySettings(288, 144, 8.0, 4.0, 0.05, 1.5, 10.0, 4.0, 0.01, 576, 1.0, 2016, 4.3, false, 0,
                false, true, false);
    }

    /** This set with one setting changed by name, as the evaluation's {@code --set name=value} gives it. */
    public AnomalySettings with(String name, String value) {
        int w = window, wu = warmup, q = quiet, hl = halfLife;
        double sp = surprise, lz = likelihoodZ, ag = agreement;
        boolean l = likelihood;
        double rz = residualZ, nz = noveltyZ, nm = noveltyMargin, k = cusumK, h = cusumH, clip = cusumClip, rf = rangeFloor;
        boolean r = residual, c = changePoint, n = novelty;
        switch (name) {
            case "window" -> w = Integer.parseInt(value);
            case "warmup" -> wu = Integer.parseInt(value);
            case "quiet" -> q = Integer.parseInt(value);
            case "surprise" -> sp = Double.parseDouble(value);
            case "halfLife" -> hl = Integer.parseInt(value);
            case "likelihoodZ" -> lz = Double.parseDouble(value);
            case "likelihood" -> l = onOff(name, value);
            case "agreement" -> ag = Double.parseDouble(value);
            case "residualZ" -> rz = Double.parseDouble(value);
            case "noveltyZ" -> nz = Double.parseDouble(value);
            case "noveltyMargin" -> nm = Double.parseDouble(value);
            case "cusumK" -> k = Double.parseDouble(value);
            case "cusumH" -> h = Double.parseDouble(value);
            case "cusumClip" -> clip = Double.parseDouble(value);
            case "rangeFloor" -> rf = Double.parseDouble(value);
            case "residual" -> r = onOff(name, value);
            case "changePoint" -> c = onOff(name, value);
            case "novelty" -> n = onOff(name, value);
            default -> throw new IllegalArgumentException("unknown detector setting '" + name + "'; known: window, warmup, quiet, surprise, halfLife, likelihoodZ, likelihood, agreement, residualZ, "
                    + "noveltyZ, noveltyMargin, cusumK, cusumH, cusumClip, rangeFloor, residual, changePoint, novelty");
        }
        return new AnomalySettings(w, wu, rz, nz, nm, k, h, clip, rf, q, sp, hl, lz, l, ag, r, c, n);
    }

    private static boolean onOff(String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException(name + " is on or off, got '" + value + "'");
        };
    }
}
