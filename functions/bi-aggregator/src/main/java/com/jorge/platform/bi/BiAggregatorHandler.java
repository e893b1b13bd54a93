package com.jorge.platform.bi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.jorge.platform.observability.EmfMetrics;
import com.jorge.platform.observability.LambdaInvocation;
import com.jorge.platform.observability.PlatformMetrics;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * λ bi-aggregator. The EventBridge schedule (every 5 minutes) sends a scheduled event: one incremental run.
 * An invocation whose {@code detail} holds {@code backfillFrom} and {@code backfillTo} (ISO dates, and
 * optionally {@code locationId}) runs a backfill instead. Either way the answer is the run summary, and
 * the run stops starting work 20 s before the Lambda timeout.
 */
public final class BiAggregatorHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Duration SAFETY = Duration.ofSeconds(20);

    private final BiAggregator aggregator;
    private final LambdaInvocation invocation;

    public BiAggregatorHandler() {
        this(new EmfMetrics());
    }

    private BiAggregatorHandler(EmfMetrics metrics) {
        this(BiAggregatorFunction.fromEnvironment(metrics), metrics);
    }

    public BiAggregatorHandler(BiAggregator aggregator, PlatformMetrics metrics) {
        this.aggregator = aggregator;
        this.invocation = new LambdaInvocation(metrics);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return invocation.run(context, () -> run(event, context));
    }

    private Map<String, Object> run(Map<String, Object> event, Context context) {
        Duration budget = aggregator.settings().timeBudget();
        if (context != null && context.getRemainingTimeInMillis() > 0) {
            Duration left = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(SAFETY);
            if (left.compareTo(budget) < 0) budget = left.isNegative() ? Duration.ofSeconds(1) : left;
        }
        Object detail = event == null ? null : event.get("detail");
        if (detail instanceof Map<?, ?> d && d.get("backfillFrom") != null) {
            return aggregator.backfill(text(d, "locationId"), date(d, "backfillFrom"), date(d, "backfillTo"), budget)
                    .toMap();
        }
        return aggregator.run(budget).toMap();
    }

    private static String text(Map<?, ?> detail, String field) {
        Object v = detail.get(field);
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    private static LocalDate date(Map<?, ?> detail, String field) {
        String v = text(detail, field);
        if (v == null) throw new IllegalArgumentException("detail." + field + " is required for a backfill (YYYY-MM-DD)");
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("detail." + field + " must be a date YYYY-MM-DD, got '" + v + "'", e);
        }
    }
}
