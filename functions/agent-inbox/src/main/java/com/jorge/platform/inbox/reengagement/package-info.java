/**
 * Bulk re-engagement of a location's cold leads by a team lead or an admin (issue 14): the request and its
 * checks ({@link com.jorge.platform.inbox.reengagement.ReEngagementRequest}), the choice of leads
 * ({@link com.jorge.platform.inbox.reengagement.ColdLeads}), the preview texts
 * ({@link com.jorge.platform.inbox.reengagement.ReEngagementTexts}) and the batch, checked once against the
 * location's approval policy and queued for the bot worker ({@link com.jorge.platform.inbox.reengagement.ReEngagements}).
 */
package com.jorge.platform.inbox.reengagement;
