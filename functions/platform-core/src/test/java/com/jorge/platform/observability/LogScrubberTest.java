package com.jorge.platform.observability;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.jorge.platform.testkit.TestPostgres;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The platform's JSON log line (classpath:JorgeLogLayout.json, as every function configures it) for
 * real exceptions that echo personal data: PostgreSQL constraint violations on a real row, a failed
 * batch, bad input to a cast, and Jackson reading a body full of PII.
 */
class LogScrubberTest {

    private static final String PHONE = "+15125550123";
    private static final String EMAIL = "maria.lopez@example.com";
    private static final String NAME = "Maria Lopez";
    private static final String TEXT = "my gate code is 4417, come by after six";
    private static final List<String> PII = List.of(PHONE, "5125550123", "555-0123", EMAIL, "maria.lopez", NAME, "Lopez", "gate code", "4417");

    private static TestPostgres.Schema schema;
    private static final ObjectMapper json = new ObjectMapper();
    private static final JsonTemplateLayout layout = JsonTemplateLayout.newBuilder()
            .setConfiguration(new DefaultConfiguration())
            .setEventTemplateUri("classpath:JorgeLogLayout.json")
            .build();

    @BeforeAll
    static void createTable() throws SQLException {
        schema = TestPostgres.newSchema("log-scrubber");
        try (Connection c = schema.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE leads (id serial PRIMARY KEY, phone text UNIQUE, email text, name text NOT NULL, "
                    + "body text CHECK (length(body) < 20))");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO leads (phone, email, name, body) VALUES (?, ?, ?, ?)")) {
                p.setString(1, PHONE);
                p.setString(2, EMAIL);
                p.setString(3, NAME);
                p.setString(4, "hi");
                p.executeUpdate();
            }
        }
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    private static JsonNode logLine(Throwable thrown, String message, Object... params) throws Exception {
        LogEvent event = Log4jLogEvent.newBuilder().setLoggerName("com.jorge.platform.test").setLevel(Level.ERROR)
                .setMessage(new ParameterizedMessage(message, params)).setThrown(thrown).build();
        String line = layout.toSerializable(event);
        assertThat(line.strip()).as("one line").doesNotContain("\n");
        for (String pii : PII) {
            assertThat(line).as("log line must not carry " + pii).doesNotContainIgnoringCase(pii);
        }
        return json.readTree(line);
    }

    private static PSQLException violate(String sql, String... values) {
        Throwable thrown = catchThrowable(() -> {
            try (Connection c = schema.connect(); PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    p.setString(i + 1, values[i]);
                }
                p.executeUpdate();
            }
        });
        assertThat(thrown).isInstanceOf(PSQLException.class);
        return (PSQLException) thrown;
    }

    @Test
    void aUniqueViolationOnARealRowKeepsTheTypeSqlStateAndColumnButNotTheValues() throws Exception {
        PSQLException e = violate("INSERT INTO leads (phone, email, name, body) VALUES (?, ?, ?, ?)", PHONE, EMAIL, NAME, "hello");
        assertThat(e.getMessage()).as("the driver really echoes the phone").contains(PHONE);
        JsonNode line = logLine(new IllegalStateException("storing the lead failed", e), "event {} failed", "wh-1");
        assertThat(line.path("error").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(line.path("sqlState").asText()).isEqualTo("23505");
        assertThat(line.path("stackTrace").asText())
                .contains("Caused by: org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint \"leads_phone_key\"")
                .contains("Key (phone)=(" + LogScrubber.REMOVED + ")")
                .contains("\tat ");
        assertThat(line.path("message").asText()).isEqualTo("event wh-1 failed");
    }

    @Test
    void aCheckViolationsFailingRowIsRemoved() throws Exception {
        PSQLException e = violate("INSERT INTO leads (phone, email, name, body) VALUES (?, ?, ?, ?)", "+15125550999", EMAIL, NAME, TEXT);
        assertThat(e.getMessage()).as("the driver really echoes the row").contains("Failing row contains").contains(NAME);
        JsonNode line = logLine(e, "insert failed");
        assertThat(line.path("error").asText()).isEqualTo("org.postgresql.util.PSQLException");
        assertThat(line.path("sqlState").asText()).isEqualTo("23514");
        assertThat(line.path("errorMessage").asText()).contains("violates check constraint \"leads_body_check\"").contains("Detail: " + LogScrubber.REMOVED);
    }

    @Test
    void badInputToACastAndAFailedBatchAreRemoved() throws Exception {
        PSQLException cast = violate("UPDATE leads SET id = ?::int WHERE false", NAME);
        assertThat(cast.getMessage()).contains(NAME);
        assertThat(logLine(cast, "update failed").path("sqlState").asText()).isEqualTo("22P02");

        SQLException batch = (SQLException) catchThrowable(() -> {
            try (Connection c = schema.connect(); PreparedStatement p = c.prepareStatement(
                    "INSERT INTO leads (phone, email, name, body) VALUES (?, ?, ?, ?)")) {
                p.setString(1, PHONE);
                p.setString(2, EMAIL);
                p.setString(3, NAME);
                p.setString(4, "x");
                p.addBatch();
                p.executeBatch();
            }
        });
        assertThat(batch.getMessage()).as("pgjdbc prints the batch entry with its values").contains("Batch entry 0").contains(EMAIL);
        JsonNode line = logLine(batch, "batch failed");
        assertThat(line.path("sqlState").asText()).isEqualTo("23505");
        assertThat(line.path("stackTrace").asText()).contains("Batch entry 0 " + LogScrubber.REMOVED + " was aborted");
    }

    @Test
    void jacksonQuotingABodyFullOfPiiIsRemoved() throws Exception {
        // the worst case: a mapper that includes the source in its locations
        ObjectMapper echoing = JsonMapper.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
        String body = "{\"name\":\"" + NAME + "\",\"phone\":\"" + PHONE + "\",\"email\":\"" + EMAIL + "\",\"body\":\"" + TEXT + "\",\"x\": Lopez}";
        Throwable parse = catchThrowable(() -> echoing.readTree(body));
        assertThat(parse).isInstanceOf(JsonParseException.class).hasMessageContaining(EMAIL);
        JsonNode line = logLine(parse, "webhook body unreadable");
        assertThat(line.path("error").asText()).isEqualTo(JsonParseException.class.getName());
        assertThat(line.path("errorMessage").asText()).contains("Unrecognized token '" + LogScrubber.REMOVED + "'");
        assertThat(line.has("sqlState")).isFalse();

        record Lead(int age) {}
        Throwable mismatch = catchThrowable(() -> echoing.readValue("{\"age\":\"" + NAME + " " + PHONE + "\"}", Lead.class));
        assertThat(mismatch).hasMessageContaining(NAME);
        logLine(mismatch, "bad lead");
    }

    @Test
    void theMessageItselfIsScrubbedAndALineWithoutAnExceptionHasNoErrorFields() throws Exception {
        JsonNode line = logLine(null, "lead {} wrote from {} and (512) 555-0123", "c-1", EMAIL);
        assertThat(line.path("message").asText()).isEqualTo("lead c-1 wrote from <email> and ***123");
        assertThat(line.has("error")).isFalse();
        assertThat(line.has("stackTrace")).isFalse();
        assertThat(line.has("sqlState")).isFalse();
    }

    @Test
    void idsAndTimesAreNotTakenForPhoneNumbers() {
        String ids = "webhook 123e4567-e89b-12d3-a456-426614174000 at 2026-12-05T02:10:34Z status 503 after 1500 ms";
        assertThat(LogScrubber.scrub(ids)).isEqualTo(ids);
        assertThat(LogScrubber.scrub("call 512.555.0123 or +44 20 7946 0958")).isEqualTo("call ***123 or ***958");
    }

    @Test
    void scrubbingIsLinearOnHostileText() {
        List<String> hostile = List.of("9".repeat(1_000_000), "a@".repeat(500_000), "Detail: " + "(".repeat(1_000_000),
                "ERROR: " + ": \"".repeat(300_000), "Batch entry 1 ".repeat(70_000), "[Source: ".repeat(100_000), "1-".repeat(500_000),
                "ERROR: ".repeat(150_000), "String value ('".repeat(70_000), "token '".repeat(150_000), "from String \"".repeat(80_000));
        for (String text : hostile) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> LogScrubber.scrub(text));
        }
    }

    @Test
    void aResolverFieldTheLayoutDoesNotKnowIsAClearError() {
        assertThatThrownBy(() -> JsonTemplateLayout.newBuilder().setConfiguration(new DefaultConfiguration())
                .setEventTemplate("{\"x\": {\"$resolver\": \"scrubbed\", \"field\": \"body\"}}").build())
                .hasStackTraceContaining("unknown field body");
    }
}
