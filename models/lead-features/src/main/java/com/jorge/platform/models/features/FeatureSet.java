package com.jorge.platform.models.features;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lead-score input schema: which raw attributes a lead has, and the one encoding of them into a
 * model row. A model records its feature set's {@link #version()} and {@link #featureNames()} in its
 * metadata; the trainer, the inference tier and the in-process fallback all resolve the same
 * {@code FeatureSet} from that version, so a row is encoded the same way wherever it is scored.
 *
 * <ul>
 *   <li>{@link BankMarketingFeatureSet}: the UCI bank-marketing schema, the public stand-in data.</li>
 *   <li>{@link ConversationFeatureSet}: what the Jorge bots learn in an SMS conversation; the schema the
 *       platform records outcomes in and retrains on.</li>
 * </ul>
 */
public sealed interface FeatureSet permits BankMarketingFeatureSet, ConversationFeatureSet {

    /**
     * Every feature set this build links. A method, not a constant: an interface with default methods is
     * initialised before its implementations, and a constant here would read their INSTANCE as null.
     */
    static List<FeatureSet> all() {
        return List.of(BankMarketingFeatureSet.INSTANCE, ConversationFeatureSet.INSTANCE);
    }

    /** Recorded in model metadata as {@code encoder}; bumped whenever the row layout or a rule changes. */
    String version();

    /** Feature names in row order. */
    List<String> featureNames();

    default int featureCount() {
        return featureNames().size();
    }

    /** The raw attribute keys {@link #encodeInto} accepts. */
    Set<String> attributeKeys();

    /**
     * Validates raw attributes (numbers or strings, as in CSV cells and JSON) and writes one row at
     * {@code offset}, overwriting all {@link #featureCount()} slots. Absent keys mean "not known".
     *
     * @throws InvalidLeadAttributeException naming the key, for an unknown key or an impossible value
     */
    void encodeInto(Map<String, ?> attributes, float[] rows, int offset);

    default float[] encode(Map<String, ?> attributes) {
        float[] row = new float[featureCount()];
        encodeInto(attributes, row, 0);
        return row;
    }

    /** The feature set a model's metadata names; the error lists what this build links. */
    static FeatureSet forVersion(String version) {
        for (FeatureSet set : all()) {
            if (set.version().equals(version)) {
                return set;
            }
        }
        throw new IllegalArgumentException("unknown feature set '" + version + "'; this build links "
                + all().stream().map(FeatureSet::version).toList());
    }

    /** Null when the model's metadata and this build agree on the row layout, else why not. */
    static String mismatch(String version, List<String> featureNames) {
        FeatureSet set;
        try {
            set = forVersion(version);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return set.featureNames().equals(featureNames) ? null
                : "its feature names differ from " + version + "'s in this build";
    }
}
