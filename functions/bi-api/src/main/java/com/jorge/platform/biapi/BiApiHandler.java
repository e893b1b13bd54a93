package com.jorge.platform.biapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.json.PlatformJson;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** λ bi-api on the HTTP API (API Gateway payload 2.0): the request to {@link BiApi}, its answer to HTTP. */
public final class BiApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** The page may only use its own inline styles: no script, nothing fetched. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final BiApi api;

    public BiApiHandler() {
        this(BiApiFunction.fromConfig(PlatformConfig.fromEnvironment(), Clock.systemUTC()));
    }

    public BiApiHandler(BiApi api) {
        this.api = api;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
        String method = event.getRequestContext() == null || event.getRequestContext().getHttp() == null ? null
                : event.getRequestContext().getHttp().getMethod();
        // API Gateway's view of the caller's address, never X-Forwarded-For, which a client can write
        String client = event.getRequestContext() == null || event.getRequestContext().getHttp() == null ? null
                : event.getRequestContext().getHttp().getSourceIp();
        BiAnswer answer = api.answer(method, event.getRawPath(), event.getQueryStringParameters() == null ? Map.of()
                : event.getQueryStringParameters(), headers.get("authorization"), client);
        Map<String, String> out = new HashMap<>(Map.of("Cache-Control", "no-store", "X-Content-Type-Options", "nosniff"));
        String body;
        switch (answer) {
            case BiAnswer.Body b -> {
                out.put("Content-Type", b.contentType());
                if (b.contentType().startsWith("text/html")) out.put("Content-Security-Policy", CSP);
                body = b.body();
            }
            case BiAnswer.Refused r -> {
                out.put("Content-Type", "application/json");
                if (r.status() == 401) out.put("WWW-Authenticate", "Bearer");
                var json = PlatformJson.mapper().createObjectNode().put("error", r.message());
                if (r.field() != null) json.put("field", r.field());
                body = json.toString();
            }
            case BiAnswer.Limited l -> {
                out.put("Content-Type", "application/json");
                out.put("Retry-After", Long.toString(l.retryAfterSeconds()));
                body = PlatformJson.mapper().createObjectNode().put("error", "too many requests; try again in "
                        + l.retryAfterSeconds() + " s").toString();
            }
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(answer.status()).withHeaders(out).withBody(body).build();
    }
}
