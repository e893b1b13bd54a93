package com.jorge.platform.models.training;

import com.jorge.platform.models.features.FeatureSet;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One lead whose outcome is known: its row as its source's {@link FeatureSet} encodes it, and whether it
 * converted. Sources encode while they read, so a bad attribute is reported where the row is known
 * (a CSV line, a table key) and every later step works on validated numbers.
 */
public record LeadOutcome(float[] features, boolean converted) {

    public LeadOutcome {
        Objects.requireNonNull(features, "features");
        features = features.clone();
    }

    /**
     * @throws com.jorge.platform.models.features.InvalidLeadAttributeException naming the attribute
     */
    public static LeadOutcome encode(FeatureSet featureSet, Map<String, ?> attributes, boolean converted) {
        return new LeadOutcome(featureSet.encode(attributes), converted);
    }

    /** A copy; {@link #copyInto} writes the row without one. */
    @Override
    public float[] features() {
        return features.clone();
    }

    public int featureCount() {
        return features.length;
    }

    void copyInto(float[] rows, int offset) {
        System.arraycopy(features, 0, rows, offset, features.length);
    }

    /** Equal rows bit for bit (NaN, the "unknown" value, equals NaN), equal outcomes. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LeadOutcome other && converted == other.converted && Arrays.equals(features, other.features);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(features) * 31 + Boolean.hashCode(converted);
    }

    @Override
    public String toString() {
        return "LeadOutcome[" + features.length + " features, converted=" + converted + "]";
    }
}
