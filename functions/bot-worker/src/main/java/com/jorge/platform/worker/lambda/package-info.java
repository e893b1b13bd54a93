/**
 * The worker's Lambda entry points ({@code BotWorkerHandler} on the queue, {@code DueReplyHandler} on a
 * schedule, {@code DlqReplayHandler} for ops) and its composition root {@code WorkerFunction}, which
 * builds the object graph from {@code PlatformConfig} once per container.
 */
package com.jorge.platform.worker.lambda;
