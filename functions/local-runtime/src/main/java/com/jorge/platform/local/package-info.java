/**
 * The platform on one machine: {@link LocalPlatform} hosts the functions' own handlers behind an HTTP gateway
 * ({@link LocalHttpGateway}), an in-process SQS FIFO queue ({@link LocalFifoQueue}) and the EventBridge schedules
 * ({@link LocalScheduler}), on PostgreSQL and Redis from {@link LocalServices}; {@link DemoConversations} plays
 * the demo leads.
 */
package com.jorge.platform.local;
