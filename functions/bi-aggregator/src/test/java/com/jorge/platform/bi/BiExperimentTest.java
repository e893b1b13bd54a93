package com.jorge.platform.bi;

import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.conversation.BotType;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.experiments.Experiment;
import com.jorge.platform.experiments.Experiments;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Experiment results read from the rollups of seeded leads, split the way the bots split them. */
class BiExperimentTest extends BiStoreTest {

    static final String LOC = "loc-exp";
    static final String CONFIG = """
            [{"name": "seller-opener", "kind": "bot_script", "metric": "qualified", "plannedSamplePerVariant": %d,
              "startsOn": "2026-04-05", "botType": "seller",
              "variants": [{"name": "control", "weight": 1}, {"name": "short", "weight": 1}]}]""";


    @Test
    void leadsAreCountedInTheirVariantAndNoWinnerIsCalledEarly() {
        BiTestRig rig = new BiTestRig(store, Instant.parse("2026-04-12T18:00:00Z"),
                BiTestRig.env("EXPERIMENTS", CONFIG.formatted(1000)));
        rig.location(LOC, "UTC");
        Experiment opener = Experiments.fromConfig(PlatformConfig.of(Map.of("EXPERIMENTS", CONFIG.formatted(1000))))
                .named("seller-opener").orElseThrow();
        long[][] expected = new long[2][2];
        for (int i = 0; i < 30; i++) {
            boolean before = i < 5;  // first texted before the experiment started
            boolean buyer = i >= 25;  // another bot: not in the experiment
            Instant at = Instant.parse(before ? "2026-04-03T10:00:00Z" : "2026-04-10T10:00:00Z").plusSeconds(60L * i);
            LeadRef lead = rig.lead(LOC, "c-" + i, buyer ? BotType.BUYER : BotType.SELLER, at);
            String wh = rig.inbound(lead, "SMS", at);
            rig.botReply(lead, wh, at, at.plusSeconds(1), null);
            boolean qualified = i % 3 == 0;
            if (qualified) rig.botTurn(lead, "qualifying", "WARM", at.plusSeconds(1));
            if (!before && !buyer) {
                long[] arm = expected[opener.variantOf("c-" + i).name().equals("control") ? 0 : 1];
                arm[0]++;
                if (qualified) arm[1]++;
            }
        }
        assertThat(rig.aggregator.run().failures()).isEmpty();

        BiReport.ExperimentResult r = rig.reports.report(LOC, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 12))
                .experiments().getFirst();
        assertThat(r.name()).isEqualTo("seller-opener");
        assertThat(r.variants()).extracting(BiReport.VariantResult::leads).containsExactly(expected[0][0], expected[1][0]);
        assertThat(r.variants()).extracting(BiReport.VariantResult::conversions).containsExactly(expected[0][1], expected[1][1]);
        assertThat(expected[0][0] + expected[1][0]).isEqualTo(20);
        assertThat(r.decision()).isEqualTo("collecting");
        assertThat(r.winner()).isNull();
        assertThat(r.variants().get(1).vsControl()).isNotNull();
    }
}
