package com.jorge.platform.inbox.web;

import com.jorge.platform.inbox.Inbox;
import com.jorge.platform.inbox.auth.Caller;
import com.jorge.platform.inbox.reengagement.ReEngagementRequest;
import com.jorge.platform.inbox.reengagement.ReEngagements;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;

/**
 * A location's bulk re-engagement, {@code POST /inbox/api/locations/{locationId}/reengagements} (team leads and
 * admins of the location): a dry run previews the leads, the approval rule it meets and the texts; otherwise the
 * batch is queued (202) or waits for its approval (202, {@code awaiting_approval}). The role and location are
 * checked before the body is read.
 */
@Controller("/inbox/api/locations/{locationId}/reengagements")
public final class ReEngagementsController {

    private static final String AUTH = "Authorization";
    private final Inbox inbox;

    public ReEngagementsController(Inbox inbox) {
        this.inbox = inbox;
    }

    @Post(consumes = MediaType.ALL)
    public HttpResponse<String> request(@Header(AUTH) @Nullable String auth, @PathVariable String locationId,
                                        @Body @Nullable String body) {
        Caller caller = inbox.callers().of(auth);
        inbox.reEngagements().authorize(caller, locationId);
        ReEngagements.Answer answer = inbox.reEngagements().request(caller, locationId,
                ReEngagementRequest.parse(inbox.json(), body));
        return Answers.json(inbox.json(), answer.status(), answer.body());
    }
}
