package com.jorge.platform.alerts.evaluation;

import com.jorge.platform.alerts.forecast.BreachCalibration;
import com.jorge.platform.alerts.forecast.DetectorSettings;
import com.jorge.platform.alerts.forecast.MetricAssessor;
import com.jorge.platform.alerts.forecast.MetricSeries;
import com.jorge.platform.alerts.forecast.ThresholdForecaster;
import com.jorge.platform.alerts.forecast.Verdict;
import com.jorge.platform.alerts.rules.BreachCondition;

import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --calibration}: how well the forecaster's breach probability is calibrated on the selected series. At every
 * minute after probation where the metric is not already breaching (the median of its last 3 points beyond the line),
 * the outcome is whether it is breaching at some point within the horizon. Prints the isotonic fit on these series (the
 * shipped numbers come from it on the tuning seeds), the Brier score of the raw, shipped-calibrated and base-rate
 * forecasts, a reliability table, and the forecaster's alerts at several operating probabilities (precision, windows
 * warned, median lead), so the operating point can be chosen on tuning data.
 */
final class BreachCalibrationReport {

    static final double[] OPERATING = {0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6};

    /** One judged minute: the raw probability, the shipped calibration's, and whether a breach followed. */
    record Sample(double raw, double calibrated, boolean breached) {}

    private final DetectorSettings settings = DetectorSettings.defaults().withNoveltyWindow(ForecasterReplay.NOVELTY_POINTS);
    private final BreachCalibration shipped = BreachCalibration.defaults();
    private final ThresholdForecaster rawForecaster = new ThresholdForecaster(settings, BreachCalibration.identity());

    void print(List<NabCorpus.DataFile> files, PrintStream out) {
        List<Sample> samples = new ArrayList<>();
        for (NabCorpus.DataFile f : files) samples.addAll(samples(f));
        int positives = (int) samples.stream().filter(Sample::breached).count();
        double base = samples.isEmpty() ? 0 : positives / (double) samples.size();
        out.printf(Locale.ROOT, "%n== breach probability calibration: %d series, %d minutes judged, %d followed by a breach within %d min (%.4f)%n",
                files.size(), samples.size(), positives, ForecasterReplay.HORIZON_MINUTES, base);
        out.printf(Locale.ROOT, "isotonic fit on these series (raw:calibrated): %s%n", isotonicFit(samples, shipped.operatingProbability()).knots());
        out.printf(Locale.ROOT, "shipped: %s, operating probability %.2f%n", shipped.knots(), shipped.operatingProbability());
        out.printf(Locale.ROOT, "Brier: raw %.5f, shipped calibration %.5f, base rate alone %.5f%n",
                brier(samples, true), brier(samples, false), base * (1 - base));
        out.printf(Locale.ROOT, "%-12s %9s %14s %14s%n", "calibrated", "minutes", "mean predicted", "observed");
        for (int b = 0; b < 10; b++) {
            double lo = b / 10.0, hi = (b + 1) / 10.0;
            List<Sample> in = samples.stream().filter(s -> s.calibrated() >= lo && (s.calibrated() < hi || hi == 1.0)).toList();
            if (in.isEmpty()) {
                out.printf(Locale.ROOT, "[%.1f, %.1f%s %9d %14s %14s%n", lo, hi, hi == 1.0 ? "]" : ")", 0, "-", "-");
                continue;
            }
            double predicted = in.stream().mapToDouble(Sample::calibrated).average().orElse(0);
            double observed = in.stream().filter(Sample::breached).count() / (double) in.size();
            out.printf(Locale.ROOT, "[%.1f, %.1f%s %9d %14.3f %14.3f%n", lo, hi, hi == 1.0 ? "]" : ")", in.size(), predicted, observed);
        }
        out.printf(Locale.ROOT, "%-12s %7s %10s %15s %12s%n", "operating p", "alerts", "precision", "windows warned", "median lead");
        for (double p : OPERATING) {
            NabReplay replay = new NabReplay(new MetricAssessor(settings, shipped.withOperatingProbability(p)),
                    ForecasterReplay.HORIZON_MINUTES, 0.10, Duration.ofMinutes(60));
            AlertOutcomes o = new AlertOutcomes(NabEvaluation.LEAD);
            for (NabCorpus.DataFile f : files) o.add(replay.replay(f.timestamps(), f.values(), f.lines()), f.windows(), f.labels());
            List<Double> lead = o.leadMinutes().stream().sorted().toList();
            double median = lead.isEmpty() ? Double.NaN
                    : (lead.get((lead.size() - 1) / 2) + lead.get(lead.size() / 2)) / 2;
            out.printf(Locale.ROOT, "%-12.2f %7d %9.1f%% %15s %8.1f min%n", p, o.alerts(), 100 * o.precision(),
                    o.caught() + "/" + o.windows(), median);
        }
    }

    /** Every judged minute of one series against each of its lines. */
    List<Sample> samples(NabCorpus.DataFile f) {
        int horizon = ForecasterReplay.HORIZON_MINUTES;
        int probation = NabScorer.probationaryLength(f.values().length);
        List<Integer> fed = NabReplay.fedRows(f.timestamps());
        long[] epoch = fed.stream().mapToLong(i -> f.timestamps().get(i).toEpochSecond(ZoneOffset.UTC)).toArray();
        double[] values = fed.stream().mapToDouble(i -> f.values()[i]).toArray();
        MetricSeries all = new MetricSeries(epoch, values);
        List<Sample> out = new ArrayList<>();
        for (BreachCondition c : NabReplay.conditions(f.values(), f.lines(), 0.10, horizon)) {
            boolean[] breaching = breaching(values, c);
            int ahead = 0;
            for (int j = 0; j < epoch.length; j++) {
                if (fed.get(j) < probation || breaching[j]) continue;
                Verdict v = rawForecaster.judge(all.range(Math.max(0, j + 1 - settings.trendWindow()), j + 1), c);
                if (!v.isJudged() || v instanceof Verdict.Breaching) continue;
                ahead = Math.max(ahead, j + 1);
                while (ahead < epoch.length && epoch[ahead] <= epoch[j] + horizon * 60L && !breaching[ahead]) ahead++;
                boolean breached = ahead < epoch.length && epoch[ahead] <= epoch[j] + horizon * 60L;
                double raw = v.breachProbability();
                out.add(new Sample(raw, shipped.calibrate(raw), breached));
            }
        }
        return out;
    }

    /** The forecaster's own "breaching": the median of the last three points beyond the line. */
    static boolean[] breaching(double[] values, BreachCondition c) {
        boolean[] out = new boolean[values.length];
        for (int j = 0; j < values.length; j++) {
            double[] last = new double[Math.min(3, j + 1)];
            for (int k = 0; k < last.length; k++) last[k] = c.direction().towardBad(values[j - k]);
            java.util.Arrays.sort(last);
            double median = last.length % 2 == 1 ? last[last.length / 2] : (last[0] + last[1]) / 2;
            out[j] = median > c.direction().towardBad(c.threshold());
        }
        return out;
    }

    static double brier(List<Sample> samples, boolean raw) {
        double sum = 0;
        for (Sample s : samples) {
            double p = raw ? s.raw() : s.calibrated();
            double y = s.breached() ? 1 : 0;
            sum += (p - y) * (p - y);
        }
        return samples.isEmpty() ? Double.NaN : sum / samples.size();
    }

    /** Bin edges of the raw probability for the isotonic fit: fine where most minutes are (near 0). */
    static final double[] EDGES = {0, 1e-4, 1e-3, 0.01, 0.03, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99, 1.0000001};

    /**
     * Isotonic regression of the outcome on the raw probability: per raw bin the mean raw probability and the share
     * that breached, then adjacent bins pooled (weighted by minutes) while a later one breaches less often.
     */
    static BreachCalibration isotonicFit(List<Sample> samples, double operatingProbability) {
        List<double[]> blocks = new ArrayList<>(); // {sum raw, breaches, minutes}
        for (int b = 0; b + 1 < EDGES.length; b++) {
            double lo = EDGES[b], hi = EDGES[b + 1], sumRaw = 0, hits = 0, n = 0;
            for (Sample s : samples) {
                if (s.raw() < lo || s.raw() >= hi) continue;
                sumRaw += s.raw();
                hits += s.breached() ? 1 : 0;
                n++;
            }
            if (n == 0) continue;
            blocks.add(new double[] {sumRaw, hits, n});
            while (blocks.size() > 1 && rate(blocks.get(blocks.size() - 2)) > rate(blocks.getLast())) {
                double[] last = blocks.removeLast(), before = blocks.getLast();
                for (int k = 0; k < 3; k++) before[k] += last[k];
            }
        }
        double[] raw = new double[blocks.size()], calibrated = new double[blocks.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = blocks.get(i)[0] / blocks.get(i)[2];
            calibrated[i] = rate(blocks.get(i));
        }
        return new BreachCalibration(raw, calibrated, operatingProbability);
    }

    private static double rate(double[] block) {
        return block[1] / block[2];
    }
}
