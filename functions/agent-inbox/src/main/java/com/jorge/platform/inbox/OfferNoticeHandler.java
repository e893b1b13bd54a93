package com.jorge.platform.inbox;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.observability.EmfMetrics;
import com.jorge.platform.observability.LambdaInvocation;

/** λ agent-inbox-offers, subscribed to the AgentNotifications topic: each hand-off offer and approval request into the inbox. */
public final class OfferNoticeHandler implements RequestHandler<SNSEvent, Void> {

    private static final EmfMetrics METRICS = new EmfMetrics();
    private final InboxFunction inbox = InboxFunction.fromConfig(PlatformConfig.fromEnvironment(), METRICS);
    private final LambdaInvocation invocation = new LambdaInvocation(METRICS);

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        return invocation.run(context, () -> {
            event.getRecords().forEach(r -> {
                String message = r.getSNS().getMessage();
                if (!inbox.approvalRequests().handle(message)) inbox.offerNotices().handle(message);
            });
            return null;
        });
    }
}
