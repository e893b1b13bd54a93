package com.jorge.platform.perf.inference;

import com.jorge.platform.inference.batching.BatchingPolicy;
import com.jorge.platform.inference.metrics.InferenceMetrics;
import com.jorge.platform.inference.model.OnnxSessionFactory;
import com.jorge.platform.inference.model.SentenceEmbeddingModel;
import com.jorge.platform.inference.model.ServableModel;
import com.jorge.platform.inference.registry.LocalFolderModelRepository;
import com.jorge.platform.inference.serving.ModelLoader;
import com.jorge.platform.inference.tensor.Datatype;
import com.jorge.platform.inference.tensor.Tensor;
import com.jorge.platform.models.features.LeadFeatureEncoder;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one model run costs in CPU, by batch size, with the service's own session settings: the fixed
 * cost of a run against the cost of a row is the floor under what batching can win. CPU time (the
 * process's, so ONNX Runtime's own threads count) rather than wall time, so other processes on the
 * machine slow it down without changing the figure much.
 *
 * <pre>java ... ModelCostProbe [lead|embedding] [SECONDS_PER_SIZE]</pre>
 */
public final class ModelCostProbe {

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "lead";
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        OnnxSessionFactory sessions = OnnxSessionFactory.cpu();
        ServableModel model;
        int[] sizes;
        if (which.equals("lead")) {
            model = new ModelLoader(sessions, new InferenceMetrics()).load(new LocalFolderModelRepository(Path.of("models/artifacts")),
                    "lead-score", "1", BatchingPolicy.defaults()).model();
            sizes = new int[]{1, 2, 4, 8, 16, 32, 64};
        } else {
            model = SentenceEmbeddingModel.load(sessions, "1", Integer.getInteger("intra", 0));
            sizes = new int[]{1, 2, 4, 8, 16, 32};
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT and ONNX Runtime up
            for (int n : sizes) {
                List<Tensor> input = input(which, n);
                long wallEnd = System.nanoTime() + (long) (seconds * (pass == 0 ? 0.3 : 1) * 1e9);
                long cpu0 = os.getProcessCpuTime();
                long wall0 = System.nanoTime();
                long runs = 0;
                while (System.nanoTime() < wallEnd) {
                    model.infer(input);
                    runs++;
                }
                long cpu = os.getProcessCpuTime() - cpu0;
                long wall = System.nanoTime() - wall0;
                if (pass == 1) {
                    System.out.printf(Locale.ROOT, "RESULT model %s rows=%d runs=%d cpu_us_per_run=%.1f cpu_us_per_row=%.2f wall_us_per_run=%.1f%n",
                            which, n, runs, cpu / 1e3 / runs, cpu / 1e3 / runs / n, wall / 1e3 / runs);
                }
            }
        }
        model.close();
    }

    private static List<Tensor> input(String which, int n) {
        if (which.equals("lead")) {
            return List.of(new Tensor("features", Datatype.FP32, new long[]{n, LeadFeatureEncoder.FEATURE_COUNT}, LeadRows.encoded(n, 11)));
        }
        String[] texts = new String[n];
        Arrays.fill(texts, EmbeddingBenchmark.QUERIES[0]);
        return List.of(new Tensor(SentenceEmbeddingModel.INPUT, Datatype.BYTES, new long[]{n}, texts));
    }
}
