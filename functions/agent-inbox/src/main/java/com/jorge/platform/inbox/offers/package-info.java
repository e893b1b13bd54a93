/**
 * Hand-off offers: the workflow's offers as they arrive ({@code OfferNotices}), stored once per task token
 * ({@code OfferRepository}), the notice to the person through GHL ({@code AgentNotices}), and the person's
 * answer, given to the workflow by the service ({@code OfferDecisions} over {@code WorkflowTasks}).
 */
package com.jorge.platform.inbox.offers;
