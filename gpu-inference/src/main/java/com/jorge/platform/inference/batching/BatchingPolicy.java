package com.jorge.platform.inference.batching;

/**
 * Per-model batching settings, named as in Triton's model configuration.
 *
 * @param dynamicBatching    stack queued requests into one run; off = each request runs alone
 * @param maxBatchSize       most rows in one run, and in one request
 * @param maxQueueDelayMicros how long the first request of a batch may wait for more
 * @param maxQueueSize       requests waiting beyond this are refused with 429 (bounded memory)
 * @param instances          worker threads running batches of this model concurrently
 * @param intraOpThreads     ONNX Runtime threads inside one run (0 = every core)
 */
public record BatchingPolicy(boolean dynamicBatching, int maxBatchSize, long maxQueueDelayMicros, int maxQueueSize,
                             int instances, int intraOpThreads) {

    public BatchingPolicy {
        require(maxBatchSize >= 1, "max_batch_size must be at least 1");
        require(maxQueueDelayMicros >= 0, "max_queue_delay_microseconds must not be negative");
        require(maxQueueSize >= 1, "max_queue_size must be at least 1");
        require(instances >= 1, "instances must be at least 1");
        require(intraOpThreads >= 0, "intra_op_threads must not be negative");
    }

    public static BatchingPolicy defaults() {
        return new BatchingPolicy(true, 64, 200, 4096, 1, 1);
    }

    public BatchingPolicy withDynamicBatching(boolean on) {
        return new BatchingPolicy(on, maxBatchSize, maxQueueDelayMicros, maxQueueSize, instances, intraOpThreads);
    }

    public BatchingPolicy withMaxBatchSize(int rows) {
        return new BatchingPolicy(dynamicBatching, rows, maxQueueDelayMicros, maxQueueSize, instances, intraOpThreads);
    }

    public BatchingPolicy withMaxQueueDelayMicros(long micros) {
        return new BatchingPolicy(dynamicBatching, maxBatchSize, micros, maxQueueSize, instances, intraOpThreads);
    }

    public BatchingPolicy withMaxQueueSize(int requests) {
        return new BatchingPolicy(dynamicBatching, maxBatchSize, maxQueueDelayMicros, requests, instances, intraOpThreads);
    }

    public BatchingPolicy withInstances(int workers) {
        return new BatchingPolicy(dynamicBatching, maxBatchSize, maxQueueDelayMicros, maxQueueSize, workers, intraOpThreads);
    }

    public BatchingPolicy withIntraOpThreads(int threads) {
        return new BatchingPolicy(dynamicBatching, maxBatchSize, maxQueueDelayMicros, maxQueueSize, instances, threads);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
