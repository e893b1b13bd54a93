package com.jorge.platform.models.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code models/train.sh}: trains the lead score from bank-marketing or Aurora and writes
 * {@code <out>/<version>/{model.onnx, metadata.json, MODEL_CARD.md}}.
 */
public final class TrainLeadScore {

    static final String USAGE = """
            usage: models/train.sh [--source bank|aurora] [options]
              --source bank          the bundled UCI Bank Marketing file (default)
                --csv PATH           another file in the same format
              --source aurora        table lead_outcomes (migration V50)
                --jdbc-url URL       jdbc:postgresql://... or jdbc:aws-wrapper:postgresql://...
                --jdbc-user USER     default: $LEAD_OUTCOMES_DB_USER; the password only from $LEAD_OUTCOMES_DB_PASSWORD
                --location-id ID     one GHL sub-account only
              --seed N               default 42
              --version V            default: the next free integer under --out
              --out DIR              default models/artifacts/lead-score
              --rounds N --max-depth N --threads N   XGBoost overrides
            """;
    static final String MODEL_NAME = "lead-score";
    private static final Set<String> KNOWN_OPTIONS = Set.of("source", "csv", "jdbc-url", "jdbc-user",
            "location-id", "seed", "version", "out", "rounds", "max-depth", "threads", "models-dir");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private TrainLeadScore() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    static Path run(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        Path modelsDir = Path.of(options.getOrDefault("models-dir", System.getProperty("models.dir", "models")));
        LeadOutcomeSource source = switch (options.getOrDefault("source", "bank")) {
            case "bank" -> new BankMarketingSource(Path.of(options.getOrDefault("csv",
                    modelsDir.resolve("data/bank-marketing/bank-leads-train.csv").toString())));
            case "aurora" -> new AuroraLeadOutcomeSource(require(options, "jdbc-url"),
                    options.getOrDefault("jdbc-user", System.getenv("LEAD_OUTCOMES_DB_USER")),
                    System.getenv("LEAD_OUTCOMES_DB_PASSWORD"), options.get("location-id"));
            default -> throw new IllegalArgumentException("--source must be bank or aurora, was " + options.get("source"));
        };
        long seed = number(options, "seed", 42);
        BoostingParameters d = BoostingParameters.DEFAULTS;
        BoostingParameters parameters = new BoostingParameters((int) number(options, "rounds", d.rounds()),
                (int) number(options, "max-depth", d.maxDepth()), d.learningRate(), d.subsample(), d.columnSample(),
                d.minChildWeight(), d.l2(), (int) number(options, "threads", d.threads()));
        Path out = Path.of(options.getOrDefault("out", modelsDir.resolve("artifacts/" + MODEL_NAME).toString()));
        String version = options.containsKey("version") ? options.get("version") : nextVersion(out);
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("--version must match " + VERSION.pattern() + ", was " + version);
        }

        System.out.println("training " + MODEL_NAME + " " + version + " from " + source.description());
        TrainingResult result = LeadScoreTrainingPipeline.run(source, parameters, seed, MODEL_NAME);
        Path written = ModelArtifacts.write(result, MODEL_NAME, version, out.resolve(version));
        System.out.printf(Locale.ROOT, "trained %d trees in %.2f s on %d rows; test: ROC AUC %.4f, PR AUC %.4f, Brier %.4f;"
                        + " hot >= %.4f: precision %.4f, recall %.4f; baseline LR ROC AUC %.4f, PR AUC %.4f;"
                        + " ONNX max |diff| %.1e%n",
                result.trees(), result.trainingSeconds(), result.rows(), result.test().rocAuc(), result.test().prAuc(),
                result.test().brier(), result.hotThreshold(), result.testAtHot().precision(), result.testAtHot().recall(),
                result.baselineTest().rocAuc(), result.baselineTest().prAuc(), result.onnxMaxAbsDifference());
        System.out.println("wrote " + written);
        return written;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + args[i] + "'");
            }
            String key = args[i].substring(2);
            if (!KNOWN_OPTIONS.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key);
            }
            if (options.put(key, args[++i]) != null) {
                throw new IllegalArgumentException("--" + key + " given twice");
            }
        }
        return options;
    }

    private static String require(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("--" + key + " is required for --source " + options.get("source"));
        }
        return value;
    }

    private static long number(Map<String, String> options, String key, long fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, was " + value);
        }
    }

    static String nextVersion(Path out) throws java.io.IOException {
        if (!Files.isDirectory(out)) {
            return "1";
        }
        try (Stream<Path> versions = Files.list(out)) {
            return Long.toString(1 + versions.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{1,9}")).mapToLong(Long::parseLong).max().orElse(0));
        }
    }
}
