package com.jorge.platform.bi.coaching;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chance a new hand-off to an agent ends in a won deal within the window: the agent's own rate,
 * shrunk toward the location's by a prior worth {@code priorStrength} hand-offs (a beta-binomial
 * estimate: a new agent starts at the location's rate and earns their own as hand-offs settle).
 * Trained only on hand-offs whose outcome was known at the training moment.
 */
public final class SuccessModel {

    private final double overall;
    private final Map<String, long[]> byAgent;
    private final double priorStrength;

    private SuccessModel(double overall, Map<String, long[]> byAgent, double priorStrength) {
        this.overall = overall;
        this.byAgent = byAgent;
        this.priorStrength = priorStrength;
    }

    /** Fitted on the hand-offs settled at {@code asOf}; null when none is. */
    public static SuccessModel fit(List<Handoff> handoffs, Instant asOf, Duration window, double priorStrength) {
        Map<String, long[]> byAgent = new HashMap<>();
        long n = 0;
        long won = 0;
        for (Handoff h : handoffs) {
            if (!h.handedOffAt().isBefore(asOf) || !h.settledAt(asOf, window)) continue;
            long[] agent = byAgent.computeIfAbsent(h.agentId(), k -> new long[2]);
            agent[0]++;
            n++;
            if (h.wonWithin(window)) {
                agent[1]++;
                won++;
            }
        }
        return n == 0 ? null : new SuccessModel((double) won / n, byAgent, priorStrength);
    }

    public double predict(String agentId) {
        long[] agent = byAgent.getOrDefault(agentId, new long[2]);
        return (agent[1] + priorStrength * overall) / (agent[0] + priorStrength);
    }

    /** The location's rate: the baseline a prediction must beat. */
    public double overall() {
        return overall;
    }
}
