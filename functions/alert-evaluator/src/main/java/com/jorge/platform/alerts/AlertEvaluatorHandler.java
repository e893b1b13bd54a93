package com.jorge.platform.alerts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.jorge.platform.config.PlatformConfig;

import java.time.Clock;
import java.util.Map;

/** λ alert-evaluator, every minute from EventBridge: one evaluation run, answered with its summary. */
public final class AlertEvaluatorHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {

    private final AlertEvaluation evaluation;

    public AlertEvaluatorHandler() {
        this(AlertEvaluatorWiring.fromConfig(PlatformConfig.fromEnvironment(), Clock.systemUTC()));
    }

    public AlertEvaluatorHandler(AlertEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return evaluation.run().asMap();
    }
}
