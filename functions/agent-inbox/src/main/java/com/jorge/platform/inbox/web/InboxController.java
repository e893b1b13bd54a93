package com.jorge.platform.inbox.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.inbox.Inbox;
import com.jorge.platform.inbox.Refused;
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

import java.util.List;
import java.util.Map;

/**
 * The inbox's API under {@code /inbox/api}. Every route resolves the caller from the bearer token first;
 * bodies are read as text and parsed here, so a hostile body gets our 400 naming the field.
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

    /** A string field of a JSON object body; 400 naming the field for anything else. */
    private String textField(String body, String field) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : inbox.json().readTree(body);
        } catch (JsonProcessingException | RuntimeException e) {
            throw Refused.invalid("$", "the body is not JSON");
        }
        if (root == null || !root.isObject()) throw Refused.invalid("$", "the body must be a JSON object");
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw Refused.invalid(field, field + " must be a string");
        return value.asText();
    }

    private HttpResponse<String> json(Object body) {
        return Answers.json(inbox.json(), 200, body);
    }

    static List<String> routes() {
        return List.of("GET /inbox/api/me", "GET /inbox/api/offers", "POST /inbox/api/offers/{id}/accept",
                "POST /inbox/api/offers/{id}/decline", "GET /inbox/api/leads/{location}/{contact}",
                "POST /inbox/api/leads/{location}/{contact}/take-over", "POST /inbox/api/leads/{location}/{contact}/give-back");
    }
}
