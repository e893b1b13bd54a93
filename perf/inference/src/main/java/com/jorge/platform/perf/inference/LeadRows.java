package com.jorge.platform.perf.inference;

import com.jorge.platform.models.features.LeadAttributes;
import com.jorge.platform.models.features.LeadFeatureEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Plausible leads from a seed, with unknowns, so every run scores the same rows. */
final class LeadRows {

    private static final String[] JOBS = {"admin.", "blue-collar", "technician", "management", "retired", "student"};
    private static final String[] MARITAL = {"married", "single", "divorced"};

    private LeadRows() {
    }

    static List<LeadAttributes> leads(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<LeadAttributes> leads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> m = new java.util.HashMap<>();
            m.put("age", 20 + r.nextInt(60));
            m.put("job", JOBS[r.nextInt(JOBS.length)]);
            m.put("marital", MARITAL[r.nextInt(MARITAL.length)]);
            m.put("campaign", 1 + r.nextInt(6));
            m.put("pdays", r.nextInt(4) == 0 ? r.nextInt(30) : 999);
            m.put("previous", r.nextInt(3));
            if (r.nextBoolean()) {
                m.put("euribor3m", 0.6 + r.nextDouble() * 4.4);
                m.put("emp.var.rate", -3.4 + r.nextDouble() * 4.8);
            }
            leads.add(LeadAttributes.fromMap(m));
        }
        return leads;
    }

    static float[] encoded(int n, long seed) {
        return LeadFeatureEncoder.encodeAll(leads(n, seed));
    }
}
