package com.jorge.platform.bi;

import com.jorge.platform.bi.commission.CommissionRules;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.experiments.Experiments;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

/**
 * How the aggregator runs. Every key is optional; a bad value fails at start with the key's name.
 *
 * @param commission      the commission plan: rate, splits, referral fees, cap, stage probabilities
 * @param defaultZone     day boundaries for a location without a time zone (BI_DEFAULT_ZONE)
 * @param lookbackDays    how far back a changed lead's days are recomputed, and the first run's reach
 * @param overlap         re-read window before the watermark, for transactions that committed late
 * @param timeBudget      a run stops starting new work after this long
 * @param lockTimeout     a day's transaction gives up (and keeps the old rows) when blocked this long
 * @param attributionHalfLife  time-decay attribution: a touch this much older than the newest counts half
 *                        (BI_ATTRIBUTION_HALF_LIFE_DAYS, default 7)
 * @param prices          unit prices of SMS segments and LLM tokens, for the bots' cost and ROI
 * @param experiments     the A/B experiments the report judges (EXPERIMENTS, the bots' own configuration)
 */
public record BiSettings(CommissionRules commission, ZoneId defaultZone, int lookbackDays, Duration overlap,
                         Duration timeBudget, Duration lockTimeout, Duration attributionHalfLife, BotCostPrices prices,
                         Experiments experiments) {

    /** Same default as the bots' JORGE_BOTS_DEFAULT_ZONE, so "today" means the same day to both. */
    public static final String DEFAULT_ZONE = "America/Chicago";

    public BiSettings {
        if (attributionHalfLife.isNegative() || attributionHalfLife.isZero()) {
            throw new IllegalStateException("configuration BI_ATTRIBUTION_HALF_LIFE_DAYS must be positive");
        }
        if (lookbackDays < 1) throw new IllegalStateException("configuration BI_LOOKBACK_DAYS must be at least 1");
        if (overlap.isNegative()) throw new IllegalStateException("configuration BI_WATERMARK_OVERLAP_SECONDS must not be negative");
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalStateException("configuration BI_TIME_BUDGET_SECONDS must be positive");
        }
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalStateException("configuration BI_LOCK_TIMEOUT_MS must be positive");
        }
    }

    public static BiSettings defaults() {
        return fromConfig(PlatformConfig.of(java.util.Map.of()));
    }

    public static BiSettings fromConfig(PlatformConfig config) {
        ZoneId zone;
        try {
            zone = ZoneId.of(config.get("BI_DEFAULT_ZONE", DEFAULT_ZONE).trim());
        } catch (DateTimeException e) {
            throw new IllegalStateException("configuration BI_DEFAULT_ZONE must be an IANA time zone such as America/Chicago", e);
        }
        return new BiSettings(CommissionRules.fromConfig(config), zone,
                config.getInt("BI_LOOKBACK_DAYS", 35),
                Duration.ofSeconds(config.getInt("BI_WATERMARK_OVERLAP_SECONDS", 900)),
                Duration.ofSeconds(config.getInt("BI_TIME_BUDGET_SECONDS", 180)),
                Duration.ofMillis(config.getInt("BI_LOCK_TIMEOUT_MS", 5_000)),
                Duration.ofDays(config.getInt("BI_ATTRIBUTION_HALF_LIFE_DAYS", 7)), BotCostPrices.fromConfig(config),
                Experiments.fromConfig(config));
    }

    /** The fraction of a deal's value the team earns (BI_COMMISSION_RATE). */
    public BigDecimal commissionRate() {
        return commission.rate();
    }

    public BiSettings withTimeBudget(Duration budget) {
        return new BiSettings(commission, defaultZone, lookbackDays, overlap, budget, lockTimeout, attributionHalfLife, prices, experiments);
    }

    public BiSettings withLockTimeout(Duration timeout) {
        return new BiSettings(commission, defaultZone, lookbackDays, overlap, timeBudget, timeout, attributionHalfLife, prices, experiments);
    }
}
