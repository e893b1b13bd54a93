package com.jorge.platform.perf.inference;

import com.jorge.platform.inference.batching.BatchingPolicy;
import com.jorge.platform.inference.metrics.InferenceMetrics;
import com.jorge.platform.inference.model.OnnxSessionFactory;
import com.jorge.platform.inference.registry.LocalFolderModelRepository;
import com.jorge.platform.inference.serving.LoadedVersion;
import com.jorge.platform.inference.serving.ModelLoader;
import com.jorge.platform.inference.tensor.Datatype;
import com.jorge.platform.inference.tensor.Tensor;
import com.jorge.platform.models.features.LeadFeatureEncoder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dynamic batcher alone (no HTTP) at saturation: 64 callers each queue one lead row and wait,
 * with batching on (max 64 rows, 200 µs) and off (every request its own run), one worker.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Threads(64)
public class BatcherSaturationBenchmark {

    @Param({"true", "false"})
    public boolean dynamicBatching;

    private LoadedVersion version;

    @State(Scope.Thread)
    public static class Row {
        Tensor input;

        @Setup(Level.Trial)
        public void make() {
            float[] row = LeadRows.encoded(1, Thread.currentThread().threadId());
            input = new Tensor("features", Datatype.FP32, new long[]{1, LeadFeatureEncoder.FEATURE_COUNT}, row);
        }
    }

    @Setup(Level.Trial)
    public void load() throws Exception {
        var policy = new BatchingPolicy(dynamicBatching, 64, 200, 4096, 1, 1);
        version = new ModelLoader(OnnxSessionFactory.cpu(), new InferenceMetrics()).load(
                new LocalFolderModelRepository(Path.of(System.getProperty("registry", "models/artifacts"))),
                "lead-score", System.getProperty("version", "1"), policy);
    }

    @TearDown(Level.Trial)
    public void close() {
        version.retire();
    }

    /** requests/s, each one lead row. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<Tensor> oneRowRequest(Row row) throws Exception {
        return version.batcher().submit(List.of(row.input), 1).get();
    }
}
