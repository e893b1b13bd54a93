package com.jorge.platform.intake;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.observability.EmfMetrics;
import com.jorge.platform.observability.LambdaInvocation;
import com.jorge.platform.observability.PlatformMetrics;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * λ webhook-intake, behind API Gateway HTTP API (payload 2.0) on {@code POST /webhooks/ghl}.
 * Parses the HTTP envelope, hands the raw body to {@link WebhookIntake}, maps the outcome to HTTP.
 */
public final class WebhookIntakeHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final WebhookIntake intake;
    private final LambdaInvocation invocation;

    /** Lambda's entry: built once per container (and captured by SnapStart). */
    public WebhookIntakeHandler() {
        this(new EmfMetrics());
    }

    private WebhookIntakeHandler(EmfMetrics metrics) {
        this(IntakeFunction.fromConfig(PlatformConfig.fromEnvironment(), metrics), metrics);
    }

    public WebhookIntakeHandler(WebhookIntake intake, PlatformMetrics metrics) {
        this.intake = intake;
        this.invocation = new LambdaInvocation(metrics);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return invocation.run(context, () -> answer(event));
    }

    private APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event) {
        String raw = event.getBody() == null ? "" : event.getBody();
        byte[] body = event.getIsBase64Encoded() ? decode(raw) : raw.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        IntakeHttpAnswer answer = body == null
                ? IntakeHttpAnswer.of(new IntakeOutcome.Rejected(400, "invalid_body", "$", "body is not valid base64"))
                : IntakeHttpAnswer.of(intake.accept(new WebhookRequest(body, headers, sourceIp(event))));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(answer.status())
                .withHeaders(answer.headers())
                .withBody(answer.body())
                .build();
    }

    /** API Gateway's own view of the caller, never a header the caller could set (X-Forwarded-For). */
    private static String sourceIp(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        return context == null || context.getHttp() == null ? null : context.getHttp().getSourceIp();
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
