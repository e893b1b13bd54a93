package com.jorge.platform.alerts.evaluation;

import com.jorge.platform.alerts.forecast.DetectorSettings;
import com.jorge.platform.alerts.forecast.MetricAssessor;
import org.apache.commons.statistics.descriptive.Quantile;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the evaluation on the NAB subset in {@code evaluation/alert-evaluator/nab} (or the folder given
 * first): first the scorer checked against the published windowedGaussian results file by file, then
 * the alert evaluator's detector replayed over every series (precision, recall of windows, lead time,
 * NAB standard score), with windowedGaussian beside it.
 * Exits 1 when the scorer disagrees with the published numbers.
 */
public final class NabEvaluation {

    static final int HORIZON_MINUTES = 30;
    static final double THRESHOLD_MARGIN = 0.10;
    static final Duration COOLDOWN = Duration.ofMinutes(60);
    /** A day of NAB's five-minute points: the same day of history production gets from 1,440 one-minute points. */
    static final int NOVELTY_POINTS = 288;

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "evaluation/alert-evaluator/nab");
        // optional overrides to explore the trade-off: name=value for confirmations, spikeZ, noiseMargin, trendWindow, noveltyWindow, margin
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            if (kv.length == 2) opts.put(kv[0], kv[1]);
        }
        NabCorpus corpus = new NabCorpus(root);
        NabScorer scorer = new NabScorer(corpus.profile("standard"));
        boolean scorerOk = checkScorer(corpus, scorer);

        List<NabCorpus.DataFile> files = corpus.files();
        DetectorSettings d = DetectorSettings.defaults();
        DetectorSettings settings = new DetectorSettings(
                Integer.parseInt(opts.getOrDefault("trendWindow", "" + d.trendWindow())), d.minPoints(),
                Integer.parseInt(opts.getOrDefault("confirmations", "" + d.confirmations())),
                Double.parseDouble(opts.getOrDefault("noiseMargin", "" + d.noiseMargin())),
                Double.parseDouble(opts.getOrDefault("spikeZ", "" + d.spikeZ())), d.baselineWindow(), d.relativeSpreadFloor(),
                Integer.parseInt(opts.getOrDefault("noveltyWindow", "" + NOVELTY_POINTS)));
        double thresholdMargin = Double.parseDouble(opts.getOrDefault("margin", "" + THRESHOLD_MARGIN));
        NabReplay replay = new NabReplay(new MetricAssessor(settings), HORIZON_MINUTES, thresholdMargin, COOLDOWN);
        Map<NabReplay.Signal, AlertOutcomes> outcomes = new EnumMap<>(NabReplay.Signal.class);
        Map<NabReplay.Signal, List<NabFileScore>> nab = new EnumMap<>(NabReplay.Signal.class);
        Map<NabReplay.Signal, Integer> reminders = new EnumMap<>(NabReplay.Signal.class);
        Map<NabReplay.Signal, AlertOutcomes> withReminders = new EnumMap<>(NabReplay.Signal.class);
        for (NabReplay.Signal s : NabReplay.Signal.values()) {
            outcomes.put(s, new AlertOutcomes(Duration.ofMinutes(HORIZON_MINUTES)));
            withReminders.put(s, new AlertOutcomes(Duration.ofMinutes(HORIZON_MINUTES)));
            nab.put(s, new ArrayList<>());
        }
        List<NabReplay.ForecastCheck> checks = new ArrayList<>();
        AlertOutcomes gaussian = new AlertOutcomes(Duration.ofMinutes(HORIZON_MINUTES));
        List<NabFileScore> gaussianNab = new ArrayList<>();
        long started = System.nanoTime();
        System.out.printf(Locale.ROOT, "%n== detector replay: %d series, horizon %d min, thresholds = probation range +/- %.0f %%, %s%n",
                files.size(), HORIZON_MINUTES, thresholdMargin * 100, settings);
        System.out.printf(Locale.ROOT, "%-62s %8s %8s %8s  %s%n", "file", "forecast", "anomaly", "combined", "(alerts: in-or-leading a window / all)");
        for (NabCorpus.DataFile f : files) {
            NabReplay.Result r = replay.replay(f.timestamps(), f.values());
            checks.addAll(r.forecastChecks());
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-62s", f.name()));
            for (NabReplay.Signal s : NabReplay.Signal.values()) {
                List<LocalDateTime> alerts = r.alerts().get(s);
                AlertOutcomes one = new AlertOutcomes(Duration.ofMinutes(HORIZON_MINUTES));
                one.add(alerts, f.windows(), f.labels());
                outcomes.get(s).add(alerts, f.windows(), f.labels());
                reminders.merge(s, r.reminders().get(s).size(), Integer::sum);
                List<LocalDateTime> all = new ArrayList<>(alerts);
                all.addAll(r.reminders().get(s));
                withReminders.get(s).add(all, f.windows(), f.labels());
                nab.get(s).add(scorer.score(f.timestamps(), indicator(f.timestamps(), alerts), f.windows(), 0.5));
                line.append(String.format(Locale.ROOT, " %8s", one.correct() + "/" + one.alerts()));
            }
            System.out.println(line);
            NabCorpus.Columns ref = corpus.reference("windowedGaussian", f.name());
            gaussian.add(episodes(ref, NabScorer.probationaryLength(ref.values().length)), f.windows(), f.labels());
            gaussianNab.add(scorer.score(ref.timestamps(), ref.values(), f.windows(), 1.0));
        }
        System.out.printf(Locale.ROOT, "(replay took %.1f s)%n", (System.nanoTime() - started) / 1e9);

        System.out.printf(Locale.ROOT, "%n== results over %d series, %d labelled windows (alert counts exclude the probationary 15 %%)%n",
                files.size(), outcomes.get(NabReplay.Signal.FORECAST).windows());
        System.out.printf(Locale.ROOT, "%-44s %7s %10s %12s %9s %8s  %s%n", "detector", "alerts", "precision", "windows", "recall", "NAB std", "lead time to the labelled point, minutes");
        for (NabReplay.Signal s : NabReplay.Signal.values()) {
            print("alert-evaluator " + s.name().toLowerCase(Locale.ROOT) + " (+" + reminders.get(s) + " reminders)",
                    outcomes.get(s), scorer.normalised(nab.get(s)));
        }
        print("windowedGaussian (published, episodes)", gaussian, scorer.normalised(gaussianNab));
        for (NabReplay.Signal s : NabReplay.Signal.values()) {
            AlertOutcomes o = withReminders.get(s);
            System.out.printf(Locale.ROOT, "counting hourly reminders as alerts too, %s: %d/%d right, precision %.1f %%%n",
                    s.name().toLowerCase(Locale.ROOT), o.correct(), o.alerts(), 100 * o.precision());
        }
        printForecastChecks(checks);
        System.out.println();
        System.out.println("precision = alerts inside a labelled window or at most " + HORIZON_MINUTES
                + " min before one / all alerts; recall = windows with such an alert / windows;");
        System.out.println("lead = labelled anomaly point - first alert for that window (positive = warned before);");
        System.out.println("NAB std = NAB normalised score, standard profile (0 = never alert, 100 = every window at its left edge).");
        if (!scorerOk) System.exit(1);
    }

    /** The forecaster judged on its own claim: a predicted crossing of the series' threshold. */
    private static void printForecastChecks(List<NabReplay.ForecastCheck> checks) {
        List<NabReplay.ForecastCheck> predicted = checks.stream().filter(NabReplay.ForecastCheck::predicted).toList();
        List<Double> cameTrue = predicted.stream().map(NabReplay.ForecastCheck::minutesUntilCrossed)
                .filter(m -> !Double.isNaN(m) && m <= HORIZON_MINUTES).toList();
        long late = predicted.stream().map(NabReplay.ForecastCheck::minutesUntilCrossed)
                .filter(m -> !Double.isNaN(m) && m > HORIZON_MINUTES).count();
        System.out.printf(Locale.ROOT, "%nforecast alerts against their own thresholds: %d alerts, %d fired as predictions (the rest were already breaching);%n",
                checks.size(), predicted.size());
        String warn = "-";
        if (!cameTrue.isEmpty()) {
            double[] q = Quantile.withDefaults().evaluate(cameTrue.stream().mapToDouble(Double::doubleValue).toArray(), 0.25, 0.5, 0.75);
            warn = String.format(Locale.ROOT, "warning before the crossing: median %.0f min (p25 %.0f, p75 %.0f)", q[1], q[0], q[2]);
        }
        System.out.printf(Locale.ROOT, "  predicted crossings that happened within %d min: %d/%d (%.1f %%), later: %d, never within %d min: %d; %s%n",
                HORIZON_MINUTES, cameTrue.size(), predicted.size(), predicted.isEmpty() ? Double.NaN : 100.0 * cameTrue.size() / predicted.size(),
                late, 4 * HORIZON_MINUTES, predicted.size() - cameTrue.size() - late, warn);
    }

    private static void print(String name, AlertOutcomes o, double nabScore) {
        List<Double> lead = o.leadMinutes();
        String leadText = "-";
        if (!lead.isEmpty()) {
            double[] l = lead.stream().mapToDouble(Double::doubleValue).toArray();
            double[] q = Quantile.withDefaults().evaluate(l, 0.0, 0.25, 0.5, 0.75, 1.0);
            long early = lead.stream().filter(m -> m >= 15).count();
            long before = lead.stream().filter(m -> m > 0).count();
            leadText = String.format(Locale.ROOT, "median %.0f (p25 %.0f, p75 %.0f, min %.0f, max %.0f); >=15 min ahead %d/%d, ahead at all %d/%d",
                    q[2], q[1], q[3], q[0], q[4], early, lead.size(), before, lead.size());
        }
        System.out.printf(Locale.ROOT, "%-44s %7d %9.1f%% %12s %8.1f%% %8.1f  %s%n", name, o.alerts(), 100 * o.precision(),
                o.caught() + "/" + o.windows(), 100 * o.recall(), nabScore, leadText);
        double[] ci = wilson(o.correct(), o.alerts());
        System.out.printf(Locale.ROOT, "%-44s %7s precision 95 %% interval %.0f-%.0f %%%n", "", "", 100 * ci[0], 100 * ci[1]);
    }

    /** Wilson score interval at 95 %: few alerts make a wide interval, and the report should show it. */
    static double[] wilson(int successes, int n) {
        if (n == 0) return new double[]{Double.NaN, Double.NaN};
        double z = 1.959964, p = (double) successes / n, z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n)) / (1 + z2n);
        return new double[]{centre - half, centre + half};
    }

    /** Rows at or over 1.0 after probation, merged into episodes (a run of flagged rows is one alert). */
    static List<LocalDateTime> episodes(NabCorpus.Columns ref, int probation) {
        List<LocalDateTime> out = new ArrayList<>();
        boolean previous = false;
        for (int i = 0; i < ref.values().length; i++) {
            boolean flagged = ref.values()[i] >= 1.0;
            if (flagged && !previous && i >= probation) out.add(ref.timestamps().get(i));
            previous = flagged;
        }
        return out;
    }

    private static double[] indicator(List<LocalDateTime> timestamps, List<LocalDateTime> alerts) {
        double[] out = new double[timestamps.size()];
        java.util.Set<LocalDateTime> set = new java.util.HashSet<>(alerts);
        for (int i = 0; i < out.length; i++) out[i] = set.contains(timestamps.get(i)) ? 1.0 : 0.0;
        return out;
    }

    /** Scores the published windowedGaussian anomaly scores and compares with its published per-file results. */
    static boolean checkScorer(NabCorpus corpus, NabScorer scorer) {
        TreeMap<String, String[]> published = corpus.referenceScores("windowedGaussian", "standard");
        System.out.println("== scorer check: windowedGaussian, standard profile, against NAB's published per-file results");
        System.out.printf(Locale.ROOT, "%-62s %12s %12s %s%n", "file", "published", "ours", "TP/TN/FP/FN (published | ours)");
        int matched = 0;
        double worst = 0;
        for (var e : published.entrySet()) {
            String[] row = e.getValue();
            double threshold = Double.parseDouble(row[3]);
            NabCorpus.Columns ref = corpus.reference("windowedGaussian", e.getKey());
            NabFileScore ours = scorer.score(ref.timestamps(), ref.values(), corpus.windowsOf(e.getKey()), threshold);
            double expected = Double.parseDouble(row[4]);
            String counts = row[5] + "/" + row[6] + "/" + row[7] + "/" + row[8];
            String ourCounts = ours.tp() + "/" + ours.tn() + "/" + ours.fp() + "/" + ours.fn();
            boolean same = Math.abs(expected - ours.score()) < 1e-6 && counts.equals(ourCounts);
            if (same) matched++;
            worst = Math.max(worst, Math.abs(expected - ours.score()));
            System.out.printf(Locale.ROOT, "%-62s %12.6f %12.6f %s | %s%s%n", e.getKey(), expected, ours.score(), counts, ourCounts, same ? "" : "  MISMATCH");
        }
        System.out.printf(Locale.ROOT, "scorer matches %d/%d files (largest score difference %.2e)%n", matched, published.size(), worst);
        return matched == published.size();
    }
}
