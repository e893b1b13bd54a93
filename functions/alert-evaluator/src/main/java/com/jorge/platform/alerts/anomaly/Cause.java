package com.jorge.platform.alerts.anomaly;

/** Which part of the ensemble raised an alert. */
public enum Cause {
    /** No alert. */
    NONE,
    /** The point is far from the robust baseline (median, MAD) of the window. */
    RESIDUAL,
    /** The point is beyond everything in the window, and clearly off the baseline. */
    NOVELTY,
    /** The recent residuals are far above what this series' residuals usually are (anomaly likelihood). */
    LIKELIHOOD,
    /** The CUSUM of the residuals crossed its alarm level: the level has shifted or is drifting. */
    CHANGE_POINT,
    /** The point was not used: not a number, or not after the last one seen. */
    SKIPPED
}
