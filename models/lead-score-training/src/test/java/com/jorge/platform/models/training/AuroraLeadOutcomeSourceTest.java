package com.jorge.platform.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.testkit.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lead_outcomes table from migration V50 in a real PostgreSQL, in a schema of this class's own. */
class AuroraLeadOutcomeSourceTest {

    private static final Path V50 = Path.of(System.getProperty("migrations.dir",
            "../../functions/platform-core/src/main/resources/db/migration")).resolve("V50__lead_outcomes.sql");
    private static final int ROWS = 6_000;
    private static TestPostgres.Schema schema;

    @BeforeAll
    static void createTableAndLoadBankRows() throws Exception {
        schema = TestPostgres.newSchema("lead_outcomes");
        ObjectMapper json = new ObjectMapper();
        try (Connection c = schema.connect()) {
            try (Statement st = c.createStatement()) {
                st.execute(Files.readString(V50));
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO lead_outcomes"
                    + " (location_id, contact_id, attributes, converted, decided_at) VALUES (?, ?, ?::jsonb, ?, ?)")) {
                // every 5th bank row, so both outcomes and all periods are present
                for (int i = 0; i < ROWS; i++) {
                    LeadOutcome lead = BankData.outcomes().get(i * 5);
                    insert.setString(1, i % 3 == 0 ? "loc-a" : "loc-b");
                    insert.setString(2, String.format("contact-%06d", i));
                    insert.setString(3, json.writeValueAsString(lead.attributes().toMap()));
                    insert.setBoolean(4, lead.converted());
                    insert.setTimestamp(5, Timestamp.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
        }
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

    private static AuroraLeadOutcomeSource source(String locationId) {
        return new AuroraLeadOutcomeSource(schema.jdbcUrl(), schema.user(), schema.password(), locationId);
    }

    @Test
    void readsEveryRowBackAsTheSameAttributesInPrimaryKeyOrder() {
        List<LeadOutcome> loaded = source(null).load();
        assertThat(loaded).hasSize(ROWS);
        // oldest decided_at first, which is insertion order here whatever the location
        for (int i = 0; i < ROWS; i++) {
            assertThat(loaded.get(i)).isEqualTo(BankData.outcomes().get(i * 5));
        }
        assertThat(source(null).load()).as("stable order").isEqualTo(loaded);
    }

    @Test
    void filtersOneLocation() {
        assertThat(source("loc-a").load()).hasSize(ROWS / 3).first().isEqualTo(BankData.outcomes().get(0));
        assertThat(source("loc-nobody").load()).isEmpty();
    }

    @Test
    void worksThroughTheAwsAdvancedJdbcWrapper() {
        String url = schema.jdbcUrl().replace("jdbc:postgresql:", "jdbc:aws-wrapper:postgresql:") + "&wrapperDialect=pg";
        assertThat(new AuroraLeadOutcomeSource(url, schema.user(), schema.password(), "loc-b").load())
                .hasSize(ROWS - ROWS / 3);
    }

    @Test
    void theSameCommandTrainsOnAurora(@TempDir Path out) throws Exception {
        Path written = TrainLeadScore.run(new String[] {"--source", "aurora", "--jdbc-url", schema.jdbcUrl(),
                "--jdbc-user", schema.user(), "--out", out.toString(), "--rounds", "60"});
        assertThat(written).isEqualTo(out.resolve("1"));
        assertThat(written.resolve("model.onnx")).isNotEmptyFile();
        String metadata = Files.readString(written.resolve("metadata.json"));
        assertThat(metadata).contains("\"source\" : \"aurora: table lead_outcomes at jdbc:postgresql:")
                .contains("\"rows\" : " + ROWS).contains("forward_in_time").doesNotContain("password");
        assertThat(Files.readString(written.resolve("MODEL_CARD.md"))).contains("aurora: table lead_outcomes");
        assertThat(TrainLeadScore.nextVersion(out)).isEqualTo("2");
    }

    @Test
    void aBadStoredAttributeNamesTheRowAndTheField() throws Exception {
        try (TestPostgres.Schema bad = TestPostgres.newSchema("lead_outcomes_bad");
             Connection c = bad.connect();
             Statement st = c.createStatement()) {
            st.execute(Files.readString(V50));
            st.execute("INSERT INTO lead_outcomes (location_id, contact_id, attributes, converted, decided_at)"
                    + " VALUES ('loc-a', 'contact-1', '{\"age\": 40}', true, now()),"
                    + " ('loc-a', 'contact-2', '{\"age\": \"old\"}', false, now())");
            AuroraLeadOutcomeSource source = new AuroraLeadOutcomeSource(bad.jdbcUrl(), bad.user(), bad.password(), null);
            assertThatThrownBy(source::load)
                    .hasMessageContaining("lead_outcomes(loc-a, contact-2).attributes.age: must be a number");

            st.execute("UPDATE lead_outcomes SET attributes = '{\"age\": 40, \"favourite_colour\": \"red\"}'"
                    + " WHERE contact_id = 'contact-2'");
            assertThatThrownBy(source::load).hasMessageContaining("contact-2).attributes.favourite_colour: unknown attribute");

            assertThatThrownBy(() -> st.execute("INSERT INTO lead_outcomes (location_id, contact_id, attributes,"
                    + " converted, decided_at) VALUES ('loc-a', 'contact-3', '[1, 2]', true, now())"))
                    .as("the table itself refuses attributes that are not an object")
                    .hasMessageContaining("lead_outcomes_attributes_check");
        }
    }

    @Test
    void anUnreachableDatabaseIsAClearErrorWithoutTheQueryString() {
        AuroraLeadOutcomeSource source = new AuroraLeadOutcomeSource(
                "jdbc:postgresql://127.0.0.1:1/none?password=hunter2&connectTimeout=1", "postgres", "secret", null);
        assertThatThrownBy(source::load).hasMessageContaining("cannot read lead_outcomes from jdbc:postgresql://127.0.0.1:1/none?...")
                .message().doesNotContain("hunter2").doesNotContain("secret");
        assertThat(source.toString()).doesNotContain("hunter2");
        assertThatThrownBy(() -> new AuroraLeadOutcomeSource("postgres://x", null, null, null))
                .hasMessageContaining("jdbc-url: must start with jdbc:");
    }
}
