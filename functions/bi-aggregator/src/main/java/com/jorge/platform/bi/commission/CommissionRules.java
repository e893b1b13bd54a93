package com.jorge.platform.bi.commission;

import com.jorge.platform.config.PlatformConfig;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The team's commission plan, from configuration. Fractions are 0..1; money in the location's currency.
 *
 * @param rate                     commission on the sale price (BI_COMMISSION_RATE, default 0.025)
 * @param agentSplit               the agent's share of the commission after referral fees, the rest is the
 *                                 team's (BI_AGENT_SPLIT, default 1: no team split)
 * @param agentSplits              per-agent overrides (BI_AGENT_SPLITS, {@code agentId=0.8,...})
 * @param teamCap                  the most the team takes from one agent per calendar year; past it the agent
 *                                 keeps all (BI_TEAM_CAP, money; unset: no cap)
 * @param referralFees             by lead source, the referrer's share of the commission, paid first
 *                                 (BI_REFERRAL_FEES, {@code zillow=0.35,...})
 * @param stageProbabilities       chance an open deal in the stage is won (BI_STAGE_PROBABILITIES, {@code stageId=0.4,...})
 * @param defaultStageProbability  a stage neither configured nor learned (BI_DEFAULT_STAGE_PROBABILITY, default 0.1)
 * @param learnMinDeals            decided deals seen in a stage before its own win rate replaces the configured
 *                                 one (BI_STAGE_LEARN_MIN_DEALS, default 30)
 */
public record CommissionRules(BigDecimal rate, BigDecimal agentSplit, Map<String, BigDecimal> agentSplits,
                              BigDecimal teamCap, Map<String, BigDecimal> referralFees,
                              Map<String, BigDecimal> stageProbabilities, BigDecimal defaultStageProbability,
                              int learnMinDeals) {

    public CommissionRules {
        fraction("BI_COMMISSION_RATE", rate);
        fraction("BI_AGENT_SPLIT", agentSplit);
        fraction("BI_DEFAULT_STAGE_PROBABILITY", defaultStageProbability);
        agentSplits = fractions("BI_AGENT_SPLITS", agentSplits);
        referralFees = fractions("BI_REFERRAL_FEES", referralFees);
        stageProbabilities = fractions("BI_STAGE_PROBABILITIES", stageProbabilities);
        if (teamCap != null && teamCap.signum() < 0) throw new IllegalStateException("configuration BI_TEAM_CAP must not be negative");
        if (learnMinDeals < 1) throw new IllegalStateException("configuration BI_STAGE_LEARN_MIN_DEALS must be at least 1");
    }

    public static CommissionRules fromConfig(PlatformConfig config) {
        return new CommissionRules(
                decimal(config, "BI_COMMISSION_RATE", "0.025"),
                decimal(config, "BI_AGENT_SPLIT", "1"),
                map(config, "BI_AGENT_SPLITS"),
                config.get("BI_TEAM_CAP").map(v -> decimal(config, "BI_TEAM_CAP", v)).orElse(null),
                map(config, "BI_REFERRAL_FEES"),
                map(config, "BI_STAGE_PROBABILITIES"),
                decimal(config, "BI_DEFAULT_STAGE_PROBABILITY", "0.1"),
                config.getInt("BI_STAGE_LEARN_MIN_DEALS", 30));
    }

    public BigDecimal splitOf(String agentId) {
        return agentSplits.getOrDefault(agentId, agentSplit);
    }

    public BigDecimal referralFeeOf(String leadSource) {
        return leadSource == null ? BigDecimal.ZERO : referralFees.getOrDefault(leadSource, BigDecimal.ZERO);
    }

    private static BigDecimal decimal(PlatformConfig config, String key, String fallback) {
        String raw = config.get(key, fallback).trim();
        try {
            return new BigDecimal(raw);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("configuration " + key + " must be a decimal number such as 0.025", e);
        }
    }

    /** {@code key=value,key=value}; keys are GHL ids or lead sources as GHL spells them. */
    private static Map<String, BigDecimal> map(PlatformConfig config, String key) {
        Map<String, BigDecimal> out = new TreeMap<>();
        String raw = config.get(key, "").trim();
        if (raw.isEmpty()) return out;
        for (String pair : raw.split(",")) {
            int eq = pair.lastIndexOf('=');
            if (eq <= 0) throw new IllegalStateException("configuration " + key + " must be name=fraction pairs separated by commas");
            try {
                out.put(pair.substring(0, eq).trim(), new BigDecimal(pair.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("configuration " + key + " has a value that is not a decimal: "
                        + pair.substring(0, eq).trim(), e);
            }
        }
        return out;
    }

    private static void fraction(String key, BigDecimal value) {
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalStateException("configuration " + key + " must be a fraction between 0 and 1");
        }
    }

    private static Map<String, BigDecimal> fractions(String key, Map<String, BigDecimal> values) {
        values.forEach((name, v) -> fraction(key + " (" + name + ")", v));
        return Map.copyOf(values);
    }
}
