package com.jorge.platform.infra.config;

import java.util.regex.Pattern;

/** EventBridge schedule expressions as the config may write them: rate(...) or cron(six fields). */
public final class ScheduleExpression {
    private static final Pattern RATE = Pattern.compile("rate\\((1 (minute|hour|day)|([2-9]|[1-9]\\d+) (minutes|hours|days))\\)");
    private static final Pattern CRON = Pattern.compile("cron\\(\\S+( \\S+){5}\\)");

    private ScheduleExpression() {
    }

    static void check(String expression, String field) {
        Check.that(expression != null && (RATE.matcher(expression).matches() || CRON.matcher(expression).matches()), field,
                "must be an EventBridge schedule such as rate(5 minutes) or cron(0 * * * ? *), was '" + expression + "'");
    }
}
