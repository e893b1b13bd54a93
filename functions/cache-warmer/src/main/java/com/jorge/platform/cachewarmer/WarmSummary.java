package com.jorge.platform.cachewarmer;

/**
 * What one run did, leads and (with WARMER_BI_REPORTS) locations' BI reports together.
 * {@code considered = warmed + alreadyWarm + skipped}; skipped covers leads past a
 * budget, leads that became ineligible or had nothing to cache, and leads whose fresh copy was retracted
 * because they changed while being warmed ({@code retracted} of them), and leads ranked under the
 * minimum chance.
 *
 * @param bytes the keys and values of the leads kept warm (what the byte budget counts)
 */
public record WarmSummary(int considered, int warmed, int alreadyWarm, int skipped, int retracted, long bytes,
                          long elapsedMillis, StopReason stoppedBy) {

    public enum StopReason {
        /** every ranked lead was handled */
        COMPLETED,
        /** WARMER_MAX_LEADS reached; lower-ranked leads were skipped */
        LEAD_BUDGET,
        /** WARMER_MAX_BYTES reached */
        BYTE_BUDGET,
        /** the time budget ran out before the Lambda timeout */
        TIME_BUDGET,
        /** Redis' slowest master answered PING slower than WARMER_BACKOFF_LATENCY_MS on average: the worker goes first */
        REDIS_LATENCY,
        /** a Redis master used more than WARMER_BACKOFF_CPU_PERCENT of a core between two batches */
        REDIS_CPU
    }
}
