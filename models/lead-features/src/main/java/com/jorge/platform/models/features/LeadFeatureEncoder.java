package com.jorge.platform.models.features;

import java.util.ArrayList;
import java.util.List;

/**
 * The one encoder from {@link LeadAttributes} to the lead-score model's input row. The trainer, the
 * inference tier and the in-process fallback all call this class, so the features a model was trained
 * on are the features it is served; {@link #VERSION} goes into each model's metadata and a server
 * refuses a model whose feature names differ from {@link #FEATURE_NAMES}.
 *
 * <p>Row layout ({@value #FEATURE_COUNT} float32 values), in this order:
 * <ol>
 *   <li>10 numeric: {@code age, campaign, previously_contacted (0/1), days_since_previous_contact,
 *       previous, emp.var.rate, cons.price.idx, cons.conf.idx, euribor3m, nr.employed}. Unknown
 *       values are NaN, which the trees send down the branch XGBoost learned for missing values;
 *       {@code days_since_previous_contact} is NaN when the lead was never contacted before.</li>
 *   <li>one-hot groups, one slot per category in the order of the arrays below: job (12), marital (4),
 *       education (8), default (3), housing (3), loan (3). A null or blank value, and a value outside
 *       the vocabulary, sets the group's {@code unknown} slot: the dataset uses "unknown" for values
 *       the bank did not know, the same meaning.</li>
 * </ol>
 * No scaling: trees are invariant to it, and a linear baseline standardises for itself.
 */
public final class LeadFeatureEncoder {

    /** Bumped whenever the row layout or an encoding rule changes; recorded in model metadata. */
    public static final String VERSION = "lead-features/1";

    static final String UNKNOWN = "unknown";
    static final List<String> JOBS = List.of("admin.", "blue-collar", "entrepreneur", "housemaid", "management",
            "retired", "self-employed", "services", "student", "technician", "unemployed", UNKNOWN);
    static final List<String> MARITAL_STATUSES = List.of("divorced", "married", "single", UNKNOWN);
    static final List<String> EDUCATIONS = List.of("basic.4y", "basic.6y", "basic.9y", "high.school", "illiterate",
            "professional.course", "university.degree", UNKNOWN);
    static final List<String> YES_NO = List.of("no", "yes", UNKNOWN);

    private static final List<String> NUMERIC = List.of("age", "campaign", "previously_contacted",
            "days_since_previous_contact", "previous", "emp.var.rate", "cons.price.idx", "cons.conf.idx",
            "euribor3m", "nr.employed");

    /** Feature names in row order, e.g. {@code age}, ..., {@code job=admin.}, ..., {@code loan=unknown}. */
    public static final List<String> FEATURE_NAMES = featureNames();
    public static final int FEATURE_COUNT = 43;

    private static final int JOB_OFFSET = NUMERIC.size();
    private static final int MARITAL_OFFSET = JOB_OFFSET + JOBS.size();
    private static final int EDUCATION_OFFSET = MARITAL_OFFSET + MARITAL_STATUSES.size();
    private static final int DEFAULT_OFFSET = EDUCATION_OFFSET + EDUCATIONS.size();
    private static final int HOUSING_OFFSET = DEFAULT_OFFSET + YES_NO.size();
    private static final int LOAN_OFFSET = HOUSING_OFFSET + YES_NO.size();

    static {
        if (FEATURE_NAMES.size() != FEATURE_COUNT || LOAN_OFFSET + YES_NO.size() != FEATURE_COUNT) {
            throw new ExceptionInInitializerError("feature layout does not add up to " + FEATURE_COUNT);
        }
    }

    private LeadFeatureEncoder() {
    }

    /** A new row for one lead. */
    public static float[] encode(LeadAttributes lead) {
        float[] row = new float[FEATURE_COUNT];
        encodeInto(lead, row, 0);
        return row;
    }

    /** Rows for many leads, row-major, ready for a {@code [n, FEATURE_COUNT]} tensor. */
    public static float[] encodeAll(List<LeadAttributes> leads) {
        float[] rows = new float[leads.size() * FEATURE_COUNT];
        for (int i = 0; i < leads.size(); i++) {
            encodeInto(leads.get(i), rows, i * FEATURE_COUNT);
        }
        return rows;
    }

    /** Writes one row at {@code offset}, overwriting all {@value #FEATURE_COUNT} slots; allocates nothing. */
    public static void encodeInto(LeadAttributes lead, float[] rows, int offset) {
        if (lead == null) {
            throw new InvalidLeadAttributeException("attributes", "must not be null");
        }
        if (offset < 0 || offset + FEATURE_COUNT > rows.length) {
            throw new IndexOutOfBoundsException("row at " + offset + " does not fit in " + rows.length + " floats");
        }
        java.util.Arrays.fill(rows, offset + JOB_OFFSET, offset + FEATURE_COUNT, 0f);
        rows[offset] = number(lead.age());
        rows[offset + 1] = number(lead.campaignContacts());
        rows[offset + 2] = lead.daysSincePreviousContact() == null ? 0f : 1f;
        rows[offset + 3] = number(lead.daysSincePreviousContact());
        rows[offset + 4] = number(lead.previousContacts());
        rows[offset + 5] = number(lead.employmentVariationRate());
        rows[offset + 6] = number(lead.consumerPriceIndex());
        rows[offset + 7] = number(lead.consumerConfidenceIndex());
        rows[offset + 8] = number(lead.euribor3m());
        rows[offset + 9] = number(lead.employees());
        rows[offset + JOB_OFFSET + slot(JOBS, lead.job())] = 1f;
        rows[offset + MARITAL_OFFSET + slot(MARITAL_STATUSES, lead.marital())] = 1f;
        rows[offset + EDUCATION_OFFSET + slot(EDUCATIONS, lead.education())] = 1f;
        rows[offset + DEFAULT_OFFSET + slot(YES_NO, lead.creditDefault())] = 1f;
        rows[offset + HOUSING_OFFSET + slot(YES_NO, lead.housingLoan())] = 1f;
        rows[offset + LOAN_OFFSET + slot(YES_NO, lead.personalLoan())] = 1f;
    }

    private static float number(Number value) {
        return value == null ? Float.NaN : value.floatValue();
    }

    /** LeadAttributes has already lower-cased and stripped the value; unseen and missing share "unknown". */
    private static int slot(List<String> vocabulary, String value) {
        int index = value == null ? -1 : vocabulary.indexOf(value);
        return index >= 0 ? index : vocabulary.size() - 1;
    }

    private static List<String> featureNames() {
        List<String> names = new ArrayList<>(NUMERIC);
        JOBS.forEach(v -> names.add("job=" + v));
        MARITAL_STATUSES.forEach(v -> names.add("marital=" + v));
        EDUCATIONS.forEach(v -> names.add("education=" + v));
        YES_NO.forEach(v -> names.add("default=" + v));
        YES_NO.forEach(v -> names.add("housing=" + v));
        YES_NO.forEach(v -> names.add("loan=" + v));
        return List.copyOf(names);
    }
}
