package com.jorge.platform.storage;

import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.ConversationState;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.testkit.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaPartitioningTest {

    private static TestPostgres.Schema schema;
    private static Database database;

    @BeforeAll
    static void migrate() {
        schema = TestPostgres.migratedSchema("schema");
        database = Database.open(new Database.Settings(schema.jdbcUrl(), schema.user(), schema.password(), 2)).migrate();
    }

    @AfterAll
    static void drop() {
        database.close();
        schema.close();
    }

    @Test
    void largeTablesArePartitionedByLocationAndALocationQueryPrunesToOnePartition() throws Exception {
        MessageRepository messages = new MessageRepository();
        Transactor tx = new Transactor(database.dataSource());
        tx.inTransaction(c -> {
            for (int loc = 0; loc < 20; loc++) {
                for (int i = 0; i < 5; i++) {
                    messages.recordInbound(c, new LeadRef("loc" + loc, "contact" + i), "hello", "SMS", null, "w" + loc + i);
                }
            }
            return null;
        });
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("ANALYZE messages");
            List<String> plan = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(
                    "EXPLAIN SELECT * FROM messages WHERE location_id = 'loc7' AND contact_id = 'contact1'")) {
                while (rs.next()) plan.add(rs.getString(1));
            }
            String text = String.join("\n", plan);
            long partitionsScanned = plan.stream().filter(l -> l.matches(".*on messages_p\\d.*")).count();
            assertThat(partitionsScanned).as(text).isEqualTo(1);

            List<String> all = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("EXPLAIN SELECT * FROM messages WHERE contact_id = 'contact1'")) {
                while (rs.next()) all.add(rs.getString(1));
            }
            assertThat(all.stream().filter(l -> l.matches(".*on messages_p\\d.*")).count()).isEqualTo(8);

            try (ResultSet rs = st.executeQuery("""
                    SELECT count(*) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
                    WHERE p.relname IN ('contacts','conversations','messages','webhook_events','audit_log','lead_scores')
                      AND p.relnamespace = current_schema()::regnamespace""")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(6 * 8);
            }
        }
    }

    @Test
    void conversationStateRoundTripsAndStaleWritesAreRefused() {
        ConversationRepository repo = new ConversationRepository(PlatformJson.mapper());
        Transactor tx = new Transactor(database.dataSource());
        LeadRef lead = new LeadRef("locA", "leadA");
        ConversationState fresh = ConversationState.fresh(BotType.BUYER);
        ConversationState withFacts = fresh.withStage("ask:budget").withLanguage("es")
                .withFacts(Map.of("buyer.budget", "450000")).withTurns(2)
                .withTemperature(fresh.temperature(), List.of("budget known"));
        ConversationState v1 = tx.inTransaction(c -> repo.save(c, lead, withFacts));
        assertThat(v1.version()).isEqualTo(1);
        ConversationState read = tx.inTransaction(c -> repo.find(c, lead)).orElseThrow();
        assertThat(read.facts()).containsEntry("buyer.budget", "450000");
        assertThat(read.language()).isEqualTo("es");
        assertThat(read.version()).isEqualTo(1);

        tx.inTransaction(c -> repo.save(c, lead, read));
        // a second writer still holding version 1 loses, and nothing of its write is applied
        assertThatThrownBy(() -> tx.inTransaction(c -> repo.save(c, lead, read.withOptedOut())))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(tx.inTransaction(c -> repo.find(c, lead)).orElseThrow().optedOut()).isFalse();
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        MessageRepository messages = new MessageRepository();
        Transactor tx = new Transactor(database.dataSource());
        LeadRef lead = new LeadRef("locRollback", "c1");
        assertThatThrownBy(() -> tx.inTransaction(c -> {
            messages.recordInbound(c, lead, "first", "SMS", null, "w1");
            throw new IllegalStateException("boom after the first write");
        })).isInstanceOf(IllegalStateException.class);
        List<MessageRepository.StoredMessage> left = tx.inTransaction(c -> messages.history(c, lead));
        assertThat(left).isEmpty();
    }
}
