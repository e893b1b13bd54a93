package com.jorge.platform.inbox.offers;

/**
 * Answers a workflow's task token (the hand-off offer's, an approval's). The service answers it on the
 * person's behalf; nobody else ever sees the token.
 */
public interface WorkflowTasks {

    enum Answer {
        /** The workflow took the answer. */
        DELIVERED,
        /** The workflow no longer waits for it (timed out, answered before, or stopped). */
        GONE
    }

    Answer succeed(String taskToken, String outputJson);

    Answer fail(String taskToken, String error, String cause);
}
