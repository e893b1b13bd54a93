package com.jorge.platform.models.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates table lead_outcomes in a test schema from the platform's own migrations, not a copy of them. */
final class LeadOutcomesTable {

    private static final Path MIGRATIONS = Path.of(System.getProperty("migrations.dir",
            "../../functions/platform-core/src/main/resources/db/migration"));
    /** The table (V50), then its feature_set and opportunity_id columns (V52). */
    private static final String[] MIGRATION_FILES = {"V50__lead_outcomes.sql", "V52__lead_outcomes_feature_set.sql"};

    private LeadOutcomesTable() {
    }

    static void create(Connection connection) throws SQLException, IOException {
        try (Statement st = connection.createStatement()) {
            for (String file : MIGRATION_FILES) {
                st.execute(Files.readString(MIGRATIONS.resolve(file)));
            }
        }
    }
}
