package com.jorge.platform.models.training;

import com.jorge.platform.models.features.BankMarketingFeatureSet;
import com.jorge.platform.models.features.ConversationFeatureSet;
import com.jorge.platform.models.features.FeatureSet;
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
 * {@code <out>/<version>/{model.onnx, metadata.json, MODEL_CARD.md}}. Exit status 2 for a bad command
 * line, 3 when the source has too few outcomes to train on yet (nothing written).
 */
public final class TrainLeadScore {

    static final String USAGE = """
            usage: models/train.sh [--source bank|aurora|simulated] [options]
              --source bank          the bundled UCI Bank Marketing file (default); bank-marketing features
                --csv PATH           another file in the same format
              --source aurora        table lead_outcomes (migrations V50, V52), the rows of one feature set
                --features SET       conversation (default: what the bots record) or bank-marketing
                --jdbc-url URL       jdbc:postgresql://... or jdbc:aws-wrapper:postgresql://...
                --jdbc-user USER     default: $LEAD_OUTCOMES_DB_USER; the password only from $LEAD_OUTCOMES_DB_PASSWORD
                --location-id ID     one GHL sub-account only
              --source simulated     conversations with outcomes from a stated rule (SimulatedConversations):
                                     a fault-test fixture, never the bots' real model
                --rows N             default 3000
                --data-seed N        default 7 (the committed fixture's)
              --name NAME            default: lead-score (bank-marketing), conversation-lead-score (conversation)
              --seed N               default 42
              --version V            default: the next free integer under --out
              --out DIR              default models/artifacts/<name>
              --rounds N --max-depth N --threads N   XGBoost overrides
            """;
    /** The bank-marketing model; the committed models/artifacts/lead-score/1. */
    static final String MODEL_NAME = "lead-score";
    /**
     * The model on the platform's own outcomes. Another name, not another version of lead-score: a
     * client sends one row shape, and a version swap must never change it under the client.
     */
    static final String CONVERSATION_MODEL_NAME = "conversation-lead-score";
    static final int NOT_ENOUGH_OUTCOMES_EXIT = 3;
    private static final Set<String> KNOWN_OPTIONS = Set.of("source", "features", "csv", "jdbc-url", "jdbc-user",
            "location-id", "name", "seed", "version", "out", "rounds", "max-depth", "threads", "models-dir", "rows",
            "data-seed");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** A model name is an S3 key segment and a folder name. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private TrainLeadScore() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (NotEnoughOutcomesException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(NOT_ENOUGH_OUTCOMES_EXIT);
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
            case "bank" -> {
                if (features(options, BankMarketingFeatureSet.INSTANCE) != BankMarketingFeatureSet.INSTANCE) {
                    throw new IllegalArgumentException("--features " + options.get("features")
                            + " needs --source aurora: the bank-marketing file has bank-marketing attributes only");
                }
                yield new BankMarketingSource(Path.of(options.getOrDefault("csv",
                        modelsDir.resolve("data/bank-marketing/bank-leads-train.csv").toString())));
            }
            case "aurora" -> new AuroraLeadOutcomeSource(require(options, "jdbc-url"),
                    options.getOrDefault("jdbc-user", System.getenv("LEAD_OUTCOMES_DB_USER")),
                    System.getenv("LEAD_OUTCOMES_DB_PASSWORD"), options.get("location-id"),
                    features(options, ConversationFeatureSet.INSTANCE));
            case "simulated" -> {
                if (features(options, ConversationFeatureSet.INSTANCE) != ConversationFeatureSet.INSTANCE) {
                    throw new IllegalArgumentException("--source simulated has conversation features only");
                }
                yield SimulatedConversations.source((int) number(options, "rows", SimulatedConversations.DEFAULT_ROWS),
                        number(options, "data-seed", SimulatedConversations.TRAINING_SEED));
            }
            default -> throw new IllegalArgumentException("--source must be bank, aurora or simulated, was "
                    + options.get("source"));
        };
        String name = options.getOrDefault("name", defaultName(source.featureSet()));
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("--name must match " + NAME.pattern() + ", was " + name);
        }
        long seed = number(options, "seed", 42);
        BoostingParameters d = BoostingParameters.DEFAULTS;
        BoostingParameters parameters = new BoostingParameters((int) number(options, "rounds", d.rounds()),
                (int) number(options, "max-depth", d.maxDepth()), d.learningRate(), d.subsample(), d.columnSample(),
                d.minChildWeight(), d.l2(), (int) number(options, "threads", d.threads()));
        Path out = Path.of(options.getOrDefault("out", modelsDir.resolve("artifacts/" + name).toString()));
        String version = options.containsKey("version") ? options.get("version") : nextVersion(out);
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("--version must match " + VERSION.pattern() + ", was " + version);
        }

        System.out.println("training " + name + " " + version + " on " + source.featureSet().version() + " from "
                + source.description());
        TrainingResult result = LeadScoreTrainingPipeline.run(source, parameters, seed, name);
        Path written = ModelArtifacts.write(result, name, version, out.resolve(version));
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

    /** The model name a feature set trains under unless --name says otherwise. */
    static String defaultName(FeatureSet features) {
        return switch (features) {
            case BankMarketingFeatureSet bank -> MODEL_NAME;
            case ConversationFeatureSet conversation -> CONVERSATION_MODEL_NAME;
        };
    }

    private static FeatureSet features(Map<String, String> options, FeatureSet fallback) {
        String value = options.get("features");
        if (value == null) {
            return fallback;
        }
        return switch (value) {
            case "conversation" -> ConversationFeatureSet.INSTANCE;
            case "bank-marketing" -> BankMarketingFeatureSet.INSTANCE;
            default -> throw new IllegalArgumentException("--features must be conversation or bank-marketing, was "
                    + value);
        };
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
