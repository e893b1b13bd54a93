package com.jorge.platform.models.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadFeatureEncoderTest {

    private static Map<String, Object> bankRow() {
        // the first row of the bank-marketing file, duration dropped
        Map<String, Object> row = new HashMap<>();
        row.put("age", "56");
        row.put("job", "housemaid");
        row.put("marital", "married");
        row.put("education", "basic.4y");
        row.put("default", "no");
        row.put("housing", "no");
        row.put("loan", "no");
        row.put("campaign", "1");
        row.put("pdays", "999");
        row.put("previous", "0");
        row.put("emp.var.rate", "1.1");
        row.put("cons.price.idx", "93.994");
        row.put("cons.conf.idx", "-36.4");
        row.put("euribor3m", "4.857");
        row.put("nr.employed", "5191");
        return row;
    }

    private static float feature(float[] row, String name) {
        return row[LeadFeatureEncoder.FEATURE_NAMES.indexOf(name)];
    }

    @Test
    void layoutIsTheDocumentedOrder() {
        List<String> names = LeadFeatureEncoder.FEATURE_NAMES;
        assertThat(names).hasSize(LeadFeatureEncoder.FEATURE_COUNT).doesNotHaveDuplicates();
        assertThat(names.subList(0, 10)).containsExactly("age", "campaign", "previously_contacted",
                "days_since_previous_contact", "previous", "emp.var.rate", "cons.price.idx", "cons.conf.idx",
                "euribor3m", "nr.employed");
        assertThat(names.get(10)).isEqualTo("job=admin.");
        assertThat(names.get(42)).isEqualTo("loan=unknown");
    }

    @Test
    void encodesABankRow() {
        float[] row = LeadFeatureEncoder.encode(LeadAttributes.fromMap(bankRow()));
        assertThat(feature(row, "age")).isEqualTo(56f);
        assertThat(feature(row, "campaign")).isEqualTo(1f);
        assertThat(feature(row, "previously_contacted")).isZero();
        assertThat(feature(row, "days_since_previous_contact")).isNaN();
        assertThat(feature(row, "cons.conf.idx")).isEqualTo(-36.4f);
        assertThat(feature(row, "nr.employed")).isEqualTo(5191f);
        assertThat(feature(row, "job=housemaid")).isEqualTo(1f);
        assertThat(feature(row, "education=basic.4y")).isEqualTo(1f);
        // exactly one slot set in each of the six one-hot groups
        float oneHotSum = 0;
        for (int i = 10; i < row.length; i++) {
            assertThat(row[i]).isIn(0f, 1f);
            oneHotSum += row[i];
        }
        assertThat(oneHotSum).isEqualTo(6f);
    }

    @Test
    void previousContactIsAFlagPlusDays() {
        Map<String, Object> map = bankRow();
        map.put("pdays", 6);
        float[] row = LeadFeatureEncoder.encode(LeadAttributes.fromMap(map));
        assertThat(feature(row, "previously_contacted")).isEqualTo(1f);
        assertThat(feature(row, "days_since_previous_contact")).isEqualTo(6f);
    }

    @Test
    void unseenMissingAndBlankCategoriesAllMeanUnknown() {
        Map<String, Object> map = bankRow();
        map.put("job", "astronaut");
        map.remove("marital");
        map.put("education", "   ");
        map.put("loan", " YES ");
        float[] row = LeadFeatureEncoder.encode(LeadAttributes.fromMap(map));
        assertThat(feature(row, "job=unknown")).isEqualTo(1f);
        assertThat(feature(row, "job=housemaid")).isZero();
        assertThat(feature(row, "marital=unknown")).isEqualTo(1f);
        assertThat(feature(row, "education=unknown")).isEqualTo(1f);
        assertThat(feature(row, "loan=yes")).as("case and spaces are normalised").isEqualTo(1f);
    }

    @Test
    void missingNumbersAreNaN() {
        float[] row = LeadFeatureEncoder.encode(LeadAttributes.fromMap(Map.of("job", "student")));
        assertThat(feature(row, "age")).isNaN();
        assertThat(feature(row, "euribor3m")).isNaN();
        assertThat(feature(row, "job=student")).isEqualTo(1f);
        assertThat(feature(row, "housing=unknown")).isEqualTo(1f);
    }

    @Test
    void encodeIntoOverwritesEverySlotOfAReusedBuffer() {
        float[] buffer = new float[LeadFeatureEncoder.FEATURE_COUNT * 2];
        java.util.Arrays.fill(buffer, 7f);
        LeadAttributes lead = LeadAttributes.fromMap(bankRow());
        LeadFeatureEncoder.encodeInto(lead, buffer, LeadFeatureEncoder.FEATURE_COUNT);
        float[] alone = LeadFeatureEncoder.encode(lead);
        assertThat(java.util.Arrays.copyOfRange(buffer, LeadFeatureEncoder.FEATURE_COUNT, buffer.length))
                .containsExactly(alone);
        assertThat(buffer[0]).as("the other row is untouched").isEqualTo(7f);
        assertThatThrownBy(() -> LeadFeatureEncoder.encodeInto(lead, buffer, LeadFeatureEncoder.FEATURE_COUNT + 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void encodeAllIsRowMajor() {
        Map<String, Object> other = bankRow();
        other.put("age", 30);
        List<LeadAttributes> leads = List.of(LeadAttributes.fromMap(bankRow()), LeadAttributes.fromMap(other));
        float[] rows = LeadFeatureEncoder.encodeAll(leads);
        assertThat(rows).hasSize(2 * LeadFeatureEncoder.FEATURE_COUNT);
        assertThat(rows[0]).isEqualTo(56f);
        assertThat(rows[LeadFeatureEncoder.FEATURE_COUNT]).isEqualTo(30f);
    }

    @Test
    void mapRoundTrips() {
        LeadAttributes lead = LeadAttributes.fromMap(bankRow());
        assertThat(LeadAttributes.fromMap(lead.toMap())).isEqualTo(lead);
    }

    @Test
    void badInputNamesTheField() {
        assertRejected("age", "-3", "age", "between 0 and 120");
        assertRejected("age", 150, "age", "between 0 and 120");
        assertRejected("age", "forty", "age", "must be a number");
        assertRejected("age", 40.5, "age", "whole number");
        assertRejected("campaign", -1, "campaign", "between 0");
        assertRejected("pdays", 1000, "pdays", "between 0 and 998");
        assertRejected("euribor3m", "NaN", "euribor3m", "finite");
        assertRejected("nr.employed", Double.POSITIVE_INFINITY, "nr.employed", "finite");
        assertRejected("job", 42, "job", "must be text");
        assertRejected("job", "x".repeat(65), "job", "longer than 64");
        assertRejected("emp.var.rate", List.of(1), "emp.var.rate", "must be a number");
        assertRejected("Age", 40, "Age", "unknown attribute");
        assertThatThrownBy(() -> LeadAttributes.fromMap(null))
                .isInstanceOfSatisfying(InvalidLeadAttributeException.class,
                        e -> assertThat(e.field()).isEqualTo("attributes"));
        assertThatThrownBy(() -> LeadFeatureEncoder.encode(null))
                .isInstanceOf(InvalidLeadAttributeException.class);
    }

    private static void assertRejected(String key, Object value, String field, String message) {
        Map<String, Object> map = bankRow();
        map.put(key, value);
        assertThatThrownBy(() -> LeadAttributes.fromMap(map))
                .isInstanceOfSatisfying(InvalidLeadAttributeException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(field + ": ").contains(message);
                });
    }
}
