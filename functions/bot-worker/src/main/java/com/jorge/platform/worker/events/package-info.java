/**
 * GHL events, decided exactly once: {@code LeadEventProcessor} claims the webhookId and stores the
 * decision in one transaction, then delivers it. {@code LeadEventDecisions} hands each event kind to its
 * decider: the lead's texts to the bots ({@code InboundTurns}), a person's texts pause them
 * ({@code HumanReplies}), contact and deal events are record-keeping ({@code ContactRecords},
 * {@code DealRecords}). The sealed {@code EventDecision} says what was decided and what the cache needs.
 */
package com.jorge.platform.worker.events;
