package com.jorge.platform.alerts.evaluation;

import org.apache.commons.statistics.descriptive.Quantile;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Cross-validation by series ({@code evaluate.sh ... --cv K [--grid name=v1,v2,...]}): a protocol that predicts how
 * the detector does on series it was not tuned on. The series are dealt into K folds, stratified by NAB category (each
 * category shuffled with a fixed seed, then dealt in turn, so every fold has its share of each category; K at least the
 * number of series is leave-one-series-out). Every candidate of the grid (the cross product of the {@code --grid}
 * values, on top of the defaults and {@code --set}) is run once over every series: the detector keeps no state across
 * series, so a series' alerts do not depend on the fold. For each fold, the candidate with the best NAB standard score
 * on the <em>other</em> folds (the training folds) is chosen, and the fold's series are scored with it. The out-of-fold
 * figures pool those scores: NAB's three profiles (raw scores summed, normalised over all windows), precision, windows
 * warned, median lead. Without a grid the choice is empty and the out-of-fold figures equal a plain run's.
 * <p>
 * With {@code --choose 1se} the choice is the one-standard-error rule: the first candidate in the grid's order (list the
 * simpler or safer value first) whose training score is within one standard error of the best's, the error from the
 * per-series differences between the two (a gain made on one or two series has a large error; one made a little on
 * most series a small one). It prefers what helps on most series to what helps a lot on a few.
 * {@code --cv category} is leave one category out ({@link #categoryFolds}): the folds are the NAB categories.
 * The last line is {@code cvFolds=K nabStandard=... precision=... medianLeadMinutes=... windowsWarned=...}.
 */
final class CrossValidation {

    /** The folds' shuffle: fixed, so every machine deals the same folds. */
    static final long SEED = 17;

    /** One candidate's results on one series. */
    record SeriesResult(Map<String, NabFileScore> nab, List<LocalDateTime> alerts) {}

    private CrossValidation() {
    }

    static int run(EvaluationArguments arguments, PrintStream out) {
        NabCorpus corpus = new NabCorpus(arguments.data(), arguments.labels());
        List<String> names = NabEvaluation.selected(corpus, arguments);
        Map<String, NabScorer> scorers = new LinkedHashMap<>();
        for (String p : NabEvaluation.PROFILES) scorers.put(p, new NabScorer(corpus.profile(p)));
        List<List<String>> folds = arguments.byCategory() ? categoryFolds(names) : folds(names, arguments.folds(), SEED);
        List<Map<String, String>> candidates = candidates(arguments.settings(), arguments.grid());
        out.printf(Locale.ROOT, "== cross-validation: %d series, %d folds (%s), %d candidate%s, chosen by %s%n",
                names.size(), folds.size(), arguments.byCategory() ? "leave one category out" : "stratified by category, seed " + SEED,
                candidates.size(), candidates.size() == 1 ? "" : "s",
                arguments.oneStandardError() ? "the one-standard-error rule" : "the best training score");
        for (int f = 0; f < folds.size(); f++) out.printf(Locale.ROOT, "fold %d: %s%n", f + 1, String.join(" ", folds.get(f)));

        List<NabCorpus.DataFile> files = corpus.files(names);
        // results[c][s]: candidate c on series s
        List<List<SeriesResult>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (Map<String, String> c : candidates) {
            SeriesDetector detector = NabEvaluation.detector(c);
            List<SeriesResult> one = files.parallelStream().map(f -> result(detector, f, scorers)).toList();
            results.add(one);
            AlertOutcomes o = new AlertOutcomes(NabEvaluation.LEAD);
            for (int s = 0; s < files.size(); s++) o.add(one.get(s).alerts(), files.get(s).windows(), files.get(s).labels());
            out.printf(Locale.ROOT, "candidate %-50s NAB std %6.2f on all %d series, %d alerts, precision %.1f%%, windows %d/%d%n",
                    label(c, arguments.grid()), scorers.get("standard").normalised(one.stream().map(r -> r.nab().get("standard")).toList()),
                    names.size(), o.alerts(), 100 * o.precision(), o.caught(), o.windows());
        }
        out.printf(Locale.ROOT, "(candidates took %.1f s)%n", (System.nanoTime() - started) / 1e9);

        Map<String, Integer> index = new LinkedHashMap<>();
        for (int s = 0; s < names.size(); s++) index.put(names.get(s), s);
        SeriesResult[] outOfFold = new SeriesResult[names.size()];
        Map<String, Integer> chosenCount = new TreeMap<>();
        List<Double> foldScores = new ArrayList<>();
        out.printf(Locale.ROOT, "%n%-5s %-50s %10s %10s%n", "fold", "chosen on the training folds", "train NAB", "fold NAB");
        for (int f = 0; f < folds.size(); f++) {
            List<Integer> held = folds.get(f).stream().map(index::get).toList();
            List<Integer> train = IntStream.range(0, names.size()).filter(s -> !held.contains(s)).boxed().toList();
            int best = choose(results, train, scorers.get("standard"), arguments.oneStandardError());
            for (int s : held) outOfFold[s] = results.get(best).get(s);
            String label = label(candidates.get(best), arguments.grid());
            chosenCount.merge(label, 1, Integer::sum);
            double foldScore = standard(results.get(best), held, scorers.get("standard"));
            if (Double.isFinite(foldScore)) foldScores.add(foldScore);
            out.printf(Locale.ROOT, "%-5d %-50s %10.2f %10.2f%n", f + 1, label, standard(results.get(best), train, scorers.get("standard")), foldScore);
        }
        double foldMean = foldScores.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double foldSd = Math.sqrt(foldScores.stream().mapToDouble(x -> (x - foldMean) * (x - foldMean)).sum() / Math.max(1, foldScores.size() - 1));
        out.printf(Locale.ROOT, "fold NAB std: mean %.2f, standard deviation %.2f over %d folds with windows (the spread a held-out part of that "
                + "size would show)%n", foldMean, foldSd, foldScores.size());
        int onAll = choose(results, IntStream.range(0, names.size()).boxed().toList(), scorers.get("standard"), arguments.oneStandardError());
        out.printf(Locale.ROOT, "chosen per fold: %s; chosen on all %d series (what would ship): %s%n", chosenCount, names.size(),
                label(candidates.get(onAll), arguments.grid()));

        out.printf(Locale.ROOT, "%n%-62s %9s %9s %9s%n", "series (out of fold)", "right/all", "NAB std", "on all");
        AlertOutcomes outcomes = new AlertOutcomes(NabEvaluation.LEAD);
        Map<String, List<NabFileScore>> pooled = new LinkedHashMap<>();
        NabEvaluation.PROFILES.forEach(p -> pooled.put(p, new ArrayList<>()));
        double weeks = 0;
        for (int s = 0; s < names.size(); s++) {
            NabCorpus.DataFile f = files.get(s);
            SeriesResult r = outOfFold[s];
            NabEvaluation.PROFILES.forEach(p -> pooled.get(p).add(r.nab().get(p)));
            AlertOutcomes one = new AlertOutcomes(NabEvaluation.LEAD);
            one.add(r.alerts(), f.windows(), f.labels());
            outcomes.add(r.alerts(), f.windows(), f.labels());
            weeks += NabEvaluation.scoredWeeks(f.timestamps());
            out.printf(Locale.ROOT, "%-62s %9s %9.2f %9.2f%n", f.name(), one.correct() + "/" + one.alerts(), r.nab().get("standard").score(),
                    results.get(onAll).get(s).nab().get("standard").score());
        }
        Map<String, Double> nab = new LinkedHashMap<>();
        NabEvaluation.PROFILES.forEach(p -> nab.put(p, scorers.get(p).normalised(pooled.get(p))));
        double medianLead = outcomes.leadMinutes().isEmpty() ? Double.NaN
                : Quantile.withDefaults().evaluate(outcomes.leadMinutes().stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
        out.printf(Locale.ROOT, "%n== out of fold: NAB std %.2f, low FP %.2f, low FN %.2f; %d alerts, precision %.1f%%, windows warned %d/%d, "
                        + "median lead %.0f min, false alerts %.2f per series-week%n", nab.get("standard"), nab.get("reward_low_FP_rate"),
                nab.get("reward_low_FN_rate"), outcomes.alerts(), 100 * outcomes.precision(), outcomes.caught(), outcomes.windows(), medianLead,
                (outcomes.alerts() - outcomes.correct()) / weeks);
        out.println("(each series scored with the candidate chosen on the folds it is not in; with one candidate this equals a plain run)");
        out.println("cvFolds=" + folds.size() + " " + NabEvaluation.summaryLine(nab.get("standard"), outcomes.precision(), medianLead, outcomes.recall()));
        return 0;
    }

    private static SeriesResult result(SeriesDetector detector, NabCorpus.DataFile f, Map<String, NabScorer> scorers) {
        List<LocalDateTime> alerts = detector.alerts(f);
        double[] indicator = NabEvaluation.indicator(f.timestamps(), alerts);
        Map<String, NabFileScore> nab = new LinkedHashMap<>();
        scorers.forEach((p, scorer) -> nab.put(p, scorer.score(f.timestamps(), indicator, f.windows(), 0.5)));
        return new SeriesResult(nab, alerts);
    }

    /**
     * The candidate chosen on these series: the best NAB standard score (the first of equals, in the grid's order), or with
     * {@code oneStandardError} the first in the grid's order whose raw score is within one standard error of the best's
     * (the standard deviation of the per-series differences times the square root of the number of series: the error of
     * the total's difference).
     */
    static int choose(List<List<SeriesResult>> results, List<Integer> series, NabScorer standard, boolean oneStandardError) {
        int best = best(results, series, standard);
        if (!oneStandardError) return best;
        for (int c = 0; c < results.size(); c++) {
            double[] d = new double[series.size()];
            for (int i = 0; i < d.length; i++) {
                int s = series.get(i);
                d[i] = results.get(best).get(s).nab().get("standard").score() - results.get(c).get(s).nab().get("standard").score();
            }
            double mean = java.util.Arrays.stream(d).average().orElse(0);
            double var = java.util.Arrays.stream(d).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, d.length - 1);
            if (mean * d.length <= Math.sqrt(var) * Math.sqrt(d.length) + 1e-12) return c;
        }
        return best;
    }

    /** The candidate with the best normalised NAB standard score over these series; the first of equals (the grid's order). */
    static int best(List<List<SeriesResult>> results, List<Integer> series, NabScorer standard) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < results.size(); c++) {
            double score = standard(results.get(c), series, standard);
            if (score > bestScore + 1e-9) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    private static double standard(List<SeriesResult> results, List<Integer> series, NabScorer standard) {
        return standard.normalised(series.stream().map(s -> results.get(s).nab().get("standard")).toList());
    }

    /**
     * The series dealt into {@code k} folds (fewer when there are fewer series): by category (the part of the name before
     * the first '/'), each category shuffled with the seed, the categories in name order, dealt one series a fold in turn.
     */
    static List<List<String>> folds(List<String> names, int k, long seed) {
        int n = Math.min(k, names.size());
        List<List<String>> folds = new ArrayList<>();
        for (int f = 0; f < n; f++) folds.add(new ArrayList<>());
        Map<String, List<String>> byCategory = new TreeMap<>();
        for (String name : names) byCategory.computeIfAbsent(category(name), c -> new ArrayList<>()).add(name);
        Random random = new Random(seed);
        int next = 0;
        for (List<String> members : byCategory.values()) {
            List<String> shuffled = new ArrayList<>(members.stream().sorted().toList());
            Collections.shuffle(shuffled, random);
            for (String name : shuffled) folds.get(next++ % n).add(name);
        }
        folds.forEach(Collections::sort);
        return folds;
    }

    /**
     * Leave one category out: one fold per NAB category (the part of the name before the first '/'), categories in name
     * order, each fold's series sorted. What the training folds choose has never seen a series of the left-out kind, so
     * the out-of-fold score estimates how the detector transfers to a new kind of metric, not to a new series of a known kind.
     */
    static List<List<String>> categoryFolds(List<String> names) {
        Map<String, List<String>> byCategory = new TreeMap<>();
        for (String name : names) byCategory.computeIfAbsent(category(name), c -> new ArrayList<>()).add(name);
        List<List<String>> folds = new ArrayList<>();
        for (List<String> members : byCategory.values()) folds.add(members.stream().sorted().toList());
        return folds;
    }

    private static String category(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    /** The cross product of the grid's values, each on top of the fixed settings, in the grid's order. */
    static List<Map<String, String>> candidates(Map<String, String> fixed, Map<String, List<String>> grid) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>(fixed));
        for (var axis : grid.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : axis.getValue()) {
                    Map<String, String> one = new LinkedHashMap<>(partial);
                    one.put(axis.getKey(), v);
                    next.add(one);
                }
            }
            out = next;
        }
        return out;
    }

    private static String label(Map<String, String> candidate, Map<String, List<String>> grid) {
        if (grid.isEmpty()) return "(the settings given)";
        StringBuilder b = new StringBuilder();
        for (String k : grid.keySet()) b.append(b.isEmpty() ? "" : " ").append(k).append('=').append(candidate.get(k));
        return b.toString();
    }
}
