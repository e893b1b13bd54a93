package com.jorge.platform.alerts.evaluation;

/** A NAB application profile's cost matrix (config/profiles.json); "standard" is tp 1, fp 0.11, fn 1. */
public record CostProfile(double tpWeight, double fpWeight, double fnWeight) {
}
