package com.jorge.platform.models.features;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The bank-marketing schema as a {@link FeatureSet}: {@link LeadAttributes} encoded by {@link LeadFeatureEncoder}. */
public final class BankMarketingFeatureSet implements FeatureSet {

    public static final BankMarketingFeatureSet INSTANCE = new BankMarketingFeatureSet();

    private BankMarketingFeatureSet() {
    }

    @Override
    public String version() {
        return LeadFeatureEncoder.VERSION;
    }

    @Override
    public List<String> featureNames() {
        return LeadFeatureEncoder.FEATURE_NAMES;
    }

    @Override
    public Set<String> attributeKeys() {
        return LeadAttributes.KEYS;
    }

    @Override
    public void encodeInto(Map<String, ?> attributes, float[] rows, int offset) {
        LeadFeatureEncoder.encodeInto(LeadAttributes.fromMap(attributes), rows, offset);
    }

    @Override
    public String toString() {
        return version();
    }
}
