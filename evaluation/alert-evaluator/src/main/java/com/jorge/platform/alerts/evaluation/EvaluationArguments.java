package com.jorge.platform.alerts.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluation's command line, read strictly: {@code --data DIR} (NAB's layout), {@code --labels FILE}
 * (default DIR/labels/combined_windows.json), {@code --series FILE} (only the series named there, one a
 * line), {@code --set name=value} (detector settings, repeatable), {@code --ramps} (also the synthetic
 * ramps), {@code --calibration} (also the forecaster's breach probability calibration, printed before the summary),
 * {@code --cv K} (cross-validation by series, K folds stratified by NAB category, see {@link CrossValidation}; {@code --cv category}:
 * leave one NAB category out, one fold per category) and
 * {@code --grid name=v1,v2,...} (settings the cross-validation chooses inside each training fold; repeatable, crossed) and
 * {@code --choose best|1se} (how: the best training score, or the first candidate in the grid's order within one
 * standard error of it).
 * Anything else is refused with {@link ArgumentsException}: a run that silently ignored a typo would
 * print numbers for settings nobody asked for.
 */
public record EvaluationArguments(Path data, Path labels, Path seriesFile, Map<String, String> settings, boolean ramps,
                                  boolean calibration, int folds, Map<String, List<String>> grid, boolean oneStandardError) {

    static final String USAGE = "usage: evaluate.sh --data DIR [--labels FILE] [--series FILE] [--set name=value ...] [--ramps] [--calibration]"
            + " [--cv K|category [--grid name=v1,v2,... ...] [--choose best|1se]]";

    /** A command line the evaluation does not understand; the script exits 2 with its message. */
    public static final class ArgumentsException extends IllegalArgumentException {
        ArgumentsException(String message) {
            super(message);
        }
    }

    public EvaluationArguments {
        settings = Map.copyOf(settings);
        Map<String, List<String>> g = new LinkedHashMap<>();
        grid.forEach((k, v) -> g.put(k, List.copyOf(v)));
        grid = java.util.Collections.unmodifiableMap(g);
    }

    /** The evaluation without cross-validation (as before: one run with the settings given). */
    public EvaluationArguments(Path data, Path labels, Path seriesFile, Map<String, String> settings, boolean ramps, boolean calibration) {
        this(data, labels, seriesFile, settings, ramps, calibration, 0, Map.of(), false);
    }

    /** {@link #folds} for {@code --cv category}: leave one NAB category out (one fold per category). */
    public static final int BY_CATEGORY = -1;

    /** Cross-validation by series was asked for ({@code --cv K} or {@code --cv category}). */
    public boolean crossValidation() {
        return folds != 0;
    }

    /** Leave one category out was asked for ({@code --cv category}). */
    public boolean byCategory() {
        return folds == BY_CATEGORY;
    }

    /** The series to evaluate, when a list was given. */
    public Optional<Path> series() {
        return Optional.ofNullable(seriesFile);
    }

    /** Reads the arguments; {@code defaultData} (may be null: then --data is required) is the folder used without --data. */
    public static EvaluationArguments parse(List<String> args, Path defaultData) {
        Path data = null, labels = null, series = null;
        Map<String, String> settings = new LinkedHashMap<>();
        boolean ramps = false, calibration = false;
        int folds = 0;
        String choose = null;
        Map<String, List<String>> grid = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            String name = arg, inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            switch (name) {
                case "--data" -> data = once(data, "--data", Path.of(value(name, inline, rest)));
                case "--labels" -> labels = once(labels, "--labels", Path.of(value(name, inline, rest)));
                case "--series" -> series = once(series, "--series", Path.of(value(name, inline, rest)));
                case "--set" -> {
                    String kv = value(name, inline, rest);
                    int at = kv.indexOf('=');
                    if (at <= 0) throw new ArgumentsException("--set wants name=value, got '" + kv + "'");
                    if (settings.put(kv.substring(0, at), kv.substring(at + 1)) != null) {
                        throw new ArgumentsException("setting '" + kv.substring(0, at) + "' given twice");
                    }
                }
                case "--ramps" -> {
                    if (inline != null) throw new ArgumentsException("--ramps takes no value");
                    ramps = true;
                }
                case "--calibration" -> {
                    if (inline != null) throw new ArgumentsException("--calibration takes no value");
                    calibration = true;
                }
                case "--cv" -> {
                    if (folds != 0) throw new ArgumentsException("--cv given twice");
                    String k = value(name, inline, rest);
                    if (k.equals("category")) {
                        folds = BY_CATEGORY;
                        continue;
                    }
                    try {
                        folds = Integer.parseInt(k);
                    } catch (NumberFormatException e) {
                        throw new ArgumentsException("--cv wants a number of folds (2 or more) or 'category', got '" + k + "'");
                    }
                    if (folds < 2) throw new ArgumentsException("--cv wants a number of folds (2 or more) or 'category', got '" + k + "'");
                }
                case "--choose" -> {
                    choose = once(choose, "--choose", value(name, inline, rest));
                    if (!choose.equals("best") && !choose.equals("1se")) throw new ArgumentsException("--choose is best or 1se, got '" + choose + "'");
                }
                case "--grid" -> {
                    String kv = value(name, inline, rest);
                    int at = kv.indexOf('=');
                    if (at <= 0 || at == kv.length() - 1) throw new ArgumentsException("--grid wants name=v1,v2,..., got '" + kv + "'");
                    List<String> values = List.of(kv.substring(at + 1).split(","));
                    if (values.stream().anyMatch(String::isBlank) || values.stream().distinct().count() != values.size()) {
                        throw new ArgumentsException("--grid " + kv.substring(0, at) + ": empty or repeated values in '" + kv + "'");
                    }
                    if (grid.put(kv.substring(0, at), values) != null) throw new ArgumentsException("--grid '" + kv.substring(0, at) + "' given twice");
                }
                default -> throw new ArgumentsException("unknown argument '" + arg + "'");
            }
        }
        if (data == null) data = defaultData;
        if (data == null) throw new ArgumentsException("--data DIR is required");
        if (!Files.isDirectory(data.resolve("data"))) throw new ArgumentsException("--data " + data + ": no data/ folder there (NAB's layout)");
        if (labels == null) labels = data.resolve("labels/combined_windows.json");
        if (!Files.isRegularFile(labels)) throw new ArgumentsException("--labels " + labels + ": no such file");
        if (series != null && !Files.isRegularFile(series)) throw new ArgumentsException("--series " + series + ": no such file");
        if (!grid.isEmpty() && folds == 0) throw new ArgumentsException("--grid needs --cv K (the grid is chosen from inside each training fold)");
        for (String k : grid.keySet()) {
            if (settings.containsKey(k)) throw new ArgumentsException("'" + k + "' is both --set and --grid");
        }
        if (choose != null && folds == 0) throw new ArgumentsException("--choose needs --cv K");
        if (folds != 0 && (ramps || calibration)) throw new ArgumentsException("--cv does not combine with --ramps or --calibration");
        return new EvaluationArguments(data, labels, series, settings, ramps, calibration, folds, grid, "1se".equals(choose));
    }

    private static String value(String name, String inline, List<String> rest) {
        if (inline != null) {
            if (inline.isEmpty()) throw new ArgumentsException(name + " needs a value");
            return inline;
        }
        if (rest.isEmpty() || rest.getFirst().startsWith("--")) throw new ArgumentsException(name + " needs a value");
        return rest.removeFirst();
    }

    private static <T> T once(T previous, String name, T value) {
        if (previous != null) throw new ArgumentsException(name + " given twice");
        return value;
    }

    /** A detector setting naming one of {@code fallback}'s constants (any case); absent: {@code fallback}. */
    static <T extends Enum<T>> T choice(String key, String value, T fallback) {
        if (value == null) return fallback;
        T[] all = fallback.getDeclaringClass().getEnumConstants();
        for (T c : all) if (c.name().equalsIgnoreCase(value)) return c;
        List<String> names = new ArrayList<>();
        for (T c : all) names.add(c.name().toLowerCase(java.util.Locale.ROOT));
        String last = names.removeLast();
        throw new ArgumentsException(key + " is " + String.join(", ", names) + " or " + last + ", got '" + value + "'");
    }

    /** A detector setting that is a number; absent: {@code fallback}. */
    static double number(String key, String value, double fallback) {
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new ArgumentsException(key + " is a number, got '" + value + "'");
        }
    }

    /** A detector setting that is a whole number, {@code least} or more; absent: {@code fallback}. */
    static int whole(String key, String value, int least, int fallback) {
        if (value == null) return fallback;
        try {
            int n = Integer.parseInt(value);
            if (n >= least) return n;
        } catch (NumberFormatException e) {
            // the same message as a number below the least
        }
        throw new ArgumentsException(key + " is a whole number, " + least + " or more, got '" + value + "'");
    }
}
