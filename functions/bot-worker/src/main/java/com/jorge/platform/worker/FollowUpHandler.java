package com.jorge.platform.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.jorge.platform.observability.EmfMetrics;
import com.jorge.platform.observability.PlatformMetrics;

/** λ follow-ups on an EventBridge schedule (every 15 minutes): nudges leads who went quiet. */
public final class FollowUpHandler implements RequestHandler<ScheduledEvent, Integer> {

    private final FollowUpSweep sweep;
    private final PlatformMetrics metrics;

    public FollowUpHandler() {
        this(new EmfMetrics());
    }

    private FollowUpHandler(EmfMetrics metrics) {
        this(WorkerFunction.fromEnvironment(metrics).followUps(), metrics);
    }

    public FollowUpHandler(FollowUpSweep sweep, PlatformMetrics metrics) {
        this.sweep = sweep;
        this.metrics = metrics;
    }

    @Override
    public Integer handleRequest(ScheduledEvent event, Context context) {
        try {
            return sweep.run(500);
        } finally {
            metrics.flush();
        }
    }
}
