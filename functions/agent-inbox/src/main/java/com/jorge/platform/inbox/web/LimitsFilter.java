package com.jorge.platform.inbox.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.jorge.platform.inbox.Inbox;
import com.jorge.platform.limits.RequestLimits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.servlet.http.ServletHttpRequest;


/**
 * Every inbox request takes a token from its client's bucket, and a lead, location (re-engagement) or admin
 * contact route also from its location's;
 * an empty bucket is a 429 with Retry-After before any work is done.
 */
@ServerFilter("/inbox/**")
public final class LimitsFilter {

    private final Inbox inbox;

    public LimitsFilter(Inbox inbox) {
        this.inbox = inbox;
    }

    /** The address API Gateway saw the request come from (not X-Forwarded-For, which a client can write). */
    private static String sourceIp(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servlet && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event
                && event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                && event.getRequestContext().getHttp().getSourceIp() != null) {
            return event.getRequestContext().getHttp().getSourceIp();
        }
        return "unknown";
    }

    @RequestFilter
    @Nullable
    public HttpResponse<String> limit(HttpRequest<?> request) {
        RequestLimits limits = inbox.limits();
        if (limits == null) return null;
        RequestLimits.Verdict verdict = limits.client(sourceIp(request));
        String[] parts = request.getPath().split("/");
        // /inbox/api/leads/{location}/..., /inbox/api/locations/{location}/... and /inbox/api/admin/contacts/{location}/...
        if (verdict instanceof RequestLimits.Verdict.Allowed && parts.length > 4
                && (parts[3].equals("leads") || parts[3].equals("locations"))) {
            verdict = limits.location(parts[4]);
        } else if (verdict instanceof RequestLimits.Verdict.Allowed && parts.length > 5 && parts[3].equals("admin")
                && parts[4].equals("contacts")) {
            verdict = limits.location(parts[5]);
        }
        return switch (verdict) {
            case RequestLimits.Verdict.Allowed a -> null;
            case RequestLimits.Verdict.Limited l -> Answers.error(inbox.json(), 429, "rate_limited", null,
                    "too many requests; try again in " + l.retryAfterSeconds() + " s")
                    .header("Retry-After", Long.toString(l.retryAfterSeconds()));
        };
    }
}
