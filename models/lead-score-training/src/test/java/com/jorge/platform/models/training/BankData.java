package com.jorge.platform.models.training;

import com.jorge.platform.models.features.BankMarketingFeatureSet;
import java.nio.file.Path;
import java.util.List;

/** The bundled bank-marketing file, loaded once per test JVM. */
final class BankData {
    static final Path MODELS_DIR = Path.of(System.getProperty("models.dir", ".."));
    static final Path CSV = MODELS_DIR.resolve("data/bank-marketing/bank-leads-train.csv");
    private static List<LeadOutcome> outcomes;
    private static List<BankMarketingSource.Row> rows;

    private BankData() {
    }

    static synchronized List<LeadOutcome> outcomes() {
        if (outcomes == null) {
            outcomes = new BankMarketingSource(CSV).load();
        }
        return outcomes;
    }

    /** The same rows before encoding, for tests that store them elsewhere and read them back. */
    static synchronized List<BankMarketingSource.Row> rows() {
        if (rows == null) {
            rows = new BankMarketingSource(CSV).rows();
        }
        return rows;
    }

    /** A source over the first rows, for tests that train on a slice. */
    static LeadOutcomeSource slice(int rows) {
        return new InMemoryOutcomes(BankMarketingFeatureSet.INSTANCE, outcomes().subList(0, rows),
                "first " + rows + " bank-marketing rows", true);
    }
}
