package com.jorge.platform.alerts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.jorge.platform.alerts.business.BusinessAlerts;
import com.jorge.platform.alerts.business.BusinessAlertsFunction;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.observability.EmfMetrics;
import com.jorge.platform.observability.LambdaInvocation;
import com.jorge.platform.observability.PlatformMetrics;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * λ alert-evaluator, every minute from EventBridge: one evaluation run, and the business alerts on the BI
 * numbers when configured (DATABASE_URL), answered with the summary ({@code business} holding theirs).
 */
public final class AlertEvaluatorHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final AlertEvaluation evaluation;
    private final BusinessAlerts business;
    private final LambdaInvocation invocation;

    public AlertEvaluatorHandler() {
        this(PlatformConfig.fromEnvironment(), Clock.systemUTC());
    }

    private AlertEvaluatorHandler(PlatformConfig config, Clock clock) {
        this(AlertEvaluatorFunction.fromConfig(config, clock), BusinessAlertsFunction.fromConfig(config, clock).orElse(null),
                new EmfMetrics());
    }

    public AlertEvaluatorHandler(AlertEvaluation evaluation, PlatformMetrics metrics) {
        this(evaluation, null, metrics);
    }

    /** @param business the business alerts, or null when they are off */
    public AlertEvaluatorHandler(AlertEvaluation evaluation, BusinessAlerts business, PlatformMetrics metrics) {
        this.evaluation = evaluation;
        this.business = business;
        this.invocation = new LambdaInvocation(metrics);
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return invocation.run(context, () -> {
            Map<String, Object> out = new LinkedHashMap<>(evaluation.run().asMap());
            if (business != null) out.put("business", business.run().asMap());
            return out;
        });
    }
}
