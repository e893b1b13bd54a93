package com.jorge.platform.models.features;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The raw attributes of one lead, as the lead-score model knows them (the bank-marketing schema, the
 * stand-in until the platform has its own outcomes). Every field may be null, meaning "not known";
 * a record that exists is valid: the constructor rejects impossible values naming the field.
 *
 * <p>The attribute keys ({@link #KEYS}) are the dataset's column names; the CSV source, the
 * {@code lead_outcomes.attributes} jsonb column and the inference clients all use them.
 *
 * @param age                      years, 0..120
 * @param job                      e.g. "admin.", "technician"; free text, unseen values count as "unknown"
 * @param marital                  "married", "single", "divorced"
 * @param education                e.g. "university.degree", "high.school"
 * @param creditDefault            has credit in default: "yes", "no"
 * @param housingLoan              has a housing loan: "yes", "no"
 * @param personalLoan             has a personal loan: "yes", "no"
 * @param campaignContacts         contacts during this campaign, including the last one, >= 0
 * @param daysSincePreviousContact days since the lead was last contacted in an earlier campaign, 0..998;
 *                                 null when never contacted before (the dataset's 999)
 * @param previousContacts         contacts before this campaign, >= 0
 * @param employmentVariationRate  quarterly employment variation rate (macro context)
 * @param consumerPriceIndex       monthly consumer price index
 * @param consumerConfidenceIndex  monthly consumer confidence index
 * @param euribor3m                daily 3-month Euribor rate
 * @param employees                quarterly number of employees (thousands)
 */
public record LeadAttributes(
        Integer age,
        String job,
        String marital,
        String education,
        String creditDefault,
        String housingLoan,
        String personalLoan,
        Integer campaignContacts,
        Integer daysSincePreviousContact,
        Integer previousContacts,
        Double employmentVariationRate,
        Double consumerPriceIndex,
        Double consumerConfidenceIndex,
        Double euribor3m,
        Double employees) {

    /** The dataset's marker for "not contacted in an earlier campaign" in the {@code pdays} column. */
    public static final int NEVER_CONTACTED_PDAYS = 999;
    /** Longer category strings are rejected rather than silently bucketed: they are not lead data. */
    public static final int MAX_CATEGORY_LENGTH = 64;

    public static final String AGE = "age";
    public static final String JOB = "job";
    public static final String MARITAL = "marital";
    public static final String EDUCATION = "education";
    public static final String DEFAULT = "default";
    public static final String HOUSING = "housing";
    public static final String LOAN = "loan";
    public static final String CAMPAIGN = "campaign";
    public static final String PDAYS = "pdays";
    public static final String PREVIOUS = "previous";
    public static final String EMP_VAR_RATE = "emp.var.rate";
    public static final String CONS_PRICE_IDX = "cons.price.idx";
    public static final String CONS_CONF_IDX = "cons.conf.idx";
    public static final String EURIBOR_3M = "euribor3m";
    public static final String NR_EMPLOYED = "nr.employed";

    /** Every attribute key {@link #fromMap} accepts, in the dataset's column order. */
    public static final Set<String> KEYS = Set.of(AGE, JOB, MARITAL, EDUCATION, DEFAULT, HOUSING, LOAN,
            CAMPAIGN, PDAYS, PREVIOUS, EMP_VAR_RATE, CONS_PRICE_IDX, CONS_CONF_IDX, EURIBOR_3M, NR_EMPLOYED);

    public LeadAttributes {
        requireRange(AGE, age, 0, 120);
        requireRange(CAMPAIGN, campaignContacts, 0, 10_000);
        requireRange(PDAYS, daysSincePreviousContact, 0, NEVER_CONTACTED_PDAYS - 1);
        requireRange(PREVIOUS, previousContacts, 0, 10_000);
        requireFinite(EMP_VAR_RATE, employmentVariationRate);
        requireFinite(CONS_PRICE_IDX, consumerPriceIndex);
        requireFinite(CONS_CONF_IDX, consumerConfidenceIndex);
        requireFinite(EURIBOR_3M, euribor3m);
        requireFinite(NR_EMPLOYED, employees);
        job = category(JOB, job);
        marital = category(MARITAL, marital);
        education = category(EDUCATION, education);
        creditDefault = category(DEFAULT, creditDefault);
        housingLoan = category(HOUSING, housingLoan);
        personalLoan = category(LOAN, personalLoan);
    }

    /**
     * Parses attributes keyed by {@link #KEYS}; values may be numbers or strings (CSV cells, JSON).
     * Absent keys, nulls and blank strings mean "not known"; {@code pdays} 999 means never contacted.
     * Unknown keys and unparseable values are rejected naming the key, so a typo never silently
     * becomes a missing value.
     */
    public static LeadAttributes fromMap(Map<String, ?> attributes) {
        if (attributes == null) {
            throw new InvalidLeadAttributeException("attributes", "must not be null");
        }
        for (String key : attributes.keySet()) {
            if (!KEYS.contains(key)) {
                throw new InvalidLeadAttributeException(String.valueOf(key), "unknown attribute; expected one of "
                        + KEYS.stream().sorted().toList());
            }
        }
        Integer pdays = integer(attributes, PDAYS);
        return new LeadAttributes(
                integer(attributes, AGE),
                text(attributes, JOB),
                text(attributes, MARITAL),
                text(attributes, EDUCATION),
                text(attributes, DEFAULT),
                text(attributes, HOUSING),
                text(attributes, LOAN),
                integer(attributes, CAMPAIGN),
                pdays != null && pdays == NEVER_CONTACTED_PDAYS ? null : pdays,
                integer(attributes, PREVIOUS),
                decimal(attributes, EMP_VAR_RATE),
                decimal(attributes, CONS_PRICE_IDX),
                decimal(attributes, CONS_CONF_IDX),
                decimal(attributes, EURIBOR_3M),
                decimal(attributes, NR_EMPLOYED));
    }

    /** The inverse of {@link #fromMap}: known values only, {@code pdays} 999 when never contacted. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfKnown(map, AGE, age);
        putIfKnown(map, JOB, job);
        putIfKnown(map, MARITAL, marital);
        putIfKnown(map, EDUCATION, education);
        putIfKnown(map, DEFAULT, creditDefault);
        putIfKnown(map, HOUSING, housingLoan);
        putIfKnown(map, LOAN, personalLoan);
        putIfKnown(map, CAMPAIGN, campaignContacts);
        map.put(PDAYS, daysSincePreviousContact == null ? NEVER_CONTACTED_PDAYS : daysSincePreviousContact);
        putIfKnown(map, PREVIOUS, previousContacts);
        putIfKnown(map, EMP_VAR_RATE, employmentVariationRate);
        putIfKnown(map, CONS_PRICE_IDX, consumerPriceIndex);
        putIfKnown(map, CONS_CONF_IDX, consumerConfidenceIndex);
        putIfKnown(map, EURIBOR_3M, euribor3m);
        putIfKnown(map, NR_EMPLOYED, employees);
        return map;
    }

    private static void putIfKnown(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static void requireRange(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new InvalidLeadAttributeException(field, "must be between " + min + " and " + max + ", was " + value);
        }
    }

    private static void requireFinite(String field, Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw new InvalidLeadAttributeException(field, "must be a finite number, was " + value);
        }
    }

    private static String category(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_CATEGORY_LENGTH) {
            throw new InvalidLeadAttributeException(field, "longer than " + MAX_CATEGORY_LENGTH + " characters");
        }
        String normalized = value.strip().toLowerCase(java.util.Locale.ROOT);
        return normalized.isEmpty() ? null : normalized;
    }

    private static Object raw(Map<String, ?> attributes, String key) {
        Object value = attributes.get(key);
        if (value instanceof String s && s.isBlank()) {
            return null;
        }
        return value;
    }

    private static String text(Map<String, ?> attributes, String key) {
        return switch (raw(attributes, key)) {
            case null -> null;
            case String s -> s;
            case Object other -> throw new InvalidLeadAttributeException(key,
                    "must be text, was " + other.getClass().getSimpleName());
        };
    }

    private static Integer integer(Map<String, ?> attributes, String key) {
        Double value = decimal(attributes, key);
        if (value == null) {
            return null;
        }
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new InvalidLeadAttributeException(key, "must be a whole number, was " + value);
        }
        return value.intValue();
    }

    private static Double decimal(Map<String, ?> attributes, String key) {
        return switch (raw(attributes, key)) {
            case null -> null;
            case Number n -> requireFiniteValue(key, n.doubleValue());
            case String s -> {
                try {
                    yield requireFiniteValue(key, Double.parseDouble(s.strip()));
                } catch (NumberFormatException e) {
                    throw new InvalidLeadAttributeException(key, "must be a number, was '" + abbreviate(s) + "'");
                }
            }
            case Object other -> throw new InvalidLeadAttributeException(key,
                    "must be a number, was " + other.getClass().getSimpleName());
        };
    }

    private static double requireFiniteValue(String key, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidLeadAttributeException(key, "must be a finite number, was " + value);
        }
        return value;
    }

    private static String abbreviate(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32) + "...";
    }
}
