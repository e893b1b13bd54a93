/**
 * λ bot-worker: the Jorge bots on the lead-events queue. {@link com.jorge.platform.worker.QueuedMessageRouter}
 * is the one door: a queued message is read once ({@code inbound}) and goes to GHL event decisions
 * ({@code events}) or the lead workflows' messages ({@code followup}, {@code handoff}, {@code approvals}); decisions are
 * delivered from the outbox ({@code delivery}). Lambda entry points and wiring live in {@code lambda}; every
 * action the worker writes to the audit chain is named in {@code audit}; the bots' lead score (the live model, or a
 * {@code model_version} experiment variant's version) and its {@code lead_scores} rows are in {@code scoring}.
 */
package com.jorge.platform.worker;
