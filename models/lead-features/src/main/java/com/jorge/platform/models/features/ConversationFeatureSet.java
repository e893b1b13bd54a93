package com.jorge.platform.models.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the Jorge bots learn about a lead in an SMS conversation, as a model row. The worker records
 * these attributes with each decided outcome ({@code lead_outcomes}, {@code feature_set} =
 * {@value #VERSION}) and the bots score a live conversation with the same attributes, so a model
 * trained on the platform's own outcomes is served the features it learned from.
 *
 * <p>Three kinds of attribute, in this row order:
 * <ul>
 *   <li>numbers ({@link #NUMBERS}): the value, or NaN when not known (the trees learned a branch for
 *       missing values);</li>
 *   <li>categories ({@link #CATEGORIES}): one slot per value plus {@code unknown}, which also takes a
 *       value outside the vocabulary (the understanding may learn new values before a retrain);</li>
 *   <li>flags ({@link #FLAGS}): 1 when the lead said it or gave it, else 0. A flag is never "unknown":
 *       a lead who never asked for a call did not ask for one.</li>
 * </ul>
 * No scaling: trees are invariant to it and the linear baseline standardises for itself.
 */
public final class ConversationFeatureSet implements FeatureSet {

    public static final String VERSION = "conversation-features/1";
    public static final ConversationFeatureSet INSTANCE = new ConversationFeatureSet();

    public static final String SIDE = "side";
    public static final String TIMELINE_MONTHS = "timeline_months";
    public static final String MOTIVATION = "motivation";
    public static final String PRE_APPROVAL = "pre_approval";
    public static final String BUDGET_MAX = "budget_max";
    public static final String PRICE_EXPECTATION = "price_expectation";
    public static final String BEDROOMS = "bedrooms";
    public static final String PROPERTY_TYPE = "property_type";
    public static final String CONDITION = "condition";
    public static final String ALREADY_LISTED = "already_listed";
    public static final String OWES_MORTGAGE = "owes_mortgage";
    public static final String HOME_TO_SELL = "home_to_sell";
    public static final String FIRST_TIME_BUYER = "first_time_buyer";
    public static final String QUALIFICATION_KNOWN = "qualification_known";
    public static final String UNANSWERED_FOLLOW_UPS = "unanswered_follow_ups";
    public static final String GAVE_ADDRESS = "gave_address";
    public static final String NAMED_AREA = "named_area";
    public static final String GAVE_EMAIL = "gave_email";
    public static final String WANTS_CALL = "wants_call";
    public static final String WANTS_SHOWING = "wants_showing";
    public static final String ASKS_HOME_VALUE = "asks_home_value";
    public static final String JUST_LOOKING = "just_looking";
    public static final String HAS_AGENT = "has_agent";
    public static final String PRICE_TOO_HIGH = "price_too_high";
    public static final String NOT_NOW = "not_now";
    public static final String NOT_INTERESTED = "not_interested";
    public static final String ANGRY = "angry";

    static final String UNKNOWN = "unknown";
    private static final double MAX_DOLLARS = 1e9;

    /** Numbers with their allowed range; a value outside it is rejected, not clipped. */
    static final List<Numeric> NUMBERS = List.of(
            new Numeric(TIMELINE_MONTHS, 0, 600),
            new Numeric(BUDGET_MAX, 0, MAX_DOLLARS),
            new Numeric(PRICE_EXPECTATION, 0, MAX_DOLLARS),
            new Numeric(BEDROOMS, 0, 50),
            new Numeric(QUALIFICATION_KNOWN, 0, 100),
            new Numeric(UNANSWERED_FOLLOW_UPS, 0, 100));

    /** The understanding's normalised values (lead-understanding's SlotName), plus {@code unknown}. */
    static final List<Category> CATEGORIES = List.of(
            new Category(SIDE, "seller", "buyer"),
            new Category(MOTIVATION, "relocating", "downsizing", "divorce", "inherited", "financial", "upgrading",
                    "retiring", "tired_landlord"),
            new Category(PRE_APPROVAL, "yes", "no", "in_progress"),
            new Category(PROPERTY_TYPE, "single_family", "condo", "townhouse", "multi_family", "land", "manufactured"),
            new Category(CONDITION, "good", "fair", "poor"),
            new Category(ALREADY_LISTED, "yes", "no", "expired"),
            new Category(OWES_MORTGAGE, "yes", "no"),
            new Category(HOME_TO_SELL, "yes", "no"),
            new Category(FIRST_TIME_BUYER, "yes", "no"));

    static final List<Flag> FLAGS = List.of(GAVE_ADDRESS, NAMED_AREA, GAVE_EMAIL, WANTS_CALL, WANTS_SHOWING,
            ASKS_HOME_VALUE, JUST_LOOKING, HAS_AGENT, PRICE_TOO_HIGH, NOT_NOW, NOT_INTERESTED, ANGRY)
            .stream().map(Flag::new).toList();

    private static final List<Attribute> ATTRIBUTES = concat();
    private static final Map<String, Attribute> BY_KEY = index();
    private static final List<String> FEATURE_NAMES = ATTRIBUTES.stream().flatMap(a -> a.names().stream()).toList();
    private static final Set<String> KEYS = Set.copyOf(BY_KEY.keySet());

    private ConversationFeatureSet() {
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public List<String> featureNames() {
        return FEATURE_NAMES;
    }

    @Override
    public Set<String> attributeKeys() {
        return KEYS;
    }

    @Override
    public void encodeInto(Map<String, ?> attributes, float[] rows, int offset) {
        if (attributes == null) {
            throw new InvalidLeadAttributeException("attributes", "must not be null");
        }
        if (offset < 0 || offset + FEATURE_NAMES.size() > rows.length) {
            throw new IndexOutOfBoundsException("row at " + offset + " does not fit in " + rows.length + " floats");
        }
        for (Object key : attributes.keySet()) {
            if (!BY_KEY.containsKey(key)) {
                throw new InvalidLeadAttributeException(String.valueOf(key), "unknown attribute; expected one of "
                        + KEYS.stream().sorted().toList());
            }
        }
        // validate everything before writing anything, so a rejected lead never leaves half a row behind
        float[] row = new float[FEATURE_NAMES.size()];
        int at = 0;
        for (Attribute attribute : ATTRIBUTES) {
            attribute.write(blankAsAbsent(attributes.get(attribute.key())), row, at);
            at += attribute.names().size();
        }
        System.arraycopy(row, 0, rows, offset, row.length);
    }

    @Override
    public String toString() {
        return VERSION;
    }

    private static Object blankAsAbsent(Object value) {
        return value instanceof String s && s.isBlank() ? null : value;
    }

    /** One raw attribute and the slots it fills. */
    sealed interface Attribute permits Numeric, Category, Flag {
        String key();

        List<String> names();

        void write(Object value, float[] row, int at);
    }

    record Numeric(String key, double min, double max) implements Attribute {
        @Override
        public List<String> names() {
            return List.of(key);
        }

        @Override
        public void write(Object value, float[] row, int at) {
            double x = switch (value) {
                case null -> Double.NaN;
                case Number n -> n.doubleValue();
                case String s -> parse(s);
                default -> throw new InvalidLeadAttributeException(key,
                        "must be a number, was " + value.getClass().getSimpleName());
            };
            if (!Double.isNaN(x) && !(x >= min && x <= max)) {
                throw new InvalidLeadAttributeException(key, "must be between " + plain(min) + " and " + plain(max)
                        + ", was " + x);
            }
            row[at] = (float) x;
        }

        private double parse(String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                throw new InvalidLeadAttributeException(key, "must be a number, was '" + abbreviate(s) + "'");
            }
        }
    }

    record Category(String key, List<String> values) implements Attribute {
        Category(String key, String... values) {
            this(key, List.copyOf(new LinkedHashSet<>(Arrays.asList(values))));
        }

        @Override
        public List<String> names() {
            List<String> names = new ArrayList<>();
            values.forEach(v -> names.add(key + "=" + v));
            names.add(key + "=" + UNKNOWN);
            return names;
        }

        @Override
        public void write(Object value, float[] row, int at) {
            String text = switch (value) {
                case null -> null;
                case String s -> s;
                default -> throw new InvalidLeadAttributeException(key,
                        "must be text, was " + value.getClass().getSimpleName());
            };
            if (text != null && text.length() > LeadAttributes.MAX_CATEGORY_LENGTH) {
                throw new InvalidLeadAttributeException(key, "longer than " + LeadAttributes.MAX_CATEGORY_LENGTH
                        + " characters");
            }
            int slot = text == null ? -1 : values.indexOf(text.strip().toLowerCase(Locale.ROOT));
            Arrays.fill(row, at, at + values.size() + 1, 0f);
            row[at + (slot >= 0 ? slot : values.size())] = 1f;
        }
    }

    record Flag(String key) implements Attribute {
        @Override
        public List<String> names() {
            return List.of(key);
        }

        @Override
        public void write(Object value, float[] row, int at) {
            boolean on = switch (value) {
                case null -> false;
                case Boolean b -> b;
                case Number n when n.doubleValue() == 0 || n.doubleValue() == 1 -> n.doubleValue() == 1;
                case String s when s.strip().equalsIgnoreCase("true") -> true;
                case String s when s.strip().equalsIgnoreCase("false") -> false;
                default -> throw new InvalidLeadAttributeException(key, "must be true or false (or 1 or 0), was '"
                        + abbreviate(String.valueOf(value)) + "'");
            };
            row[at] = on ? 1f : 0f;
        }
    }

    private static List<Attribute> concat() {
        List<Attribute> all = new ArrayList<>(NUMBERS);
        all.addAll(CATEGORIES);
        all.addAll(FLAGS);
        return List.copyOf(all);
    }

    private static Map<String, Attribute> index() {
        Map<String, Attribute> byKey = new java.util.LinkedHashMap<>();
        for (Attribute attribute : ATTRIBUTES) {
            if (byKey.put(attribute.key(), attribute) != null) {
                throw new ExceptionInInitializerError("attribute " + attribute.key() + " defined twice");
            }
        }
        return byKey;
    }

    private static String plain(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    private static String abbreviate(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32) + "...";
    }
}
