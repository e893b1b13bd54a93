package com.jorge.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.inbox.admin.ContactRequests;
import com.jorge.platform.inbox.approvals.ApprovalDecisions;
import com.jorge.platform.inbox.auth.Callers;
import com.jorge.platform.limits.RequestLimits;
import com.jorge.platform.inbox.leads.LeadDesk;
import com.jorge.platform.inbox.offers.OfferDecisions;
import com.jorge.platform.inbox.reengagement.ReEngagements;

/**
 * What the inbox's routes call, built once by {@link InboxFunction} (or a test) and handed to Micronaut
 * as a singleton: the controllers stay thin and the domain knows nothing of HTTP. {@code limits} is null
 * without Redis.
 */
public record Inbox(Callers callers, OfferDecisions offers, ApprovalDecisions approvals, LeadDesk leads, ContactRequests contacts,
                    ReEngagements reEngagements, PageSettings page, RequestLimits limits,
                    ObjectMapper json) {

    /** What the page needs to log a person in: the Cognito InitiateAuth endpoint and the app client. */
    public record PageSettings(String authEndpoint, String clientId) {}
}
