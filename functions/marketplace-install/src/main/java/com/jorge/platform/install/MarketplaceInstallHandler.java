package com.jorge.platform.install;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.intake.WebhookIntakeHandler;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.limits.RequestLimits;
import com.jorge.platform.observability.EmfMetrics;
import com.jorge.platform.observability.LambdaInvocation;
import com.jorge.platform.observability.PlatformMetrics;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * λ marketplace-install, behind the HTTP API: {@code GET /oauth/callback?code=} (GHL's redirect after
 * consent) and {@code POST /webhooks/ghl/app}, the app's webhook URL: INSTALL / UNINSTALL go to
 * {@link MarketplaceInstall}; GHL sends an app's lead events to the same one URL, so any other authentic
 * event is handed, as it came, to the intake's handler (verified, replay-checked and queued exactly as
 * on {@code /webhooks/ghl}). HTTP in, the domain, HTTP out.
 */
public final class MarketplaceInstallHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    public static final String CALLBACK_PATH = "/oauth/callback";
    public static final String APP_EVENTS_PATH = "/webhooks/ghl/app";
    static final String RETRY_AFTER_SECONDS = "60";

    private final MarketplaceInstall install;
    private final WebhookIntakeHandler leadEvents;
    private final RequestLimits callbackLimits;
    private final RequestLimits appEventLimits;
    private final PlatformMetrics metrics;
    private final LambdaInvocation invocation;

    /** Lambda's entry: built once per container. */
    public MarketplaceInstallHandler() {
        this(new EmfMetrics());
    }

    private MarketplaceInstallHandler(EmfMetrics metrics) {
        this(PlatformConfig.fromEnvironment(), metrics, MarketplaceInstallFunction.appEventLimits(PlatformConfig.fromEnvironment()));
    }

    private MarketplaceInstallHandler(PlatformConfig config, EmfMetrics metrics, RequestLimits appEventLimits) {
        this(MarketplaceInstallFunction.fromConfig(config, metrics, appEventLimits), MarketplaceInstallFunction.leadEvents(config, metrics),
                MarketplaceInstallFunction.callbackLimits(config), appEventLimits, metrics);
    }

    /** {@code leadEvents}: the intake's handler for the app's lead events; null acknowledges them unread (a test). */
    public MarketplaceInstallHandler(MarketplaceInstall install, WebhookIntakeHandler leadEvents, PlatformMetrics metrics) {
        this(install, leadEvents, null, null, metrics);
    }

    /** Without limits on the app's webhook URL (a test). */
    public MarketplaceInstallHandler(MarketplaceInstall install, WebhookIntakeHandler leadEvents, RequestLimits callbackLimits,
                                     PlatformMetrics metrics) {
        this(install, leadEvents, callbackLimits, null, metrics);
    }

    /**
     * {@code callbackLimits} (nullable): each address's bucket for the OAuth callback, taken before the code is
     * spent at GHL's token endpoint; over it the browser gets 429 with {@code Retry-After}.
     * {@code appEventLimits} (nullable): each sender address's bucket for the app's webhook URL, taken before the
     * signature is checked (the same limits' location buckets are the {@link MarketplaceInstall}'s for INSTALL /
     * UNINSTALL); over it GHL gets 429 with {@code Retry-After}, the one status it retries. Lead events handed to the
     * intake are limited again there, by the intake's own buckets.
     */
    public MarketplaceInstallHandler(MarketplaceInstall install, WebhookIntakeHandler leadEvents, RequestLimits callbackLimits,
                                     RequestLimits appEventLimits, PlatformMetrics metrics) {
        this.install = install;
        this.leadEvents = leadEvents;
        this.callbackLimits = callbackLimits;
        this.appEventLimits = appEventLimits;
        this.metrics = metrics;
        this.invocation = new LambdaInvocation(metrics);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return invocation.run(context, () -> answer(event));
    }

    private APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event) {
        String path = event.getRawPath() == null ? "" : event.getRawPath();
        String method = event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? "" : event.getRequestContext().getHttp().getMethod();
        Map<String, String> headers = lowerCase(event.getHeaders());
        InstallOutcome outcome;
        String address = event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? null : event.getRequestContext().getHttp().getSourceIp();
        if (path.endsWith(CALLBACK_PATH) && "GET".equals(method)) {
            if (callbackLimits != null && callbackLimits.client(address) instanceof RequestLimits.Verdict.Limited l) {
                return limited(l.retryAfterSeconds());
            }
            Map<String, String> query = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
            outcome = install.callback(query.get("code"));
        } else if (path.endsWith(APP_EVENTS_PATH) && "POST".equals(method)) {
            // before the signature's cost, as at the intake: one address flooding the URL waits, whatever it sends
            if (appEventLimits != null && address != null && appEventLimits.client(address) instanceof RequestLimits.Verdict.Limited l) {
                return response(throttled(new InstallOutcome.Limited("client", l.retryAfterSeconds())));
            }
            String raw = event.getBody() == null ? "" : event.getBody();
            byte[] body = event.getIsBase64Encoded() ? decode(raw) : raw.getBytes(StandardCharsets.UTF_8);
            outcome = body == null ? new InstallOutcome.Rejected(400, "invalid_body", "$", "body is not valid base64")
                    : install.appEvent(body, headers.get("x-wh-signature"), headers.get("x-ghl-signature"));
            if (outcome instanceof InstallOutcome.LeadEvent && leadEvents != null) return leadEvents.handleRequest(event, null);
            if (outcome instanceof InstallOutcome.Limited limited) throttled(limited);
        } else {
            outcome = new InstallOutcome.Rejected(404, "not_found", null, "no such route");
        }
        return response(outcome);
    }

    private InstallOutcome.Limited throttled(InstallOutcome.Limited limited) {
        metrics.count(PlatformMetrics.WEBHOOKS_THROTTLED, limited.scope().equals("client") ? "app_client_rate_limited" : "app_rate_limited");
        return limited;
    }

    static APIGatewayV2HTTPResponse response(InstallOutcome outcome) {
        int status = switch (outcome) {
            case InstallOutcome.Rejected r -> r.status();
            case InstallOutcome.Unavailable u -> 429;
            case InstallOutcome.Limited l -> 429;
            default -> 200;
        };
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json", "Cache-Control", "no-store"));
        // GHL retries about ten minutes apart whatever we say; a client that honours the header waits a minute at least
        if (outcome instanceof InstallOutcome.Limited l) {
            headers.put("Retry-After", Long.toString(Math.max(l.retryAfterSeconds(), Long.parseLong(RETRY_AFTER_SECONDS))));
        } else if (status == 429) {
            headers.put("Retry-After", RETRY_AFTER_SECONDS);
        }
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers)
                    .withBody(PlatformJson.mapper().writeValueAsString(MarketplaceInstall.describe(outcome))).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static APIGatewayV2HTTPResponse limited(long retryAfterSeconds) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(429)
                .withHeaders(Map.of("Content-Type", "application/json", "Cache-Control", "no-store",
                        "Retry-After", Long.toString(retryAfterSeconds)))
                .withBody("{\"error\":\"rate_limited\",\"message\":\"too many sign-in callbacks from this address; retry later\"}")
                .build();
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> out = new HashMap<>();
        if (headers != null) headers.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return out;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
