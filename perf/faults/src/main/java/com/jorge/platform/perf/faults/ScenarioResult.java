package com.jorge.platform.perf.faults;

import java.util.List;
import java.util.Map;

/**
 * What one scenario measured and decided. {@code recoverySeconds}: from the fault's removal until every
 * webhook sent from then on was answered within 2 s (or silent by decision); -1 when that never held
 * before the load ended.
 */
record ScenarioResult(Scenario scenario, int accepted, long answeredOnce, long silentByDecision, long duplicated, long lost,
                      long dlq, long recoverySeconds, Map<String, Integer> reasons, List<PhaseStats> phases,
                      List<Point> points, double faultFrom, double faultTo, List<double[]> queueDepth, String note) {

    /** One load webhook for the chart: seconds from the start, ack and reply latency in ms (NaN: none). */
    record Point(double at, double ackMs, double replyMs, DeliveryAudit.Outcome outcome) {}

    String line() {
        return String.format("scenario=%s accepted=%d answeredOnce=%d silentByDecision=%d duplicated=%d lost=%d dlq=%d recoverySeconds=%d",
                scenario.name(), accepted, answeredOnce, silentByDecision, duplicated, lost, dlq, recoverySeconds);
    }

    boolean failed() {
        return lost > 0 || duplicated > 0;
    }
}
