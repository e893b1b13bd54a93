package com.jorge.platform.inbox.web;

import com.jorge.platform.inbox.Inbox;
import com.jorge.platform.inbox.auth.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;

import java.util.Map;

/** Pending approvals under {@code /inbox/api/approvals}: approve, reject with a reason, reassign. */
@Controller("/inbox/api/approvals")
public final class ApprovalsController {

    private static final String AUTH = "Authorization";
    private final Inbox inbox;

    public ApprovalsController(Inbox inbox) {
        this.inbox = inbox;
    }

    @Get
    public HttpResponse<String> pending(@Header(AUTH) @Nullable String auth) {
        Caller caller = inbox.callers().of(auth);
        return Answers.json(inbox.json(), 200, Map.of("approvals", inbox.approvals().pending(caller)));
    }

    @Post(value = "/{approvalId}/approve", consumes = MediaType.ALL)
    public HttpResponse<String> approve(@Header(AUTH) @Nullable String auth, @PathVariable String approvalId) {
        Caller caller = inbox.callers().of(auth);
        return Answers.json(inbox.json(), 200, Map.of("approval", inbox.approvals().approve(caller, approvalId)));
    }

    @Post(value = "/{approvalId}/reject", consumes = MediaType.ALL)
    public HttpResponse<String> reject(@Header(AUTH) @Nullable String auth, @PathVariable String approvalId,
                                       @Body @Nullable String body) {
        Caller caller = inbox.callers().of(auth);
        return Answers.json(inbox.json(), 200, Map.of("approval",
                inbox.approvals().reject(caller, approvalId, textField(body, "reason"))));
    }

    @Post(value = "/{approvalId}/reassign", consumes = MediaType.ALL)
    public HttpResponse<String> reassign(@Header(AUTH) @Nullable String auth, @PathVariable String approvalId,
                                         @Body @Nullable String body) {
        Caller caller = inbox.callers().of(auth);
        return Answers.json(inbox.json(), 200, Map.of("approval",
                inbox.approvals().reassign(caller, approvalId, textField(body, "ghlUserId"))));
    }

    private String textField(String body, String field) {
        return JsonBodies.textField(inbox.json(), body, field);
    }
}
