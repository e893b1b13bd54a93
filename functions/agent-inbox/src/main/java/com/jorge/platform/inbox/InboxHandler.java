package com.jorge.platform.inbox;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.observability.EmfMetrics;
import com.jorge.platform.observability.LambdaInvocation;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/** λ agent-inbox, behind the HTTP API (payload 2.0) on {@code /inbox/**}: Micronaut routes to the controllers in {@code web/}. */
public final class InboxHandler extends APIGatewayV2HTTPEventFunction {

    private static final EmfMetrics METRICS = new EmfMetrics();
    private final LambdaInvocation invocation = new LambdaInvocation(METRICS);

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return super.newApplicationContextBuilder()
                .singletons(InboxFunction.fromConfig(PlatformConfig.fromEnvironment(), METRICS).inbox());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return invocation.run(context, () -> super.handleRequest(event, context));
    }
}
