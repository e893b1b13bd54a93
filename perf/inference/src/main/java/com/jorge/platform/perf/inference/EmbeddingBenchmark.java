package com.jorge.platform.perf.inference;

import com.jorge.platform.inference.model.OnnxSessionFactory;
import com.jorge.platform.inference.model.SentenceEmbeddingModel;
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

/** all-MiniLM-L6-v2 (quantized): one query's latency, and queries/s when 32 are batched. */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 3)
@Threads(1)
public class EmbeddingBenchmark {

    static final String[] QUERIES = {
            "three bedroom house with a pool near downtown",
            "looking to sell my condo in the next 3 months",
            "do you have anything under 450k with a garage",
            "we are pre-approved and want to move before school starts",
            "is the open house still on for saturday afternoon",
            "what are the HOA fees for the townhomes on Maple street",
            "how much could I get for my 2 bed 2 bath",
            "stop texting me",
    };

    @Param({"0"})
    public int intraOpThreads;

    private SentenceEmbeddingModel model;
    private String[] batch32;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        model = SentenceEmbeddingModel.load(OnnxSessionFactory.cpu(), "1", intraOpThreads);
        batch32 = new String[32];
        for (int i = 0; i < 32; i++) {
            batch32[i] = QUERIES[i % QUERIES.length];
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        model.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public float[] oneQuery() throws Exception {
        return model.embed(new String[]{QUERIES[next++ & 7]});
    }

    /** queries/s = ops/s x 32. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public float[] batchOf32() throws Exception {
        return model.embed(batch32);
    }
}
