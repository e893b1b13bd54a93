package com.jorge.platform.alerts.evaluation;

import org.apache.commons.statistics.descriptive.Quantile;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The evaluation over any folder in NAB's layout: the detector replayed over every labelled series (or those
 * listed with --series), scored with NAB's three profiles and as an on-call engineer would count alerts
 * (precision, windows warned, lead time, false alerts per series per week), with NAB's published detectors
 * beside it when their results are in the folder. The last line is the summary a script can read:
 * {@code nabStandard=... precision=... medianLeadMinutes=... windowsWarned=...}.
 * Exit status: 0; 1 when the scorer disagrees with NAB's published windowedGaussian results; 2 for a bad
 * command line.
 */
public final class NabEvaluation {

    /** An alert up to this long before a labelled window counts as a warning of it. */
    static final Duration LEAD = Duration.ofMinutes(30);
    static final List<String> PROFILES = List.of("standard", "reward_low_FP_rate", "reward_low_FN_rate");
    static final List<String> PUBLISHED = List.of("windowedGaussian", "numenta");

    public static void main(String[] args) {
        String fallback = System.getProperty("nab.defaultData");
        System.exit(evaluate(List.of(args), fallback == null ? null : java.nio.file.Path.of(fallback), System.out, System.err));
    }

    /** The whole command: its exit status (2 and a message on {@code err} for arguments it does not understand). */
    static int evaluate(List<String> args, java.nio.file.Path defaultData, PrintStream out, PrintStream err) {
        EvaluationArguments arguments;
        SeriesDetector detector;
        try {
            arguments = EvaluationArguments.parse(args, defaultData);
            detector = detector(arguments.settings());
            // every grid value must be a setting the detector knows, before any series is run
            for (var axis : arguments.grid().entrySet()) {
                for (String v : axis.getValue()) {
                    Map<String, String> one = new java.util.HashMap<>(arguments.settings());
                    one.put(axis.getKey(), v);
                    detector(one);
                }
            }
        } catch (EvaluationArguments.ArgumentsException e) {
            err.println("evaluate: " + e.getMessage());
            err.println(EvaluationArguments.USAGE);
            return 2;
        }
        if (arguments.ramps()) SyntheticRamps.main(new String[0]);
        try {
            if (arguments.crossValidation()) return CrossValidation.run(arguments, out);
            return run(arguments, detector, out);
        } catch (EvaluationArguments.ArgumentsException e) {
            err.println("evaluate: " + e.getMessage());
            return 2;
        }
    }

    /**
     * The detector the settings describe; refuses settings it does not know. No {@code detector} and no setting: the
     * Lambda's default ({@code artime-stream}); no {@code detector} with ensemble settings (window, spikeZ, ...): the
     * ensemble, as before ARTime became the default.
     */
    static SeriesDetector detector(Map<String, String> settings) {
        Map<String, String> rest = new java.util.HashMap<>(settings);
        String which = rest.remove("detector");
        if (which == null && rest.isEmpty()) which = "artime-stream";
        if (which == null && rest.keySet().equals(java.util.Set.of("artime.quiet"))) which = "artime-stream";
        if ("artime-stream".equals(which)) return new StreamingArtimeReplay(rest);
        if (which == null || which.equals("ensemble")) {
            if (rest.keySet().stream().anyMatch(k -> k.startsWith("cad."))) {
                throw new EvaluationArguments.ArgumentsException("cad.* settings need detector=cad or detector=cad-or-ensemble");
            }
            if (rest.keySet().stream().anyMatch(k -> k.startsWith("artime."))) {
                throw new EvaluationArguments.ArgumentsException("artime.* settings need detector=artime or detector=artime-or-ensemble");
            }
            return new StreamingReplay(rest);
        }
        Map<String, String> cad = new java.util.HashMap<>();
        for (String k : List.copyOf(rest.keySet())) if (k.startsWith("cad.")) cad.put(k, rest.remove(k));
        Map<String, String> artime = new java.util.HashMap<>();
        for (String k : List.copyOf(rest.keySet())) if (k.startsWith("artime.")) artime.put(k, rest.remove(k));
        if (!which.startsWith("cad") && !cad.isEmpty()) throw new EvaluationArguments.ArgumentsException("cad.* settings need detector=cad or detector=cad-or-ensemble");
        if (!which.startsWith("artime") && !artime.isEmpty()) throw new EvaluationArguments.ArgumentsException("artime.* settings need detector=artime or detector=artime-or-ensemble");
        return switch (which) {
            case "cad" -> {
                if (!rest.isEmpty()) throw new EvaluationArguments.ArgumentsException("detector=cad takes only cad.* settings, got " + rest.keySet());
                yield new ContextualReplay(cad);
            }
            case "cad-or-ensemble" -> new EitherDetector(new ContextualReplay(cad), new StreamingReplay(rest));
            case "artime" -> {
                if (!rest.isEmpty()) throw new EvaluationArguments.ArgumentsException("detector=artime takes only artime.* settings, got " + rest.keySet());
                yield new ArtimeReplay(artime);
            }
            case "artime-or-ensemble" -> new EitherDetector(new ArtimeReplay(artime), new StreamingReplay(rest));
            default -> throw new EvaluationArguments.ArgumentsException("detector is artime-stream, ensemble, cad, cad-or-ensemble, artime or artime-or-ensemble, got '" + which + "'");
        };
    }

    /** One measured detector (ours or a published one): the figures the report prints. */
    record Figures(String name, Map<String, Double> nab, AlertOutcomes outcomes, double falsePerSeriesWeek) {

        double medianLead() {
            List<Double> lead = outcomes.leadMinutes();
            if (lead.isEmpty()) return Double.NaN;
            return Quantile.withDefaults().evaluate(lead.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
        }
    }

    static int run(EvaluationArguments arguments, SeriesDetector detector, PrintStream out) {
        NabCorpus corpus = new NabCorpus(arguments.data(), arguments.labels());
        List<String> names = selected(corpus, arguments);
        Map<String, NabScorer> scorers = new LinkedHashMap<>();
        for (String p : PROFILES) scorers.put(p, new NabScorer(corpus.profile(p)));
        out.printf(Locale.ROOT, "== data %s, windows %s, %d series%s%n", arguments.data(), arguments.labels(), names.size(),
                arguments.series().map(s -> " (listed in " + s + ")").orElse(""));
        boolean scorerOk = checkScorer(corpus, names, scorers.get("standard"), out);

        List<NabCorpus.DataFile> files = corpus.files(names);
        out.printf(Locale.ROOT, "%n== detector: %s%n", detector.describe());
        out.printf(Locale.ROOT, "%-62s %9s %9s%n", "series", "right/all", "NAB std");
        long started = System.nanoTime();
        Map<String, List<NabFileScore>> ours = new LinkedHashMap<>();
        PROFILES.forEach(p -> ours.put(p, new ArrayList<>()));
        AlertOutcomes outcomes = new AlertOutcomes(LEAD);
        double weeks = 0;
        Map<String, Integer> windowCounts = new LinkedHashMap<>();
        for (NabCorpus.DataFile f : files) {
            List<LocalDateTime> alerts = detector.alerts(f);
            double[] indicator = indicator(f.timestamps(), alerts);
            for (String p : PROFILES) ours.get(p).add(scorers.get(p).score(f.timestamps(), indicator, f.windows(), 0.5));
            windowCounts.put(f.name(), ours.get("standard").getLast().windows());
            AlertOutcomes one = new AlertOutcomes(LEAD);
            one.add(alerts, f.windows(), f.labels());
            outcomes.add(alerts, f.windows(), f.labels());
            weeks += scoredWeeks(f.timestamps());
            out.printf(Locale.ROOT, "%-62s %9s %9.2f%n", f.name(), one.correct() + "/" + one.alerts(), ours.get("standard").getLast().score());
        }
        out.printf(Locale.ROOT, "(detector took %.1f s)%n", (System.nanoTime() - started) / 1e9);

        Map<String, Double> nab = new LinkedHashMap<>();
        PROFILES.forEach(p -> nab.put(p, scorers.get(p).normalised(ours.get(p))));
        List<Figures> rows = new ArrayList<>();
        Figures mine = new Figures("this detector", nab, outcomes, (outcomes.alerts() - outcomes.correct()) / weeks);
        rows.add(mine);
        for (String detectorName : PUBLISHED) published(corpus, detectorName, files, windowCounts, scorers, weeks).ifPresent(rows::add);

        out.printf(Locale.ROOT, "%n== results: %d series, %d labelled windows after probation, %.1f series-weeks scored%n",
                files.size(), windowCounts.values().stream().mapToInt(Integer::intValue).sum(), weeks);
        if (windowCounts.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            out.printf(Locale.ROOT, "no labelled window: NAB's normalised score is undefined (NaN); raw standard score %.2f%n",
                    ours.get("standard").stream().mapToDouble(NabFileScore::score).sum());
        }
        out.printf(Locale.ROOT, "%-30s %9s %9s %9s %7s %10s %15s %12s %16s%n", "detector", "NAB std", "low FP", "low FN",
                "alerts", "precision", "windows warned", "median lead", "false/series/wk");
        for (Figures r : rows) {
            AlertOutcomes o = r.outcomes();
            out.printf(Locale.ROOT, "%-30s %9s %9s %9s %7d %9.1f%% %15s %8.0f min %16.2f%n", r.name(),
                    number(r.nab().get("standard")), number(r.nab().get("reward_low_FP_rate")), number(r.nab().get("reward_low_FN_rate")),
                    o.alerts(), 100 * o.precision(), o.caught() + "/" + o.windows(), r.medianLead(), r.falsePerSeriesWeek());
        }
        out.println("NAB = NAB's normalised score (0 = never alert, 100 = every window at its left edge); precision = alerts in a");
        out.println("labelled window or up to 30 min before one / all alerts; windows warned = windows with such an alert; lead =");
        out.println("labelled anomaly point - first such alert (positive = before); published detectors: rows at or above their");
        out.println("published standard-profile threshold, a run of rows counted as one alert.");
        if (arguments.calibration()) new BreachCalibrationReport().print(files, out);
        out.println(summaryLine(nab.get("standard"), outcomes.precision(), mine.medianLead(), outcomes.recall()));
        return scorerOk ? 0 : 1;
    }

    /** The last line, for scripts: precision and windowsWarned as fractions. */
    static String summaryLine(double nabStandard, double precision, double medianLeadMinutes, double windowsWarned) {
        return String.format(Locale.ROOT, "nabStandard=%.2f precision=%.3f medianLeadMinutes=%.1f windowsWarned=%.3f",
                nabStandard, precision, medianLeadMinutes, windowsWarned);
    }

    static List<String> selected(NabCorpus corpus, EvaluationArguments arguments) {
        List<String> all = corpus.names();
        if (arguments.series().isEmpty()) return all;
        try {
            List<String> listed = Files.readAllLines(arguments.series().get()).stream().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            Set<String> known = new HashSet<>(all);
            for (String name : listed) {
                if (!known.contains(name)) {
                    throw new EvaluationArguments.ArgumentsException("--series: '" + name + "' is not a labelled series with data in " + arguments.data());
                }
            }
            return listed.stream().sorted().distinct().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A published detector's figures on the same series, when its results are in the corpus for all of them. */
    private static Optional<Figures> published(NabCorpus corpus, String name, List<NabCorpus.DataFile> files, Map<String, Integer> windowCounts,
                                               Map<String, NabScorer> scorers, double weeks) {
        Map<String, Double> nab = new LinkedHashMap<>();
        Double standardThreshold = null;
        for (String p : PROFILES) {
            Optional<NabScoresFile> scores = corpus.referenceScores(name, p);
            if (scores.isEmpty() || !scores.get().rows().keySet().containsAll(windowCounts.keySet())) continue;
            double raw = 0;
            for (String f : windowCounts.keySet()) raw += scores.get().rows().get(f).score();
            nab.put(p, scorers.get(p).normalised(raw, windowCounts.values().stream().mapToInt(Integer::intValue).sum()));
            if (p.equals("standard")) standardThreshold = scores.get().rows().get(files.getFirst().name()).threshold();
        }
        if (nab.isEmpty()) return Optional.empty();
        AlertOutcomes outcomes = new AlertOutcomes(LEAD);
        if (standardThreshold != null) {
            for (NabCorpus.DataFile f : files) {
                Optional<NabCorpus.Columns> rows = corpus.referenceRows(name, f.name());
                if (rows.isEmpty()) return Optional.of(new Figures(name + " (published)", nab, new AlertOutcomes(LEAD), Double.NaN));
                outcomes.add(episodes(rows.get(), standardThreshold, NabScorer.probationaryLength(rows.get().values().length)), f.windows(), f.labels());
            }
        }
        return Optional.of(new Figures(name + " (published)", nab, outcomes, (outcomes.alerts() - outcomes.correct()) / weeks));
    }

    private static String number(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Weeks from the end of the probationary period to the last row. */
    static double scoredWeeks(List<LocalDateTime> timestamps) {
        int probation = NabScorer.probationaryLength(timestamps.size());
        return Duration.between(timestamps.get(probation), timestamps.getLast()).toSeconds() / (7 * 86400.0);
    }

    /** Rows at or over the threshold after probation, merged into episodes (a run of flagged rows is one alert). */
    static List<LocalDateTime> episodes(NabCorpus.Columns ref, double threshold, int probation) {
        List<LocalDateTime> out = new ArrayList<>();
        boolean previous = false;
        for (int i = 0; i < ref.values().length; i++) {
            boolean flagged = ref.values()[i] >= threshold;
            if (flagged && !previous && i >= probation) out.add(ref.timestamps().get(i));
            previous = flagged;
        }
        return out;
    }

    static double[] indicator(List<LocalDateTime> timestamps, List<LocalDateTime> alerts) {
        double[] out = new double[timestamps.size()];
        Set<LocalDateTime> set = new HashSet<>(alerts);
        for (int i = 0; i < out.length; i++) out[i] = set.contains(timestamps.get(i)) ? 1.0 : 0.0;
        return out;
    }

    /** Scores the published windowedGaussian anomaly scores and compares with its published per-file results. */
    static boolean checkScorer(NabCorpus corpus, List<String> names, NabScorer scorer, PrintStream out) {
        Optional<NabScoresFile> published = corpus.referenceScores("windowedGaussian", "standard");
        if (published.isEmpty()) {
            out.println("== scorer check skipped: no published windowedGaussian standard scores in the folder");
            return true;
        }
        out.println("== scorer check: windowedGaussian, standard profile, against NAB's published per-file results");
        int matched = 0, checked = 0;
        double worst = 0;
        for (String name : names) {
            NabScoresFile.Row row = published.get().rows().get(name);
            Optional<NabCorpus.Columns> ref = corpus.referenceRows("windowedGaussian", name);
            if (row == null || ref.isEmpty()) continue;
            checked++;
            NabFileScore ours = scorer.score(ref.get().timestamps(), ref.get().values(), corpus.windowsOf(name), row.threshold());
            boolean same = Math.abs(row.score() - ours.score()) < 1e-6
                    && row.tp() == ours.tp() && row.tn() == ours.tn() && row.fp() == ours.fp() && row.fn() == ours.fn();
            if (same) matched++;
            else out.printf(Locale.ROOT, "  MISMATCH %s: published %.6f %d/%d/%d/%d, ours %.6f %d/%d/%d/%d%n", name, row.score(),
                    row.tp(), row.tn(), row.fp(), row.fn(), ours.score(), ours.tp(), ours.tn(), ours.fp(), ours.fn());
            worst = Math.max(worst, Math.abs(row.score() - ours.score()));
        }
        out.printf(Locale.ROOT, "scorer matches %d/%d files (score and TP/TN/FP/FN; largest score difference %.2e)%n", matched, checked, worst);
        return matched == checked;
    }
}
