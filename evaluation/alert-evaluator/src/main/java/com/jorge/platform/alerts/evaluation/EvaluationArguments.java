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
 * ramps), {@code --calibration} (also the forecaster's breach probability calibration, printed before the summary).
 * Anything else is refused with {@link ArgumentsException}: a run that silently ignored a typo would
 * print numbers for settings nobody asked for.
 */
public record EvaluationArguments(Path data, Path labels, Path seriesFile, Map<String, String> settings, boolean ramps,
                                  boolean calibration) {

    static final String USAGE = "usage: evaluate.sh --data DIR [--labels FILE] [--series FILE] [--set name=value ...] [--ramps] [--calibration]";

    /** A command line the evaluation does not understand; the script exits 2 with its message. */
    public static final class ArgumentsException extends IllegalArgumentException {
        ArgumentsException(String message) {
            super(message);
        }
    }

    public EvaluationArguments {
        settings = Map.copyOf(settings);
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
                default -> throw new ArgumentsException("unknown argument '" + arg + "'");
            }
        }
        if (data == null) data = defaultData;
        if (data == null) throw new ArgumentsException("--data DIR is required");
        if (!Files.isDirectory(data.resolve("data"))) throw new ArgumentsException("--data " + data + ": no data/ folder there (NAB's layout)");
        if (labels == null) labels = data.resolve("labels/combined_windows.json");
        if (!Files.isRegularFile(labels)) throw new ArgumentsException("--labels " + labels + ": no such file");
        if (series != null && !Files.isRegularFile(series)) throw new ArgumentsException("--series " + series + ": no such file");
        return new EvaluationArguments(data, labels, series, settings, ramps, calibration);
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
}
