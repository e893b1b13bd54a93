package com.jorge.platform.alerts.forecast;

import java.util.Arrays;

/**
 * Isotonic calibration of the forecaster's raw breach probability, and the probability a predicted-breach alert needs:
 * a few knots (raw, calibrated), both non-decreasing, linear between knots and flat beyond them, so the map is
 * monotone and stays in [0, 1]. Fitted offline on the synthetic ramps' tuning seeds by pooling adjacent violators
 * over raw-probability bins (`evaluate.sh --calibration`). Isotonic rather than Platt scaling: Platt's sigmoid of the
 * raw log-odds was tried first and fitted badly (the tuning seeds' minutes at raw 0.2-0.3 breached 70 % of the time
 * and were called 24 %), because the Gaussian tail's log-odds are not linear in the evidence; isotonic assumes only
 * that a higher raw probability is not less likely to breach, and its handful of knots travels in configuration.
 *
 * @param raw                  knots' raw probabilities, increasing
 * @param calibrated           knots' calibrated probabilities, non-decreasing, in [0, 1]
 * @param operatingProbability a predicted breach is raised from this calibrated probability (0..1, exclusive)
 */
public record BreachCalibration(double[] raw, double[] calibrated, double operatingProbability) {

    public BreachCalibration {
        raw = raw.clone();
        calibrated = calibrated.clone();
        if (raw.length == 0 || raw.length != calibrated.length) throw new IllegalArgumentException("calibration needs as many raw as calibrated knots, at least one");
        for (int i = 0; i < raw.length; i++) {
            if (!(raw[i] >= 0 && raw[i] <= 1) || !(calibrated[i] >= 0 && calibrated[i] <= 1)) {
                throw new IllegalArgumentException("calibration knot " + (i + 1) + " must lie in [0, 1]");
            }
            if (i > 0 && (raw[i] <= raw[i - 1] || calibrated[i] < calibrated[i - 1])) {
                throw new IllegalArgumentException("calibration knots must increase (knot " + (i + 1) + ")");
            }
        }
        if (!(operatingProbability > 0 && operatingProbability < 1)) {
            throw new IllegalArgumentException("operating probability must be between 0 and 1 (exclusive)");
        }
    }

    /** The shipped calibration (fitted on the tuning seeds; see the README's calibration section). */
    public static BreachCalibration defaults() {
        return parse("2.286e-6:0.0056,3.831e-4:0.0110,0.003732:0.0223,0.01882:0.0233,0.05648:0.0405,0.1418:0.0644,"
                + "0.2418:0.1613,0.3478:0.1982,0.4496:0.3558,0.5549:0.4028,0.6408:0.5286,0.7520:0.5513,0.9668:0.6214", 0.5);
    }

    /** No calibration (the raw probability itself): what the offline fit starts from. */
    public static BreachCalibration identity() {
        return new BreachCalibration(new double[] {0, 1}, new double[] {0, 1}, 0.5);
    }

    public BreachCalibration withOperatingProbability(double p) {
        return new BreachCalibration(raw, calibrated, p);
    }

    public double calibrate(double p) {
        if (Double.isNaN(p) || p <= raw[0]) return Double.isNaN(p) ? 0 : calibrated[0];
        int n = raw.length;
        if (p >= raw[n - 1]) return calibrated[n - 1];
        int i = 1;
        while (raw[i] < p) i++;
        double f = (p - raw[i - 1]) / (raw[i] - raw[i - 1]);
        return calibrated[i - 1] + f * (calibrated[i] - calibrated[i - 1]);
    }

    /** "raw:calibrated,..." as configuration holds it. */
    public String knots() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < raw.length; i++) s.append(i == 0 ? "" : ",").append(raw[i]).append(':').append(calibrated[i]);
        return s.toString();
    }

    /** Reads {@link #knots()}'s form. */
    public static BreachCalibration parse(String knots, double operatingProbability) {
        String[] parts = knots.split(",");
        double[] r = new double[parts.length], c = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String[] pair = parts[i].trim().split(":");
            if (pair.length != 2) throw new IllegalArgumentException("calibration knot " + (i + 1) + " must be raw:calibrated");
            try {
                r[i] = Double.parseDouble(pair[0].trim());
                c[i] = Double.parseDouble(pair[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("calibration knot " + (i + 1) + " must be two numbers");
            }
        }
        return new BreachCalibration(r, c, operatingProbability);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BreachCalibration b && Arrays.equals(raw, b.raw) && Arrays.equals(calibrated, b.calibrated)
                && operatingProbability == b.operatingProbability;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(raw) + Arrays.hashCode(calibrated) + Double.hashCode(operatingProbability);
    }

    @Override
    public String toString() {
        return "BreachCalibration[" + knots() + ", operatingProbability=" + operatingProbability + "]";
    }
}
