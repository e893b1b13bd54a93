package com.jorge.platform.inbox.web;

import com.jorge.platform.inbox.Inbox;
import com.jorge.platform.inbox.Refused;
import com.jorge.platform.inbox.auth.AccessDenied;
import com.jorge.platform.storage.ConcurrentUpdateException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure as the inbox's JSON error. Refusals carry their status; an unexpected failure is a 500
 * whose body says only that, and whose log line names the exception class, never the request.
 */
@Produces
@Singleton
@Requires(classes = ExceptionHandler.class)
public final class InboxErrors implements ExceptionHandler<Exception, HttpResponse<String>> {

    private static final Logger log = LoggerFactory.getLogger(InboxErrors.class);
    private final Inbox inbox;

    public InboxErrors(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public HttpResponse<String> handle(HttpRequest request, Exception exception) {
        return switch (exception) {
            case AccessDenied d -> {
                var answer = Answers.error(inbox.json(), d.status(), switch (d.status()) {
                    case 401 -> "unauthenticated";
                    case 403 -> "forbidden";
                    default -> "not_found";
                }, null, d.getMessage());
                if (d.status() == 401) answer.header("WWW-Authenticate", "Bearer");
                yield answer;
            }
            case Refused r -> {
                var answer = Answers.error(inbox.json(), r.status(), r.error(), r.field(), r.getMessage());
                if (r.status() == 503) answer.header("Retry-After", "30");
                yield answer;
            }
            case ConcurrentUpdateException c ->
                    Answers.error(inbox.json(), 409, "changed_meanwhile", null, "the lead changed meanwhile; try again");
            default -> {
                log.error("inbox request failed: {}", exception.getClass().getName());
                yield Answers.error(inbox.json(), 500, "internal_error", null, "the inbox could not answer; try again");
            }
        };
    }
}
