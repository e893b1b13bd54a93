package com.jorge.platform.alerts.anomaly;

/** Which part of the ensemble raised an alert. */
public enum Cause {
    /** No alert. */
    NONE,
    /** A value or a first difference far outside its window's Gaussian baseline. */
    SPIKE,
    /** The recent tail scores are far above what this series' scores usually are (anomaly likelihood). */
    LIKELIHOOD,
    /** The last points' bins follow each other as this series' bins seldom have (the sequence part's likelihood). */
    SEQUENCE,
    /** The recent values' histogram matches none this series has shown before (relative entropy). */
    DISTRIBUTION,
    /** The recent residuals against the daily baseline are unusual for this series (seasonal part's likelihood). */
    SEASONAL,
    /** The window's z has drifted to one side for long enough (two-sided CUSUM). */
    CHANGE_POINT,
    /** The last downsampled window matches none of the shapes this series has shown (the adaptive-resonance part). */
    RESONANCE,
    /** The point was not used: not a number, or not after the last one seen. */
    SKIPPED
}
