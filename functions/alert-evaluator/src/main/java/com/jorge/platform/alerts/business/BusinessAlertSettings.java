package com.jorge.platform.alerts.business;

import com.jorge.platform.config.PlatformConfig;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The business alerts' thresholds, from configuration (a bad value fails at start with its key):
 *
 * @param qualificationDrop      fires when the recent rate is this fraction under the baseline (BUSINESS_QUALIFICATION_DROP, 0.20)
 * @param recentDays             the recent window, today included (BUSINESS_QUALIFICATION_RECENT_DAYS, 3)
 * @param baselineDays           the baseline: the days before the recent window (BUSINESS_QUALIFICATION_BASELINE_DAYS, 28)
 * @param minLeads               new leads each window needs before a rate is judged (BUSINESS_QUALIFICATION_MIN_LEADS, 20)
 * @param pipelineDrop           fires when the open pipeline is this fraction under the hour before (BUSINESS_PIPELINE_DROP, 0.15)
 * @param commissionMiss         fires when the month's projection is this fraction under target (BUSINESS_COMMISSION_MISS, 0.10)
 * @param commissionTargets      the month's commission target per location (BUSINESS_COMMISSION_TARGETS, {@code loc=amount,...});
 *                               a location without one is not judged
 */
public record BusinessAlertSettings(BigDecimal qualificationDrop, int recentDays, int baselineDays, int minLeads,
                                    BigDecimal pipelineDrop, BigDecimal commissionMiss,
                                    Map<String, BigDecimal> commissionTargets) {

    public BusinessAlertSettings {
        fraction("BUSINESS_QUALIFICATION_DROP", qualificationDrop);
        fraction("BUSINESS_PIPELINE_DROP", pipelineDrop);
        fraction("BUSINESS_COMMISSION_MISS", commissionMiss);
        if (recentDays < 1) throw new IllegalStateException("configuration BUSINESS_QUALIFICATION_RECENT_DAYS must be at least 1");
        if (baselineDays < 1) throw new IllegalStateException("configuration BUSINESS_QUALIFICATION_BASELINE_DAYS must be at least 1");
        if (minLeads < 1) throw new IllegalStateException("configuration BUSINESS_QUALIFICATION_MIN_LEADS must be at least 1");
        commissionTargets = Map.copyOf(commissionTargets);
    }

    public static BusinessAlertSettings fromConfig(PlatformConfig config) {
        return new BusinessAlertSettings(decimal(config, "BUSINESS_QUALIFICATION_DROP", "0.20"),
                config.getInt("BUSINESS_QUALIFICATION_RECENT_DAYS", 3), config.getInt("BUSINESS_QUALIFICATION_BASELINE_DAYS", 28),
                config.getInt("BUSINESS_QUALIFICATION_MIN_LEADS", 20), decimal(config, "BUSINESS_PIPELINE_DROP", "0.15"),
                decimal(config, "BUSINESS_COMMISSION_MISS", "0.10"), targets(config.get("BUSINESS_COMMISSION_TARGETS", "")));
    }

    private static BigDecimal decimal(PlatformConfig config, String key, String fallback) {
        try {
            return new BigDecimal(config.get(key, fallback).trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("configuration " + key + " must be a number such as " + fallback);
        }
    }

    static Map<String, BigDecimal> targets(String raw) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (String pair : raw.split(",")) {
            if (pair.isBlank()) continue;
            int eq = pair.lastIndexOf('=');
            try {
                if (eq < 1) throw new NumberFormatException();
                BigDecimal amount = new BigDecimal(pair.substring(eq + 1).trim());
                if (amount.signum() <= 0) throw new NumberFormatException();
                out.put(pair.substring(0, eq).trim(), amount);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("configuration BUSINESS_COMMISSION_TARGETS: '" + pair.strip()
                        + "' is not locationId=amount with a positive amount");
            }
        }
        return out;
    }

    private static void fraction(String key, BigDecimal value) {
        if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalStateException("configuration " + key + " must be a fraction between 0 and 1");
        }
    }
}
