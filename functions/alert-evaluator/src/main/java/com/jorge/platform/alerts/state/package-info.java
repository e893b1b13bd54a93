/**
 * What the evaluator keeps between one-minute runs: each rule's alert state ({@link com.jorge.platform.alerts.state.AlertStateStore},
 * {@link com.jorge.platform.alerts.state.RedisAlertState}, in memory {@link com.jorge.platform.alerts.state.AlertLifecycle}) and the
 * streaming detector's memory ({@link com.jorge.platform.alerts.state.AnomalyMemoryStore},
 * {@link com.jorge.platform.alerts.state.RedisAnomalyMemory}); in Redis both change atomically (Lua), so overlapping runs send once.
 */
package com.jorge.platform.alerts.state;
