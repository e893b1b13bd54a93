package com.jorge.platform.infra.config;

import java.util.Map;
import software.amazon.awscdk.services.logs.RetentionDays;

/** CloudWatch Logs only accepts a fixed set of retention periods; map the config's day count onto one. */
public final class LogRetention {
    private static final Map<Integer, RetentionDays> BY_DAYS = Map.ofEntries(
            Map.entry(1, RetentionDays.ONE_DAY), Map.entry(3, RetentionDays.THREE_DAYS),
            Map.entry(5, RetentionDays.FIVE_DAYS), Map.entry(7, RetentionDays.ONE_WEEK),
            Map.entry(14, RetentionDays.TWO_WEEKS), Map.entry(30, RetentionDays.ONE_MONTH),
            Map.entry(60, RetentionDays.TWO_MONTHS), Map.entry(90, RetentionDays.THREE_MONTHS),
            Map.entry(120, RetentionDays.FOUR_MONTHS), Map.entry(150, RetentionDays.FIVE_MONTHS),
            Map.entry(180, RetentionDays.SIX_MONTHS), Map.entry(365, RetentionDays.ONE_YEAR),
            Map.entry(400, RetentionDays.THIRTEEN_MONTHS), Map.entry(545, RetentionDays.EIGHTEEN_MONTHS),
            Map.entry(731, RetentionDays.TWO_YEARS), Map.entry(1827, RetentionDays.FIVE_YEARS),
            Map.entry(3653, RetentionDays.TEN_YEARS));

    private LogRetention() {
    }

    public static RetentionDays days(int days, String field) {
        RetentionDays retention = BY_DAYS.get(days);
        Check.that(retention != null, field, "must be a CloudWatch Logs retention period " + BY_DAYS.keySet().stream().sorted().toList() + ", was " + days);
        return retention;
    }
}
