package com.jorge.platform.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.jorge.platform.models.features.BankMarketingFeatureSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetSplitTest {

    private static double rate(List<LeadOutcome> leads) {
        return leads.stream().filter(LeadOutcome::converted).count() / (double) leads.size();
    }

    @Test
    void partitionsEveryRowOnceAndKeepsTheConversionRate() {
        List<LeadOutcome> all = BankData.outcomes();
        DatasetSplit split = DatasetSplit.of(all, 42);
        Set<LeadOutcome> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (List<LeadOutcome> part : List.of(split.train(), split.validation(), split.test())) {
            for (LeadOutcome lead : part) {
                assertThat(seen.add(lead)).as("a row in two parts").isTrue();
            }
        }
        assertThat(seen).hasSize(all.size());
        assertThat(split.train().size() / (double) all.size()).isCloseTo(0.70, within(0.001));
        assertThat(split.test().size()).isCloseTo(split.validation().size(), within(2));
        for (List<LeadOutcome> part : List.of(split.train(), split.validation(), split.test())) {
            assertThat(rate(part)).isCloseTo(rate(all), within(0.002));
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        List<LeadOutcome> all = BankData.outcomes();
        assertThat(DatasetSplit.of(all, 42)).isEqualTo(DatasetSplit.of(all, 42));
        assertThat(DatasetSplit.of(all, 42).test()).isNotEqualTo(DatasetSplit.of(all, 43).test());
    }

    @Test
    void refusesTooFewOfAClass() {
        List<LeadOutcome> leads = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            leads.add(LeadOutcome.encode(BankMarketingFeatureSet.INSTANCE, Map.of("age", 40), i < 5));
        }
        assertThatThrownBy(() -> DatasetSplit.of(leads, 1))
                .hasMessageContaining("need at least 20 converted").hasMessageContaining("have 5 and 495");
    }
}
