package com.jorge.platform.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jorge.platform.models.features.BankMarketingFeatureSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankMarketingSourceTest {

    private static final String HEADER = "age;job;marital;education;default;housing;loan;duration;campaign;pdays;previous;"
            + "emp.var.rate;cons.price.idx;cons.conf.idx;euribor3m;nr.employed;y";

    private static float feature(LeadOutcome lead, String name) {
        int index = BankMarketingFeatureSet.INSTANCE.featureNames().indexOf(name);
        assertThat(index).as(name).isNotNegative();
        return lead.features()[index];
    }

    @Test
    void readsTheBundledFile() {
        List<LeadOutcome> outcomes = BankData.outcomes();
        assertThat(outcomes).hasSize(32_815);
        assertThat(outcomes.stream().filter(LeadOutcome::converted).count()).isEqualTo(3_715);
        LeadOutcome first = outcomes.get(0);
        assertThat(feature(first, "age")).isEqualTo(56f);
        assertThat(feature(first, "job=housemaid")).isEqualTo(1f);
        assertThat(feature(first, "previously_contacted")).as("pdays 999").isZero();
        assertThat(feature(first, "days_since_previous_contact")).as("pdays 999").isNaN();
        assertThat(first.converted()).isFalse();
        assertThat(new BankMarketingSource(BankData.CSV).featureSet()).isSameAs(BankMarketingFeatureSet.INSTANCE);
    }

    @Test
    void durationNeverReachesTheAttributes(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("two.csv");
        Files.writeString(csv, HEADER + "\n"
                + "30;student;single;university.degree;no;no;no;4000;1;999;0;1.1;93.994;-36.4;4.857;5191;1\n"
                + "30;student;single;university.degree;no;no;no;5;1;999;0;1.1;93.994;-36.4;4.857;5191;0\n");
        List<LeadOutcome> outcomes = new BankMarketingSource(csv).load();
        // the rows differ only in duration and outcome: with duration dropped the encoded rows are equal
        assertThat(outcomes.get(0).features()).isEqualTo(outcomes.get(1).features());
        assertThat(outcomes.get(0).converted()).isTrue();
    }

    @Test
    void badRowsNameTheLineAndField(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, HEADER + "\n"
                + "30;student;single;university.degree;no;no;no;5;1;999;0;1.1;93.994;-36.4;4.857;5191;0\n"
                + "-4;student;single;university.degree;no;no;no;5;1;999;0;1.1;93.994;-36.4;4.857;5191;0\n");
        assertThatThrownBy(() -> new BankMarketingSource(csv).load()).hasMessageContaining("line 3: age:");

        Files.writeString(csv, HEADER + "\n30;student;single\n");
        assertThatThrownBy(() -> new BankMarketingSource(csv).load()).hasMessageContaining("line 2: 3 cells");

        Files.writeString(csv, HEADER + "\n"
                + "30;student;single;university.degree;no;no;no;5;1;999;0;1.1;93.994;-36.4;4.857;5191;maybe\n");
        assertThatThrownBy(() -> new BankMarketingSource(csv).load()).hasMessageContaining("line 2: y must be");

        Files.writeString(csv, "age;job\n30;student\n");
        assertThatThrownBy(() -> new BankMarketingSource(csv).load()).hasMessageContaining("no 'y' column");
    }
}
