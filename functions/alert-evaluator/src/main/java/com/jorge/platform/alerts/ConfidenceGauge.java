package com.jorge.platform.alerts;

/** Where the streaming detector's confidence per rule goes each run: jorge_ml_predicted_issue_confidence. */
@FunctionalInterface
public interface ConfidenceGauge {

    String METRIC = "jorge_ml_predicted_issue_confidence";

    /** @param confidence 0..1, how sure the detector is that the rule's metric is anomalous on its bad side now */
    void record(String rule, double confidence);
}
