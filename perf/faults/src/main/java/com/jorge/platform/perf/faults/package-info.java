/**
 * The load and fault harness: {@link com.jorge.platform.perf.faults.FaultHarness} runs each
 * {@code Scenario} ({@code ScenarioRun}: open-model load from {@code SimulatedLeads} through
 * {@code WebhookSender}, the fault injected and removed on the harness's own {@code OwnRedis} and
 * {@code OwnPostgres} or the fake GHL API), then {@code DeliveryAudit} decides what became of every
 * accepted webhook, {@code ScenarioTally} adds the per-phase figures, and {@code TextReport} /
 * {@code HtmlReport} show it.
 */
package com.jorge.platform.perf.faults;
