package com.jorge.platform.bi.experiments;

import com.jorge.platform.bi.BiReport;
import com.jorge.platform.experiments.Experiment;
import com.jorge.platform.experiments.Experiments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Each configured experiment's results for one location: the leads whose first message falls in the
 * report's range and on or after the experiment's start (and of its bot, when it names one), split by
 * {@link Experiment#variantOf} (the bots' own assignment), and whether each converted by the metric
 * (from bi_lead_milestones). Every variant is compared with the control at alpha / (variants - 1). A
 * winner is called only once every variant reached the planned sample (a fixed horizon: looking early
 * does not stop the test); a split off the configured weights (chi-square p &lt; 0.001) is flagged.
 */
public final class ExperimentReader {

    /** A split this unlikely under the configured weights means the assignment or the logging is broken. */
    public static final double SRM_P = 0.001;

    private final Experiments experiments;

    public ExperimentReader(Experiments experiments) {
        this.experiments = experiments;
    }

    public List<BiReport.ExperimentResult> read(Connection c, String locationId, ZoneId zone, LocalDate from, LocalDate to)
            throws SQLException {
        List<BiReport.ExperimentResult> out = new ArrayList<>();
        for (Experiment e : experiments.all()) {
            LocalDate start = e.startsOn().isAfter(from) ? e.startsOn() : from;
            if (start.isAfter(to)) continue;
            out.add(result(e, counts(c, e, locationId, start.atStartOfDay(zone).toInstant(),
                    to.plusDays(1).atStartOfDay(zone).toInstant())));
        }
        return out;
    }

    /** Leads and conversions per variant, in the experiment's variant order. */
    private static long[][] counts(Connection c, Experiment e, String locationId, Instant start, Instant end)
            throws SQLException {
        List<Experiment.Variant> variants = e.variants();
        long[][] counts = new long[variants.size()][2];
        String converted = switch (e.metric()) {
            case "answered" -> "first_reply_at";
            case "qualified" -> "qualified_at";
            case "hot" -> "hot_at";
            case "handed_off" -> "handed_off_at";
            case "opted_out" -> "opted_out_at";
            default -> throw new IllegalStateException("metric " + e.metric());
        };
        try (PreparedStatement ps = c.prepareStatement("SELECT contact_id, " + converted + " IS NOT NULL"
                + " FROM bi_lead_milestones WHERE location_id = ? AND first_inbound_at >= ? AND first_inbound_at < ?"
                + " AND (?::text IS NULL OR bot_type = ?)")) {
            ps.setString(1, locationId);
            ps.setObject(2, start.atOffset(ZoneOffset.UTC));
            ps.setObject(3, end.atOffset(ZoneOffset.UTC));
            ps.setString(4, e.botType());
            ps.setString(5, e.botType());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] v = counts[variants.indexOf(e.variantOf(rs.getString(1)))];
                    v[0]++;
                    if (rs.getBoolean(2)) v[1]++;
                }
            }
        }
        return counts;
    }

    static BiReport.ExperimentResult result(Experiment e, long[][] counts) {
        List<Experiment.Variant> variants = e.variants();
        double alpha = e.alpha() / (variants.size() - 1);
        long[] leads = new long[variants.size()];
        int[] weights = new int[variants.size()];
        List<BiReport.VariantResult> arms = new ArrayList<>();
        boolean horizonReached = true;
        for (int i = 0; i < variants.size(); i++) {
            long n = counts[i][0];
            long x = counts[i][1];
            leads[i] = n;
            weights[i] = variants.get(i).weight();
            horizonReached &= n >= e.plannedSamplePerVariant();
            double[] ci = ProportionTest.wilson(x, n, e.alpha());
            BiReport.Comparison vsControl = null;
            if (i > 0) {
                double[] diff = ProportionTest.differenceInterval(counts[0][1], counts[0][0], x, n, alpha);
                vsControl = new BiReport.Comparison(diff == null ? null : round(diff[0]), diff == null ? null : round(diff[1]),
                        round(ProportionTest.pValue(counts[0][1], counts[0][0], x, n)));
            }
            arms.add(new BiReport.VariantResult(variants.get(i).name(), n, x, n == 0 ? null : round((double) x / n),
                    ci == null ? null : round(ci[0]), ci == null ? null : round(ci[1]), vsControl));
        }
        double srmP = ProportionTest.sampleRatioPValue(leads, weights);
        String decision;
        String winner = null;
        if (srmP < SRM_P) {
            decision = "sample_ratio_mismatch";
        } else if (!horizonReached) {
            decision = "collecting";
        } else {
            // the best variant that beats control at the corrected level, else control if a variant is significantly worse
            BiReport.VariantResult best = null;
            for (BiReport.VariantResult arm : arms.subList(1, arms.size())) {
                if (arm.vsControl().pValue() >= alpha) continue;
                if (best == null || better(e, arm.rate(), best.rate())) best = arm;
            }
            if (best == null) {
                decision = "no_difference";
            } else {
                decision = "significant";
                winner = better(e, best.rate(), arms.getFirst().rate()) ? best.variant() : arms.getFirst().variant();
            }
        }
        return new BiReport.ExperimentResult(e.name(), e.kind(), e.metric(), e.startsOn(), e.plannedSamplePerVariant(),
                e.alpha(), arms, round(srmP), decision, winner);
    }

    private static boolean better(Experiment e, double a, double b) {
        return e.lowerIsBetter() ? a < b : a > b;
    }

    private static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}
