package com.jorge.platform.alerts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.observability.EmfMetrics;
import com.jorge.platform.observability.LambdaInvocation;
import com.jorge.platform.observability.PlatformMetrics;

import java.time.Clock;
import java.util.Map;

/** λ alert-evaluator, every minute from EventBridge: one evaluation run, answered with its summary. */
public final class AlertEvaluatorHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final AlertEvaluation evaluation;
    private final LambdaInvocation invocation;

    public AlertEvaluatorHandler() {
        this(AlertEvaluatorFunction.fromConfig(PlatformConfig.fromEnvironment(), Clock.systemUTC()), new EmfMetrics());
    }

    public AlertEvaluatorHandler(AlertEvaluation evaluation, PlatformMetrics metrics) {
        this.evaluation = evaluation;
        this.invocation = new LambdaInvocation(metrics);
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return invocation.run(context, () -> evaluation.run().asMap());
    }
}
