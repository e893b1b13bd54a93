package com.jorge.platform.alerts;

/** How one rule came out of a run, as the summary reports it. */
public enum RuleStatus {
    NO_DATA, TOO_FEW_POINTS, CLEAR, BREACH_PREDICTED, BREACHING, ERROR
}
