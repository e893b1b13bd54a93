package com.jorge.platform.experiments;

import com.jorge.platform.config.PlatformConfig;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExperimentTest {

    static Experiment opener(int controlWeight, int shortWeight) {
        return new Experiment("seller-opener", "bot_script", "qualified",
                List.of(new Experiment.Variant("control", controlWeight), new Experiment.Variant("short", shortWeight)),
                400, 0.05, LocalDate.of(2026, 4, 1), "seller");
    }

    /**
     * The assignment must never change between releases (it would move live leads to another variant): these
     * were computed outside Java, with Python's hashlib (SHA-256 of "seller-opener/<contact>", first 8 bytes).
     */
    @Test
    void assignmentIsAStableHashOfExperimentAndContact() {
        Experiment even = opener(50, 50);
        assertThat(List.of("c-1", "c-2", "c-3", "c-42", "contact-abc").stream().map(c -> even.variantOf(c).name()))
                .containsExactly("control", "control", "short", "short", "short");
        Experiment threeToOne = opener(3, 1);
        assertThat(List.of("c-1", "c-2", "c-3", "c-42", "contact-abc").stream().map(c -> threeToOne.variantOf(c).name()))
                .containsExactly("control", "short", "control", "control", "short");
    }

    @Test
    void weightsSplitManyContactsInProportion() {
        Experiment threeToOne = opener(3, 1);
        long control = java.util.stream.IntStream.range(0, 20_000)
                .filter(i -> threeToOne.variantOf("contact-" + i).name().equals("control")).count();
        assertThat(control).isBetween(14_700L, 15_300L); // 15,000 expected, sd 61
    }

    @Test
    void configurationIsReadAndBadEntriesNameTheirField() {
        Experiments read = Experiments.fromConfig(PlatformConfig.of(Map.of("EXPERIMENTS", """
                [{"name": "seller-opener", "kind": "bot_script", "metric": "qualified", "plannedSamplePerVariant": 400,
                  "startsOn": "2026-04-01", "botType": "SELLER",
                  "variants": [{"name": "control", "weight": 50}, {"name": "short", "weight": 50}]}]""")));
        assertThat(read.named("seller-opener")).contains(opener(50, 50));
        assertThat(Experiments.fromConfig(PlatformConfig.of(Map.of())).all()).isEmpty();

        assertThatThrownBy(() -> Experiments.fromConfig(PlatformConfig.of(Map.of("EXPERIMENTS", "{}"))))
                .hasMessageContaining("EXPERIMENTS");
        assertThatThrownBy(() -> Experiments.fromConfig(PlatformConfig.of(Map.of("EXPERIMENTS", """
                [{"name": "x", "kind": "bot_script", "metric": "revenue", "plannedSamplePerVariant": 4, "startsOn": "2026-04-01",
                  "variants": [{"name": "a", "weight": 1}, {"name": "b", "weight": 1}]}]"""))))
                .hasMessageContaining("EXPERIMENTS").hasMessageContaining("experiment 'x'").hasMessageContaining("metric");
        assertThatThrownBy(() -> Experiments.fromConfig(PlatformConfig.of(Map.of("EXPERIMENTS", """
                [{"name": "x", "kind": "template", "metric": "hot", "plannedSamplePerVariant": 4, "startsOn": "2026-04-01",
                  "variants": [{"name": "a", "weight": 1}]}]"""))))
                .hasMessageContaining("two variants");
    }
}
