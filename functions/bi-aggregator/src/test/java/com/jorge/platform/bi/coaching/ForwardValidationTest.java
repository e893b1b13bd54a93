package com.jorge.platform.bi.coaching;

import com.jorge.platform.bi.BiReport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model on ten months of synthetic hand-offs (a fixed seed): three agents who truly win 10 %, 30 % and
 * 60 % of their hand-offs within 60 days. Scored only on the two held-out months, after the fact.
 */
class ForwardValidationTest {

    static final Duration WINDOW = Duration.ofDays(60);
    static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

    static List<Handoff> history(long seed, double[] rates) {
        Random random = new Random(seed);
        List<Handoff> out = new ArrayList<>();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        while (t.isBefore(NOW)) {
            int agent = random.nextInt(rates.length);
            boolean won = random.nextDouble() < rates[agent];
            Instant wonAt = won ? t.plus(Duration.ofDays(1 + random.nextInt(59))) : null;
            out.add(new Handoff("c-" + out.size(), t, "agent-" + agent, t.plusSeconds(120), t.plusSeconds(600), null, wonAt));
            t = t.plus(Duration.ofHours(3));
        }
        return out;
    }

    @Test
    void theModelBeatsTheLocationRateOnHeldOutMonthsAndIsCalibrated() {
        BiReport.Validation v = new ForwardValidation(WINDOW, 10, 2)
                .validate(history(42, new double[] {0.1, 0.3, 0.6}), ZoneOffset.UTC, NOW);
        // outcomes of September are known on 30 November (Sept 30 + 60 d), October's are not
        assertThat(v.heldOutMonths()).extracting(BiReport.MonthScore::month).containsExactly("2026-08", "2026-09");
        for (BiReport.MonthScore m : v.heldOutMonths()) {
            assertThat(m.handoffs()).isEqualTo(m.month().equals("2026-08") ? 248 : 240);
            assertThat(m.brier()).as(m.month()).isLessThan(m.baselineBrier() - 0.02);
        }
        for (BiReport.CalibrationBin bin : v.calibration()) {
            if (bin.handoffs() >= 100) assertThat(Math.abs(bin.observedRate() - bin.meanPredicted())).as("bin " + bin.from()).isLessThan(0.08);
        }
        assertThat(v.calibration().stream().mapToLong(BiReport.CalibrationBin::handoffs).sum()).isEqualTo(488);
    }

    @Test
    void agentsWhoDoNotDifferGiveNoEdgeAndNoLeak() {
        // everyone wins 30 %: the model can only match the baseline, never beat it by knowing the future
        BiReport.Validation v = new ForwardValidation(WINDOW, 10, 2)
                .validate(history(7, new double[] {0.3, 0.3, 0.3}), ZoneOffset.UTC, NOW);
        for (BiReport.MonthScore m : v.heldOutMonths()) {
            assertThat(m.brier()).isGreaterThan(m.baselineBrier() - 0.005);
        }
    }

    @Test
    void aModelIsOnlyTrainedOnOutcomesKnownAtTheTime() {
        Instant asOf = Instant.parse("2026-05-01T00:00:00Z");
        Handoff settledLoss = new Handoff("a", Instant.parse("2026-02-01T00:00:00Z"), "agent-x", null, null, null, null);
        Handoff wonEarly = new Handoff("b", Instant.parse("2026-04-20T00:00:00Z"), "agent-x", null, null, null,
                Instant.parse("2026-04-25T00:00:00Z"));
        Handoff openYet = new Handoff("c", Instant.parse("2026-04-10T00:00:00Z"), "agent-x", null, null, null,
                Instant.parse("2026-05-20T00:00:00Z")); // won, but after asOf: unknown then
        SuccessModel model = SuccessModel.fit(List.of(settledLoss, wonEarly, openYet), asOf, WINDOW, 10);
        assertThat(model.overall()).isEqualTo(0.5);               // a and b only
        assertThat(model.predict("agent-x")).isEqualTo(0.5);      // (1 + 10 x 0.5) / (2 + 10)
        assertThat(model.predict("new-agent")).isEqualTo(0.5);    // the location's rate
    }
}
