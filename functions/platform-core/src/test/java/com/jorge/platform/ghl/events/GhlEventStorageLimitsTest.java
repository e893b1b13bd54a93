package com.jorge.platform.ghl.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.json.PlatformJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** Issue 11, finding 2 and 3: what the worker cannot store is refused by the parser, naming the field. */
class GhlEventStorageLimitsTest {

    private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");
    /** Free text the platform stores as given (ids, dates and the type have their own alphabet). */
    private static final Set<String> FREE_TEXT = Set.of("body", "contentType", "direction", "messageType", "status",
            "source", "firstName", "lastName", "name", "phone", "email", "timezone", "tags[0]", "tags[1]",
            "pipelineStageId", "appointment.appointmentStatus", "appointment.title", "appointment.address");
    private final GhlEventParser parser = new GhlEventParser(PlatformJson.mapper());

    @Test
    void everyStringFieldOfEveryEventTypeRefusesNulAndUnpairedSurrogates() {
        Random random = new Random(11);
        List<String> poisons = List.of("\u0000", "\uD83C", "\uDFE0", "\uDFE0\uD83C"); // NUL, lone high, lone low, reversed
        int checked = 0;
        for (ObjectNode sample : GhlEventSamples.all(T)) {
            assertThat(parser.parse(sample.toString())).isInstanceOf(ParsedWebhook.Known.class);
            List<String[]> strings = new ArrayList<>();
            GhlEventSamples.forEachString(sample, "", (path, value) -> strings.add(new String[] {path, value}));
            for (String[] field : strings) {
                for (String poison : poisons) {
                    String value = field[1];
                    int at = random.nextInt(value.length() + 1);
                    String poisoned = value.substring(0, at) + poison + value.substring(at);
                    String body = GhlEventSamples.withString(sample, field[0], poisoned).toString();
                    assertThatThrownBy(() -> parser.parse(body))
                            .as("%s in %s of %s", escape(poison), field[0], sample.path("type").asText())
                            .isInstanceOfSatisfying(InvalidWebhookException.class, e -> {
                                assertThat(e.field()).isEqualTo(field[0]);
                                assertThat(e.getMessage()).startsWith(field[0] + " ").doesNotContain(poison);
                                if (value.length() > 3) assertThat(e.getMessage()).doesNotContain(value);
                            });
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(300);
    }

    @Test
    void freeTextFieldsKeepAnyValidUnicode() {
        Random random = new Random(7);
        for (ObjectNode sample : GhlEventSamples.all(T)) {
            List<String> paths = new ArrayList<>();
            GhlEventSamples.forEachString(sample, "", (path, value) -> { if (FREE_TEXT.contains(path)) paths.add(path); });
            for (String path : paths) {
                for (int round = 0; round < 20; round++) {
                    String text = randomValidText(random);
                    String body = GhlEventSamples.withString(sample, path, text).toString();
                    try {
                        assertThat(parser.parse(body)).isInstanceOf(ParsedWebhook.Known.class);
                    } catch (InvalidWebhookException e) {
                        fail("%s refused valid text in %s: %s", sample.path("type").asText(), path, e.getMessage());
                    }
                }
            }
        }
    }

    @Test
    void fieldsTheParserDoesNotReadAreCheckedTooBecauseTheWholeBodyIsStored() {
        ObjectNode body = GhlEventSamples.all(T).get(0);
        body.putObject("customData").putArray("notes").add("ok").add("bad\u0000");
        assertField(body.toString(), "customData.notes[1]");
        ObjectNode key = GhlEventSamples.all(T).get(0);
        key.putObject("customData").put("we\u0000ird", "x");
        assertThatThrownBy(() -> parser.parse(key.toString())).isInstanceOfSatisfying(InvalidWebhookException.class, e -> {
            assertThat(e.field()).isEqualTo("customData");
            assertThat(e.getMessage()).contains("field name").doesNotContain("\u0000");
        });
        ObjectNode odd = GhlEventSamples.all(T).get(0);
        odd.putObject("custom data").put("x", "\uD800");
        assertField(odd.toString(), "$['custom data'].x");
    }

    @Test
    void monetaryValueMustFitNumeric14Comma2() {
        assertThat(money("999999999999.99")).isEqualByComparingTo("999999999999.99");
        assertThat(money("999999999999.994")).isEqualByComparingTo("999999999999.99");
        assertThat(money("0.1")).isEqualByComparingTo("0.10");
        assertThat(money("1e-300")).isEqualByComparingTo("0"); // PostgreSQL stores 0.00 too
        for (String tooBig : List.of("1000000000000", "1e12", "999999999999.995", "1e308", "12345678901234567890")) {
            assertField(opportunity(tooBig), "monetaryValue");
        }
    }

    @ParameterizedTest // finding 3: 1e309 used to escape the parser as an unchecked NumberFormatException
    @ValueSource(strings = {"1e309", "-1e309", "1E+400", "1e99999", "1e-99999", "1e999999999", "1e9999999999",
            "-1e9999999999"})
    void numbersBeyondADoubleAreRefusedNamingTheField(String number) {
        assertThatThrownBy(() -> parser.parse(opportunity(number)))
                .isInstanceOfSatisfying(InvalidWebhookException.class, e -> {
                    assertThat(e.field()).isIn("monetaryValue", "$");
                    assertThat(e.getMessage()).doesNotContain("Infinite", "NumberFormat", "BigDecimal");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "+1", ".5", "01"})
    void nonStandardNumbersAreNotJson(String number) {
        assertField(opportunity(number), "$");
    }

    @Test
    void anyNumberInTheBodyMustFitPostgresNumericBecauseThePayloadIsJsonb() {
        String base = GhlEventSamples.all(T).get(0).toString();
        String ok = base.substring(0, base.length() - 1) + ",\"x\":1e-16383,\"y\":1e131071}";
        assertThat(parser.parse(ok)).isInstanceOf(ParsedWebhook.Known.class);
        for (String bad : List.of("1e-16384", "1.00e-16382", "1e131072")) {
            assertField(base.substring(0, base.length() - 1) + ",\"extra\":{\"n\":[1," + bad + "]}}", "extra.n[1]");
        }
    }

    @Test
    void datesMustRoundTripThroughTimestampAndTimestamptz() {
        assertThat(appointment("1583-01-01T00:00:00Z").endTime()).isEqualTo(StorageLimits.EARLIEST);
        assertThat(appointment("9999-12-31T23:59:59.999999Z").endTime()).isEqualTo(StorageLimits.LATEST);
        for (String bad : List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
                "1582-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z")) {
            ObjectNode appt = GhlWebhooks.envelope("AppointmentCreate", "loc1", T);
            appt.putObject("appointment").put("id", "a1").put("contactId", "c1").put("startTime", T.toString())
                    .put("endTime", bad);
            assertField(appt.toString(), "appointment.endTime");
        }
        ObjectNode inbound = GhlEventSamples.all(T).get(0).put("dateAdded", "-999999999-01-01T00:00:00Z");
        assertField(inbound.toString(), "dateAdded");
        assertField(GhlEventSamples.all(T).get(0).put("timestamp", "+999999999-01-01T00:00:00Z").toString(), "timestamp");
    }

    @Test
    void contentAfterTheDocumentIsRefusedBecauseJsonbWouldRefuseIt() {
        assertThatThrownBy(() -> parser.parse(GhlEventSamples.all(T).get(0) + " {}"))
                .isInstanceOfSatisfying(InvalidWebhookException.class, e -> {
                    assertThat(e.field()).isEqualTo("$");
                    assertThat(e.getMessage()).contains("content after the JSON document", "line 1");
                });
        assertField(GhlEventSamples.all(T).get(0) + " x", "$");
        assertField(GhlEventSamples.all(T).get(0) + "\n[1]", "$");
    }

    @Test
    void syntaxErrorsAreDescribedInOurWordsWithoutTheJsonLibrarysNamesOrTheInput() {
        String valid = GhlEventSamples.all(T).get(0).toString();
        List<String> broken = List.of(
                valid.substring(0, valid.length() - 10),                        // truncated
                "[".repeat(1_001) + "]".repeat(1_001),                          // deeper than the parser reads
                "{\"type\":\"InboundMessage\",\"n\":" + "9".repeat(1_001) + "}", // longer number than it reads
                "{\"type\":\"InboundMessage\",\"secret-token\":NaN}",
                "{\"type\":\"InboundMessage\",\"body\":\"a\\x\"}",             // bad escape
                "{\"type\":\"InboundMessage\" \"secret-token\"}",
                "{\"secret-token\":1}}",
                "{'type':'x'}",
                "",
                "   ",
                "nul");
        for (String body : broken) {
            assertThatThrownBy(() -> parser.parse(body)).as(body.length() > 60 ? body.substring(0, 60) : body)
                    .isInstanceOfSatisfying(InvalidWebhookException.class, e -> {
                        assertThat(e.field()).isEqualTo("$");
                        assertThat(e.getMessage()).startsWith("body ")
                                .doesNotContainIgnoringCase("jackson").doesNotContain("com.fasterxml", "StreamRead",
                                        "JsonToken", "Feature", "`", "Source", "REDACTED", "(code ", "secret-token",
                                        "Exception", "Infinite");
                    });
        }
    }

    private BigDecimal money(String number) {
        return ((GhlEvent.OpportunityChanged) ((ParsedWebhook.Known) parser.parse(opportunity(number))).event()).monetaryValue();
    }

    private static String opportunity(String number) {
        String body = GhlWebhooks.envelope("OpportunityMonetaryValueUpdate", "loc1", T).put("id", "o1")
                .put("contactId", "c1").put("monetaryValue", 0).toString();
        return body.replace("\"monetaryValue\":0", "\"monetaryValue\":" + number);
    }

    private GhlEvent.AppointmentCreated appointment(String endTime) {
        ObjectNode appt = GhlWebhooks.envelope("AppointmentCreate", "loc1", T);
        appt.putObject("appointment").put("id", "a1").put("contactId", "c1").put("endTime", endTime);
        return (GhlEvent.AppointmentCreated) ((ParsedWebhook.Known) parser.parse(appt.toString())).event();
    }

    private void assertField(String body, String field) {
        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOfSatisfying(InvalidWebhookException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    /** Letters of several scripts, emoji (surrogate pairs), U+FFFF, controls other than NUL, up to 40 code points. */
    private static String randomValidText(Random random) {
        int[] pool = {'a', 'Z', ' ', 'ñ', 'á', '¿', '\t', '\n', 0x01, 0x7f, 0x4E2D, 0x0627, 0xFFFD, 0xFFFF, 0xFEFF,
                0x1F3E0, 0x1F600, 0x10FFFF, 0xE000, '"', '\\'};
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(40);
        for (int i = 0; i < n; i++) sb.appendCodePoint(pool[random.nextInt(pool.length)]);
        return sb.toString();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(String.format("\\u%04x", c)));
        return sb.toString();
    }
}
