package com.jorge.platform.alerts.evaluation;

import com.jorge.platform.alerts.forecast.Assessment;
import com.jorge.platform.alerts.forecast.DetectorSettings;
import com.jorge.platform.alerts.forecast.MetricAssessor;
import com.jorge.platform.alerts.forecast.MetricSeries;
import com.jorge.platform.alerts.rules.BreachCondition;
import com.jorge.platform.alerts.rules.Direction;
import com.jorge.platform.alerts.state.AlertLifecycle;
import com.jorge.platform.alerts.state.Transition;
import org.apache.commons.statistics.descriptive.Quantile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What NAB cannot show: whether the forecaster warns 15 to 30 minutes before a gradual degradation crosses
 * its threshold. Synthetic one-minute series (seeded, so the numbers repeat), a latency-like metric at
 * 1,000 with Gaussian noise: incidents ramp to the 3,000 threshold over 20 to 120 minutes; controls never
 * cross it but carry what fools naive detectors (single spikes to 2.8x, level shifts of +40 %, slow drifts).
 * The production settings, one evaluation a minute. Synthetic: it measures the method, not the platform's
 * real metrics.
 */
public final class SyntheticRamps {

    static final int MINUTES = 6 * 60;
    static final double LEVEL = 1000, THRESHOLD = 3000;
    static final int HORIZON = 30;

    public static void main(String[] args) {
        int each = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        run(each, new Random(20261122L), DetectorSettings.defaults());
    }

    static void run(int each, Random random, DetectorSettings settings) {
        MetricAssessor assessor = new MetricAssessor(settings);
        BreachCondition condition = new BreachCondition(THRESHOLD, Direction.ABOVE, HORIZON);
        int alerts = 0, correct = 0, warned = 0, warned15 = 0, controlAlerts = 0;
        List<Double> leads = new ArrayList<>();
        for (int k = 0; k < 2 * each; k++) {
            boolean incident = k < each;
            double noise = LEVEL * (0.05 + 0.10 * random.nextDouble());
            double[] v = new double[MINUTES];
            int onset = 120 + random.nextInt(120);
            int rampMinutes = 20 + random.nextInt(101);
            int kind = random.nextInt(3);
            for (int m = 0; m < MINUTES; m++) {
                double x = LEVEL + noise * random.nextGaussian();
                if (incident && m >= onset) x += (THRESHOLD - LEVEL) * (m - onset) / rampMinutes;
                if (!incident && kind == 0 && random.nextDouble() < 0.01) x = LEVEL * 2.8;           // lone spikes
                if (!incident && kind == 1 && m >= onset) x += 0.4 * LEVEL;                          // a level shift
                if (!incident && kind == 2 && m >= onset) x += 0.5 * LEVEL * (m - onset) / 240.0;    // a slow drift
                v[m] = x;
            }
            int crossing = incident ? onset + rampMinutes : -1;
            MetricSeries all = MetricSeries.evenlySpaced(Instant.parse("2026-11-22T00:00:00Z").plusSeconds(60L * MINUTES), 60, v);
            AlertLifecycle life = new AlertLifecycle(Duration.ofMinutes(60));
            int lookback = settings.lookbackPoints();
            boolean first = true;
            for (int m = 0; m < MINUTES; m++) {
                Assessment a = assessor.assess(all.range(Math.max(0, m + 1 - lookback), m + 1), condition);
                if (life.next(a.evidence(), Instant.ofEpochSecond(all.epochSeconds()[m])) != Transition.FIRE) continue;
                alerts++;
                if (!incident) {
                    controlAlerts++;
                    continue;
                }
                // right when the ramp really crosses within the horizon (or already has)
                if (m >= onset && m <= crossing + 5 && crossing - m <= HORIZON) correct++;
                if (first && m >= onset) {
                    double lead = crossing - m;
                    leads.add(lead);
                    if (lead > 0) warned++;
                    if (lead >= 15) warned15++;
                    first = false;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n== synthetic ramps (one-minute series, horizon %d min, %s)%n", HORIZON, settings);
        System.out.printf(Locale.ROOT, "%d incidents ramping to the threshold over 20-120 min, %d controls (spikes, level shifts, slow drifts) that never cross%n", each, each);
        System.out.printf(Locale.ROOT, "alerts %d, right %d: precision %.1f %% (control alerts %d)%n", alerts, correct,
                alerts == 0 ? Double.NaN : 100.0 * correct / alerts, controlAlerts);
        if (!leads.isEmpty()) {
            double[] q = Quantile.withDefaults().evaluate(leads.stream().mapToDouble(Double::doubleValue).toArray(), 0.1, 0.25, 0.5, 0.75, 0.9);
            System.out.printf(Locale.ROOT, "incidents alerted %d/%d; warned before the crossing %d, >= 15 min before %d (%.1f %%)%n",
                    leads.size(), each, warned, warned15, 100.0 * warned15 / each);
            System.out.printf(Locale.ROOT, "lead before the crossing, minutes: p10 %.0f, p25 %.0f, median %.0f, p75 %.0f, p90 %.0f%n", q[0], q[1], q[2], q[3], q[4]);
        }
    }
}
