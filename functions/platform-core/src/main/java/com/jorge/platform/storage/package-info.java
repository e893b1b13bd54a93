/**
 * Aurora PostgreSQL, the system of record: the connection pool ({@link Database}), one-transaction units of work
 * ({@link Transactor}) and a repository per table group: conversations (optimistic versions), messages with the
 * reply outbox, the CRM action outbox, contacts, opportunities and appointments, webhook idempotency, the audit
 * log and the lead outcomes the score retrains on. The schema is Flyway's, in
 * {@code src/main/resources/db/migration}.
 */
package com.jorge.platform.storage;
