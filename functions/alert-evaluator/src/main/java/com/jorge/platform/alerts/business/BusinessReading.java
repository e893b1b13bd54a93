package com.jorge.platform.alerts.business;

import com.jorge.platform.alerts.rules.Severity;

/**
 * One check's reading for one location: whether it is bad, the value judged, the level it fires at, and a
 * sentence with the numbers that made it so (sent to ops as the notice's description). Locations and
 * figures only: no personal data.
 */
public record BusinessReading(String rule, Severity severity, boolean bad, double value, double threshold, String numbers) {}
