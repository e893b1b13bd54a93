/**
 * Bulk re-engagement of cold leads (issue 14): a batch a team lead or an admin asked for in the inbox (table
 * {@code reengagement_batches}, V85) is queued lead by lead on lead-events.fifo; {@link
 * com.jorge.platform.worker.reengagement.ReEngagementSends} checks each lead again and texts it through the outbox,
 * {@link com.jorge.platform.worker.reengagement.ReEngagementApprovals} starts a held batch's one approval and, on its
 * answer, queues its leads (approved) or cancels them (rejected, expired).
 */
package com.jorge.platform.worker.reengagement;
