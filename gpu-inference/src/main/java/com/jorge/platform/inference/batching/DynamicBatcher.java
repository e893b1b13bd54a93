package com.jorge.platform.inference.batching;

import com.jorge.platform.inference.model.ServableModel;
import com.jorge.platform.inference.protocol.InferenceException.Overloaded;
import com.jorge.platform.inference.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triton-style dynamic batching for one model version: requests wait in a bounded queue; a worker
 * takes the oldest and keeps adding queued requests until {@code max_batch_size} rows or until the
 * oldest has waited {@code max_queue_delay}, runs them as one batch and splits the outputs back.
 * A full queue refuses new requests at once (429) instead of growing.
 */
public final class DynamicBatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DynamicBatcher.class);
    private static final long IDLE_POLL_MILLIS = 50;

    /** The batcher was retired (hot swap) before this request got in: route it again. */
    public static final class Retired extends RuntimeException {
        Retired() {
            super("model version retired", null, false, false);
        }
    }

    private record Pending(List<Tensor> inputs, int rows, long enqueuedNanos, CompletableFuture<List<Tensor>> result) {
    }

    private final ServableModel model;
    private final BatchingPolicy policy;
    private final BatchObserver observer;
    private final ArrayBlockingQueue<Pending> queue;
    private final ReentrantReadWriteLock closing = new ReentrantReadWriteLock();
    private final CountDownLatch stopped;
    private volatile boolean closed;

    public DynamicBatcher(ServableModel model, BatchingPolicy policy, BatchObserver observer) {
        this.model = model;
        this.policy = model.batchable() ? policy : policy.withDynamicBatching(false);
        this.observer = observer;
        this.queue = new ArrayBlockingQueue<>(policy.maxQueueSize());
        this.stopped = new CountDownLatch(policy.instances());
        for (int i = 0; i < policy.instances(); i++) {
            Thread.ofPlatform().daemon().name("batcher-" + model.name() + "-" + model.version() + "-" + i).start(this::work);
        }
    }

    public ServableModel model() {
        return model;
    }

    public BatchingPolicy policy() {
        return policy;
    }

    public int queuedRequests() {
        return queue.size();
    }

    /**
     * Queues validated inputs of {@code rows} rows.
     *
     * @throws Overloaded when the queue is full
     * @throws Retired    when this version was retired meanwhile
     */
    public CompletableFuture<List<Tensor>> submit(List<Tensor> inputs, int rows) {
        CompletableFuture<List<Tensor>> result = new CompletableFuture<>();
        var read = closing.readLock();
        read.lock();
        try {
            if (closed) {
                throw new Retired();
            }
            if (!queue.offer(new Pending(inputs, rows, System.nanoTime(), result))) {
                observer.rejected();
                throw new Overloaded("model " + model.name() + " version " + model.version() + " has "
                        + policy.maxQueueSize() + " requests queued; retry later", 1);
            }
        } finally {
            read.unlock();
        }
        return result;
    }

    private void work() {
        List<Pending> batch = new ArrayList<>();
        Pending carry = null;
        try {
            while (true) {
                Pending first = carry != null ? carry : queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                carry = null;
                if (first == null) {
                    if (!closed) {
                        continue;
                    }
                    first = queue.poll(); // a request that got in just before the close
                    if (first == null) {
                        return;
                    }
                }
                batch.add(first);
                int rows = first.rows();
                if (policy.dynamicBatching()) {
                    long deadline = first.enqueuedNanos() + TimeUnit.MICROSECONDS.toNanos(policy.maxQueueDelayMicros());
                    while (rows < policy.maxBatchSize()) {
                        Pending next = queue.poll();
                        if (next == null) {
                            long wait = deadline - System.nanoTime();
                            if (wait <= 0 || (next = queue.poll(wait, TimeUnit.NANOSECONDS)) == null) {
                                break;
                            }
                        }
                        if (rows + next.rows() > policy.maxBatchSize()) {
                            carry = next; // opens the next batch
                            break;
                        }
                        batch.add(next);
                        rows += next.rows();
                    }
                }
                run(batch, rows);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    private void run(List<Pending> batch, int rows) {
        long start = System.nanoTime();
        for (Pending p : batch) {
            observer.queued(start - p.enqueuedNanos());
        }
        List<Tensor> outputs;
        try {
            outputs = model.infer(stack(batch));
        } catch (Exception | LinkageError e) {
            log.error("model {}/{} failed on a batch of {} rows", model.name(), model.version(), rows, e);
            for (Pending p : batch) {
                p.result().completeExceptionally(e);
            }
            return;
        }
        observer.batch(rows, batch.size(), System.nanoTime() - start);
        int offset = 0;
        for (Pending p : batch) {
            List<Tensor> mine = new ArrayList<>(outputs.size());
            for (Tensor t : outputs) {
                mine.add(t.sliceRows(offset, p.rows()));
            }
            offset += p.rows();
            p.result().complete(mine);
        }
    }

    private static List<Tensor> stack(List<Pending> batch) {
        if (batch.size() == 1) {
            return batch.getFirst().inputs();
        }
        int inputs = batch.getFirst().inputs().size();
        List<Tensor> stacked = new ArrayList<>(inputs);
        for (int i = 0; i < inputs; i++) {
            List<Tensor> parts = new ArrayList<>(batch.size());
            for (Pending p : batch) {
                parts.add(p.inputs().get(i));
            }
            stacked.add(Tensor.concatRows(parts));
        }
        return stacked;
    }

    /** Refuses new requests, runs every queued one, then stops the workers (the model stays open). */
    @Override
    public void close() {
        var write = closing.writeLock();
        write.lock();
        try {
            closed = true;
        } finally {
            write.unlock();
        }
        try {
            if (!stopped.await(30, TimeUnit.SECONDS)) {
                log.warn("batcher for {}/{} still busy after 30 s", model.name(), model.version());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
