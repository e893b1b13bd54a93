package com.jorge.platform.bi.coaching;

import com.jorge.platform.bi.BiReport;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Validates {@link SuccessModel} forward in time: for each of the last {@code heldOutMonths} calendar
 * months whose hand-offs' outcomes are all known (month end + window before now), the model is fitted on
 * what was known at the month's first instant and scored on the month's hand-offs: Brier score against
 * the location-rate baseline, log loss, and calibration (predicted vs observed, by tenths of probability,
 * pooled over the held-out months). The prior strength is fixed in advance, not tuned on these months.
 */
public final class ForwardValidation {

    private final Duration window;
    private final double priorStrength;
    private final int heldOutMonths;

    public ForwardValidation(Duration window, double priorStrength, int heldOutMonths) {
        this.window = window;
        this.priorStrength = priorStrength;
        this.heldOutMonths = heldOutMonths;
    }

    public BiReport.Validation validate(List<Handoff> history, ZoneId zone, Instant now) {
        TreeMap<YearMonth, List<Handoff>> byMonth = new TreeMap<>();
        for (Handoff h : history) {
            YearMonth month = YearMonth.from(h.handedOffAt().atZone(zone));
            if (!month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().plus(window).isAfter(now)) {
                byMonth.computeIfAbsent(month, k -> new ArrayList<>()).add(h);
            }
        }
        List<BiReport.MonthScore> months = new ArrayList<>();
        long[] binN = new long[10];
        double[] binPredicted = new double[10];
        long[] binWon = new long[10];
        for (YearMonth month : byMonth.descendingKeySet()) {
            if (months.size() == heldOutMonths) break;
            Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
            SuccessModel model = SuccessModel.fit(history, start, window, priorStrength);
            if (model == null) continue; // nothing known before this month to learn from
            double brier = 0;
            double baseline = 0;
            double logLoss = 0;
            List<Handoff> test = byMonth.get(month);
            for (Handoff h : test) {
                double p = model.predict(h.agentId());
                int y = h.wonWithin(window) ? 1 : 0;
                brier += (p - y) * (p - y);
                baseline += (model.overall() - y) * (model.overall() - y);
                double clipped = Math.min(1 - 1e-6, Math.max(1e-6, p));
                logLoss -= y * Math.log(clipped) + (1 - y) * Math.log(1 - clipped);
                int bin = Math.min(9, (int) (p * 10));
                binN[bin]++;
                binPredicted[bin] += p;
                binWon[bin] += y;
            }
            months.addFirst(new BiReport.MonthScore(month.toString(), test.size(), round(brier / test.size()),
                    round(baseline / test.size()), round(logLoss / test.size())));
        }
        List<BiReport.CalibrationBin> bins = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            if (binN[b] == 0) continue;
            bins.add(new BiReport.CalibrationBin(b / 10.0, (b + 1) / 10.0, binN[b], round(binPredicted[b] / binN[b]),
                    round((double) binWon[b] / binN[b])));
        }
        return new BiReport.Validation((int) window.toDays(), priorStrength, months, bins);
    }

    static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}
