package com.jorge.platform.worker.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.observability.EmfMetrics;
import com.jorge.platform.observability.PlatformMetrics;
import com.jorge.platform.worker.delivery.OutboxDelivery;

import java.time.Clock;

/**
 * λ due-replies on an EventBridge schedule (every minute): sends replies that the lead's quiet hours
 * held back, once the morning comes.
 */
public final class DueReplyHandler implements RequestHandler<ScheduledEvent, Integer> {

    private final OutboxDelivery delivery;
    private final PlatformMetrics metrics;

    public DueReplyHandler() {
        this(new EmfMetrics());
    }

    private DueReplyHandler(EmfMetrics metrics) {
        this(WorkerFunction.fromConfig(PlatformConfig.fromEnvironment(), BotSuite.NO_DECISIONS, metrics,
                Clock.systemUTC()).delivery(), metrics);
    }

    public DueReplyHandler(OutboxDelivery delivery, PlatformMetrics metrics) {
        this.delivery = delivery;
        this.metrics = metrics;
    }

    @Override
    public Integer handleRequest(ScheduledEvent event, Context context) {
        try {
            return delivery.deliverDueDeferred(200);
        } finally {
            metrics.flush();
        }
    }
}
