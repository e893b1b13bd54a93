package com.jorge.platform.worker.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.observability.EmfMetrics;
import com.jorge.platform.observability.LambdaInvocation;
import com.jorge.platform.observability.PlatformMetrics;

import java.time.Clock;

/**
 * λ due-replies on an EventBridge schedule (every minute): sends replies that the lead's quiet hours
 * held back, once the morning comes, and runs the outbox's retry schedule (decided replies and CRM
 * actions whose delivery failed, e.g. during a GHL outage).
 */
public final class DueReplyHandler implements RequestHandler<ScheduledEvent, Integer> {

    private final WorkerFunction worker;
    private final LambdaInvocation invocation;

    public DueReplyHandler() {
        this(new EmfMetrics());
    }

    private DueReplyHandler(EmfMetrics metrics) {
        this(WorkerFunction.fromConfig(PlatformConfig.fromEnvironment(), BotSuite.NO_DECISIONS, metrics,
                Clock.systemUTC()), metrics);
    }

    public DueReplyHandler(WorkerFunction worker, PlatformMetrics metrics) {
        this.worker = worker;
        this.invocation = new LambdaInvocation(metrics);
    }

    @Override
    public Integer handleRequest(ScheduledEvent event, Context context) {
        return invocation.run(context,
                () -> worker.delivery().deliverDueDeferred(200) + worker.redelivery().run(200));
    }
}
