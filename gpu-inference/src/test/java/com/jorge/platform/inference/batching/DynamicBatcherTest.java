package com.jorge.platform.inference.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.jorge.platform.inference.TinyOnnxModels;
import com.jorge.platform.inference.model.OnnxSessionFactory;
import com.jorge.platform.inference.model.OnnxTensorModel;
import com.jorge.platform.inference.protocol.InferenceException.Overloaded;
import com.jorge.platform.inference.tensor.Datatype;
import com.jorge.platform.inference.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DynamicBatcherTest {

    private static final float[] W = {0.5f, -1.25f, 2f};
    private static final float B = 0.1f;
    private final OnnxSessionFactory sessions = OnnxSessionFactory.cpu();

    private OnnxTensorModel model(byte[] onnx) throws Exception {
        return new OnnxTensorModel("m", "1", sessions.environment(), sessions.open(onnx, 1), true);
    }

    private static Tensor rows(int n, int seed) {
        float[] data = new float[n * W.length];
        for (int i = 0; i < data.length; i++) {
            data[i] = ((i * 31 + seed * 17) % 13) / 7f - 0.9f;
        }
        return new Tensor("features", Datatype.FP32, new long[]{n, W.length}, data);
    }

    /** Records every batch the worker ran. */
    private static final class Recorder implements BatchObserver {
        final ConcurrentLinkedQueue<int[]> batches = new ConcurrentLinkedQueue<>();
        volatile int rejected;

        @Override
        public void queued(long queueNanos) {
        }

        @Override
        public void batch(int rows, int requests, long runNanos) {
            batches.add(new int[]{rows, requests});
        }

        @Override
        public void rejected() {
            rejected++;
        }
    }

    @Test
    void concurrentRequestsShareBatchesAndEachGetsItsOwnRows() throws Exception {
        Recorder recorder = new Recorder();
        var policy = new BatchingPolicy(true, 16, 20_000, 1000, 1, 1);
        try (OnnxTensorModel m = model(TinyOnnxModels.logistic(W, B));
             DynamicBatcher batcher = new DynamicBatcher(m, policy, recorder)) {
            int requests = 64;
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<List<Tensor>>> results = new ArrayList<>();
            List<Tensor> inputs = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int r = 0; r < requests; r++) {
                Tensor in = rows(1 + r % 3, r);
                inputs.add(in);
                CompletableFuture<List<Tensor>> f = new CompletableFuture<>();
                results.add(f);
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        go.await();
                        batcher.submit(List.of(in), in.rows()).whenComplete((v, e) -> {
                            if (e != null) f.completeExceptionally(e); else f.complete(v);
                        });
                    } catch (InterruptedException e) {
                        f.completeExceptionally(e);
                    }
                }));
            }
            go.countDown();
            for (int r = 0; r < requests; r++) {
                Tensor out = results.get(r).get(10, TimeUnit.SECONDS).getFirst();
                Tensor in = inputs.get(r);
                assertThat(out.shape()).containsExactly(in.rows(), 1);
                float[] x = (float[]) in.data();
                for (int row = 0; row < in.rows(); row++) {
                    float[] one = java.util.Arrays.copyOfRange(x, row * W.length, (row + 1) * W.length);
                    assertThat(((float[]) out.data())[row]).isCloseTo((float) TinyOnnxModels.expected(W, B, one), within(1e-5f));
                }
            }
            assertThat(recorder.batches).allSatisfy(b -> assertThat(b[0]).isLessThanOrEqualTo(16));
            assertThat(recorder.batches.stream().mapToInt(b -> b[1]).sum()).isEqualTo(requests);
            assertThat(recorder.batches.stream().mapToInt(b -> b[1]).max().orElseThrow())
                    .as("with a 20 ms window concurrent requests must share a batch").isGreaterThan(1);
        }
    }

    @Test
    void withoutDynamicBatchingEveryRequestRunsAlone() throws Exception {
        Recorder recorder = new Recorder();
        var policy = new BatchingPolicy(false, 16, 20_000, 1000, 1, 1);
        try (OnnxTensorModel m = model(TinyOnnxModels.logistic(W, B));
             DynamicBatcher batcher = new DynamicBatcher(m, policy, recorder)) {
            List<CompletableFuture<List<Tensor>>> all = new ArrayList<>();
            for (int r = 0; r < 20; r++) {
                all.add(batcher.submit(List.of(rows(2, r)), 2));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(recorder.batches).hasSize(20).allSatisfy(b -> assertThat(b).containsExactly(2, 1));
        }
    }

    @Test
    void aFullQueueRefusesAtOnceAndCloseStillAnswersWhatWasQueued() throws Exception {
        Recorder recorder = new Recorder();
        int n = 512;
        var policy = new BatchingPolicy(false, 256, 0, 2, 1, 1);
        try (OnnxTensorModel m = model(TinyOnnxModels.slow(n))) {
            DynamicBatcher batcher = new DynamicBatcher(m, policy, recorder);
            Tensor big = new Tensor("features", Datatype.FP32, new long[]{256, n}, new float[256 * n]);
            List<CompletableFuture<List<Tensor>>> accepted = new ArrayList<>();
            int refused = 0;
            for (int i = 0; i < 20; i++) {
                try {
                    accepted.add(batcher.submit(List.of(big), 256));
                } catch (Overloaded e) {
                    refused++;
                    assertThat(e.retryAfterSeconds()).isPositive();
                }
            }
            assertThat(refused).isGreaterThan(0);
            assertThat(recorder.rejected).isEqualTo(refused);
            assertThat(accepted.size()).isLessThanOrEqualTo(3); // one running, two queued
            batcher.close();
            for (var f : accepted) {
                assertThat(f).isCompleted();
                assertThat(f.get().getFirst().shape()).containsExactly(256, 1);
            }
            assertThatThrownBy(() -> batcher.submit(List.of(big), 256)).isInstanceOf(DynamicBatcher.Retired.class);
        }
    }
}
