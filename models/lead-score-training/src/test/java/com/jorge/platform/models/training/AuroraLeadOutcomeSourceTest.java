package com.jorge.platform.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.models.features.BankMarketingFeatureSet;
import com.jorge.platform.models.features.ConversationFeatureSet;
import com.jorge.platform.models.features.FeatureSet;
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

/**
 * The lead_outcomes table from migrations V50 and V52 in a real PostgreSQL, in a schema of this class's
 * own: bank-marketing rows, with a few conversation rows among them that a bank-marketing run must skip.
 */
class AuroraLeadOutcomeSourceTest {

    private static final int ROWS = 6_000;
    private static final int CONVERSATION_ROWS = 3;
    private static TestPostgres.Schema schema;

    @BeforeAll
    static void createTableAndLoadBankRows() throws Exception {
        schema = TestPostgres.newSchema("lead_outcomes");
        ObjectMapper json = new ObjectMapper();
        try (Connection c = schema.connect()) {
            LeadOutcomesTable.create(c);
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO lead_outcomes (location_id, contact_id,"
                    + " attributes, converted, decided_at, feature_set) VALUES (?, ?, ?::jsonb, ?, ?, ?)")) {
                // every 5th bank row, so both outcomes and all periods are present
                for (int i = 0; i < ROWS; i++) {
                    BankMarketingSource.Row lead = BankData.rows().get(i * 5);
                    insert.setString(1, i % 3 == 0 ? "loc-a" : "loc-b");
                    insert.setString(2, String.format("contact-%06d", i));
                    insert.setString(3, json.writeValueAsString(lead.attributes()));
                    insert.setBoolean(4, lead.converted());
                    insert.setTimestamp(5, Timestamp.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)));
                    insert.setString(6, BankMarketingFeatureSet.INSTANCE.version());
                    insert.addBatch();
                }
                // keyed by the conversation set: a bank-marketing run would reject "side", so it must not read them
                for (int i = 0; i < CONVERSATION_ROWS; i++) {
                    insert.setString(1, "loc-a");
                    insert.setString(2, "conversation-" + i);
                    insert.setString(3, "{\"side\": \"buyer\", \"wants_call\": " + (i == 0) + "}");
                    insert.setBoolean(4, i == 0);
                    insert.setTimestamp(5, Timestamp.from(Instant.parse("2026-01-01T00:30:00Z").plusSeconds(i)));
                    insert.setString(6, ConversationFeatureSet.VERSION);
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
        return source(locationId, BankMarketingFeatureSet.INSTANCE);
    }

    private static AuroraLeadOutcomeSource source(String locationId, FeatureSet features) {
        return new AuroraLeadOutcomeSource(schema.jdbcUrl(), schema.user(), schema.password(), locationId, features);
    }

    @Test
    void readsEveryRowOfItsFeatureSetBackAsTheSameRowsInTimeOrder() {
        List<LeadOutcome> loaded = source(null).load();
        assertThat(loaded).hasSize(ROWS);
        // oldest decided_at first, which is insertion order here whatever the location
        for (int i = 0; i < ROWS; i++) {
            assertThat(loaded.get(i)).isEqualTo(BankData.outcomes().get(i * 5));
        }
        assertThat(source(null).load()).as("stable order").isEqualTo(loaded);
        assertThat(source(null).featureSet()).isSameAs(BankMarketingFeatureSet.INSTANCE);
        assertThat(source(null).description()).contains("feature_set lead-features/1");
    }

    @Test
    void readsOnlyTheRowsOfTheChosenFeatureSet() {
        List<LeadOutcome> conversation = source(null, ConversationFeatureSet.INSTANCE).load();
        assertThat(conversation).hasSize(CONVERSATION_ROWS)
                .allSatisfy(o -> assertThat(o.featureCount()).isEqualTo(ConversationFeatureSet.INSTANCE.featureCount()));
        assertThat(conversation.getFirst()).isEqualTo(LeadOutcome.encode(ConversationFeatureSet.INSTANCE,
                java.util.Map.of("side", "buyer", "wants_call", true), true));
        assertThat(source("loc-b", ConversationFeatureSet.INSTANCE).load()).isEmpty();
    }

    @Test
    void filtersOneLocation() {
        assertThat(source("loc-a").load()).hasSize(ROWS / 3).first().isEqualTo(BankData.outcomes().get(0));
        assertThat(source("loc-nobody").load()).isEmpty();
    }

    @Test
    void worksThroughTheAwsAdvancedJdbcWrapper() {
        String url = schema.jdbcUrl().replace("jdbc:postgresql:", "jdbc:aws-wrapper:postgresql:") + "&wrapperDialect=pg";
        assertThat(new AuroraLeadOutcomeSource(url, schema.user(), schema.password(), "loc-b",
                BankMarketingFeatureSet.INSTANCE).load())
                .hasSize(ROWS - ROWS / 3);
    }

    @Test
    void theSameCommandTrainsOnAurora(@TempDir Path out) throws Exception {
        Path written = TrainLeadScore.run(new String[] {"--source", "aurora", "--features", "bank-marketing",
                "--jdbc-url", schema.jdbcUrl(), "--jdbc-user", schema.user(), "--out", out.toString(), "--rounds", "60"});
        assertThat(written).isEqualTo(out.resolve("1"));
        assertThat(written.resolve("model.onnx")).isNotEmptyFile();
        String metadata = Files.readString(written.resolve("metadata.json"));
        assertThat(metadata).contains("\"source\" : \"aurora: table lead_outcomes at jdbc:postgresql:")
                .contains("\"name\" : \"lead-score\"").contains("\"encoder\" : \"lead-features/1\"")
                .contains("\"rows\" : " + ROWS).contains("forward_in_time").doesNotContain("password");
        assertThat(Files.readString(written.resolve("MODEL_CARD.md"))).contains("aurora: table lead_outcomes");
        assertThat(TrainLeadScore.nextVersion(out)).isEqualTo("2");
    }

    @Test
    void aBadStoredAttributeNamesTheRowAndTheField() throws Exception {
        try (TestPostgres.Schema bad = TestPostgres.newSchema("lead_outcomes_bad");
             Connection c = bad.connect();
             Statement st = c.createStatement()) {
            LeadOutcomesTable.create(c);
            st.execute("INSERT INTO lead_outcomes (location_id, contact_id, attributes, converted, decided_at, feature_set)"
                    + " VALUES ('loc-a', 'contact-1', '{\"age\": 40}', true, now(), 'lead-features/1'),"
                    + " ('loc-a', 'contact-2', '{\"age\": \"old\"}', false, now(), 'lead-features/1'),"
                    + " ('loc-a', 'contact-4', '{\"side\": \"seller\", \"timeline_months\": -2}', false, now(),"
                    + " 'conversation-features/1')");
            AuroraLeadOutcomeSource source = new AuroraLeadOutcomeSource(bad.jdbcUrl(), bad.user(), bad.password(), null,
                    BankMarketingFeatureSet.INSTANCE);
            assertThatThrownBy(source::load)
                    .hasMessageContaining("lead_outcomes(loc-a, contact-2).attributes.age: must be a number");

            st.execute("UPDATE lead_outcomes SET attributes = '{\"age\": 40, \"favourite_colour\": \"red\"}'"
                    + " WHERE contact_id = 'contact-2'");
            assertThatThrownBy(source::load).hasMessageContaining("contact-2).attributes.favourite_colour: unknown attribute");

            AuroraLeadOutcomeSource conversation = new AuroraLeadOutcomeSource(bad.jdbcUrl(), bad.user(),
                    bad.password(), null, ConversationFeatureSet.INSTANCE);
            assertThatThrownBy(conversation::load).hasMessageContaining(
                    "lead_outcomes(loc-a, contact-4).attributes.timeline_months: must be between 0 and 600");

            assertThatThrownBy(() -> st.execute("INSERT INTO lead_outcomes (location_id, contact_id, attributes,"
                    + " converted, decided_at, feature_set) VALUES ('loc-a', 'contact-3', '[1, 2]', true, now(),"
                    + " 'lead-features/1')"))
                    .as("the table itself refuses attributes that are not an object")
                    .hasMessageContaining("lead_outcomes_attributes_check");
        }
    }

    @Test
    void anUnreachableDatabaseIsAClearErrorWithoutTheQueryString() {
        AuroraLeadOutcomeSource source = new AuroraLeadOutcomeSource(
                "jdbc:postgresql://127.0.0.1:1/none?password=hunter2&connectTimeout=1", "postgres", "secret", null,
                ConversationFeatureSet.INSTANCE);
        assertThatThrownBy(source::load).hasMessageContaining("cannot read lead_outcomes from jdbc:postgresql://127.0.0.1:1/none?...")
                .message().doesNotContain("hunter2").doesNotContain("secret");
        assertThat(source.toString()).doesNotContain("hunter2");
        assertThatThrownBy(() -> new AuroraLeadOutcomeSource("postgres://x", null, null, null,
                ConversationFeatureSet.INSTANCE))
                .hasMessageContaining("jdbc-url: must start with jdbc:");
    }
}
