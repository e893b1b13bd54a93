package com.jorge.platform.models.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationFeatureSetTest {

    private static final ConversationFeatureSet SET = ConversationFeatureSet.INSTANCE;

    private static float feature(float[] row, String name) {
        int index = SET.featureNames().indexOf(name);
        assertThat(index).as("feature " + name).isNotNegative();
        return row[index];
    }

    @Test
    void aQualifiedBuyerFillsItsSlots() {
        float[] row = SET.encode(Map.of(
                "side", "buyer", "timeline_months", 2, "pre_approval", "yes", "budget_max", "450000",
                "named_area", true, "wants_showing", "true", "qualification_known", 4));

        assertThat(row).hasSize(SET.featureCount());
        assertThat(feature(row, "side=buyer")).isEqualTo(1f);
        assertThat(feature(row, "side=seller")).isZero();
        assertThat(feature(row, "timeline_months")).isEqualTo(2f);
        assertThat(feature(row, "pre_approval=yes")).isEqualTo(1f);
        assertThat(feature(row, "budget_max")).isEqualTo(450_000f);
        assertThat(feature(row, "named_area")).isEqualTo(1f);
        assertThat(feature(row, "wants_showing")).isEqualTo(1f);
        assertThat(feature(row, "has_agent")).as("a signal never said is off, not unknown").isZero();
        assertThat(feature(row, "price_expectation")).as("a number never given is unknown").isNaN();
        assertThat(feature(row, "motivation=unknown")).isEqualTo(1f);
    }

    @Test
    void eachCategoryHasExactlyOneSlotSet() {
        float[] row = SET.encode(Map.of("motivation", " Divorce ", "condition", "haunted"));
        for (String group : new String[]{"side", "motivation", "pre_approval", "property_type", "condition",
                "already_listed", "owes_mortgage", "home_to_sell", "first_time_buyer"}) {
            double ones = SET.featureNames().stream().filter(n -> n.startsWith(group + "="))
                    .mapToDouble(n -> feature(row, n)).sum();
            assertThat(ones).as(group).isEqualTo(1.0);
        }
        assertThat(feature(row, "motivation=divorce")).as("case and spaces are normalised").isEqualTo(1f);
        assertThat(feature(row, "condition=unknown")).as("a value outside the vocabulary").isEqualTo(1f);
    }

    @Test
    void blankAndAbsentMeanUnknown() {
        assertThat(SET.encode(Map.of("timeline_months", " ", "side", ""))).isEqualTo(SET.encode(Map.of()));
    }

    @Test
    void badValuesAreRejectedNamingTheAttribute() {
        assertRejected(Map.of("timeline_months", -1), "timeline_months", "between 0 and 600");
        assertRejected(Map.of("budget_max", "lots"), "budget_max", "must be a number");
        assertRejected(Map.of("budget_max", Double.POSITIVE_INFINITY), "budget_max", "between");
        assertRejected(Map.of("wants_call", "maybe"), "wants_call", "true or false");
        assertRejected(Map.of("wants_call", 2), "wants_call", "true or false");
        assertRejected(Map.of("side", 7), "side", "must be text");
        assertRejected(Map.of("side", "s".repeat(65)), "side", "longer than 64");
        assertRejected(Map.of("age", 40), "age", "unknown attribute");
    }

    @Test
    void aRejectedLeadLeavesTheTargetRowUntouched() {
        float[] rows = new float[SET.featureCount() * 2];
        Arrays.fill(rows, 7f);
        Map<String, Object> bad = new HashMap<>();
        bad.put("side", "seller");
        bad.put("angry", "sometimes"); // the last attribute in row order: everything before it validated
        assertThatThrownBy(() -> SET.encodeInto(bad, rows, SET.featureCount()))
                .isInstanceOf(InvalidLeadAttributeException.class);
        float[] untouched = new float[rows.length];
        Arrays.fill(untouched, 7f);
        assertThat(rows).isEqualTo(untouched);
    }

    @Test
    void featureSetsAreFoundByTheVersionAModelRecords() {
        assertThat(FeatureSet.forVersion("conversation-features/1")).isSameAs(SET);
        assertThat(FeatureSet.forVersion(LeadFeatureEncoder.VERSION)).isSameAs(BankMarketingFeatureSet.INSTANCE);
        assertThatThrownBy(() -> FeatureSet.forVersion("conversation-features/0"))
                .hasMessageContaining("unknown feature set").hasMessageContaining("conversation-features/1");
        assertThat(FeatureSet.mismatch(SET.version(), SET.featureNames())).isNull();
        assertThat(FeatureSet.mismatch(SET.version(), SET.featureNames().subList(1, SET.featureCount())))
                .contains("feature names differ");
    }

    @Test
    void theBankSetEncodesLikeItsEncoder() {
        Map<String, Object> lead = Map.of("age", "41", "job", "technician", "pdays", "999", "campaign", 2);
        assertThat(BankMarketingFeatureSet.INSTANCE.encode(lead))
                .isEqualTo(LeadFeatureEncoder.encode(LeadAttributes.fromMap(lead)));
        assertThat(BankMarketingFeatureSet.INSTANCE.featureCount()).isEqualTo(LeadFeatureEncoder.FEATURE_COUNT);
    }

    private static void assertRejected(Map<String, ?> attributes, String field, String problem) {
        assertThatThrownBy(() -> SET.encode(attributes))
                .isInstanceOfSatisfying(InvalidLeadAttributeException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(problem);
    }
}
