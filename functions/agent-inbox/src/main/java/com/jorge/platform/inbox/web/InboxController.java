package com.jorge.platform.inbox.web;

import com.jorge.platform.conversation.LeadRef;
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

/**
 * The inbox's API under {@code /inbox/api}. Every route resolves the caller from the bearer token first;
 * bodies are read as text and parsed by {@link JsonBodies}.
 */
@Controller("/inbox/api")
public final class InboxController {

    private static final String AUTH = "Authorization";
    private final Inbox inbox;

    public InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @Get("/me")
    public HttpResponse<String> me(@Header(AUTH) @Nullable String auth) {
        Caller caller = inbox.callers().of(auth);
        return json(Map.of("subject", caller.subject(), "role", caller.role().group(),
                "locations", caller.memberships().values().stream()
                        .map(m -> Map.of("locationId", m.locationId(), "ghlUserId", m.ghlUserId())).toList()));
    }

    @Get("/offers")
    public HttpResponse<String> offers(@Header(AUTH) @Nullable String auth) {
        Caller caller = inbox.callers().of(auth);
        return json(Map.of("offers", inbox.offers().pending(caller)));
    }

    @Post(value = "/offers/{offerId}/accept", consumes = MediaType.ALL)
    public HttpResponse<String> accept(@Header(AUTH) @Nullable String auth, @PathVariable String offerId) {
        Caller caller = inbox.callers().of(auth);
        return json(Map.of("offer", inbox.offers().accept(caller, offerId)));
    }

    @Post(value = "/offers/{offerId}/decline", consumes = MediaType.ALL)
    public HttpResponse<String> decline(@Header(AUTH) @Nullable String auth, @PathVariable String offerId,
                                        @Body @Nullable String body) {
        Caller caller = inbox.callers().of(auth);
        return json(Map.of("offer", inbox.offers().decline(caller, offerId, textField(body, "reason"))));
    }

    @Get("/leads/{locationId}/{contactId}")
    public HttpResponse<String> lead(@Header(AUTH) @Nullable String auth, @PathVariable String locationId,
                                     @PathVariable String contactId) {
        Caller caller = inbox.callers().of(auth);
        return json(Map.of("lead", inbox.leads().view(caller, new LeadRef(locationId, contactId))));
    }

    @Post(value = "/leads/{locationId}/{contactId}/take-over", consumes = MediaType.ALL)
    public HttpResponse<String> takeOver(@Header(AUTH) @Nullable String auth, @PathVariable String locationId,
                                         @PathVariable String contactId) {
        Caller caller = inbox.callers().of(auth);
        return json(Map.of("lead", inbox.leads().takeOver(caller, new LeadRef(locationId, contactId))));
    }

    @Post(value = "/leads/{locationId}/{contactId}/give-back", consumes = MediaType.ALL)
    public HttpResponse<String> giveBack(@Header(AUTH) @Nullable String auth, @PathVariable String locationId,
                                         @PathVariable String contactId) {
        Caller caller = inbox.callers().of(auth);
        return json(Map.of("lead", inbox.leads().giveBack(caller, new LeadRef(locationId, contactId))));
    }

    private String textField(String body, String field) {
        return JsonBodies.textField(inbox.json(), body, field);
    }

    private HttpResponse<String> json(Object body) {
        return Answers.json(inbox.json(), 200, body);
    }
}
