package com.jorge.platform.inbox.web;

import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.inbox.Inbox;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;

import java.util.Map;

/**
 * A contact's GDPR export ({@code GET …/export?reason=}) and erasure ({@code POST …/erase {"reason"}}) for
 * admins, under {@code /inbox/api/admin}: behind the same JWT authorizer and the same token check as every
 * inbox route.
 */
@Controller("/inbox/api/admin/contacts/{locationId}/{contactId}")
public final class AdminController {

    private static final String AUTH = "Authorization";
    private final Inbox inbox;

    public AdminController(Inbox inbox) {
        this.inbox = inbox;
    }

    @Get("/export")
    public HttpResponse<String> export(@Header(AUTH) @Nullable String auth, @PathVariable String locationId,
                                       @PathVariable String contactId, @QueryValue @Nullable String reason) {
        var caller = inbox.callers().of(auth);
        return Answers.json(inbox.json(), 200,
                Map.of("export", inbox.contacts().export(caller, new LeadRef(locationId, contactId), () -> reason)));
    }

    @Post(value = "/erase", consumes = MediaType.ALL)
    public HttpResponse<String> erase(@Header(AUTH) @Nullable String auth, @PathVariable String locationId,
                                      @PathVariable String contactId, @Body @Nullable String body) {
        var caller = inbox.callers().of(auth);
        String reason = JsonBodies.textField(inbox.json(), body, "reason");
        return Answers.json(inbox.json(), 200,
                Map.of("erasure", inbox.contacts().erase(caller, new LeadRef(locationId, contactId), () -> reason)));
    }
}
