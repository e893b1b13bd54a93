package com.jorge.platform.perf.bots;

import com.jorge.platform.understanding.EvaluateCorpus;
import com.jorge.platform.understanding.LabelledMessage;
import com.jorge.platform.understanding.LeadMessageUnderstander;
import com.jorge.platform.understanding.LeadSide;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The thread CPU time of {@code understand()} (patterns + MiniLM) per message over the corpus parts the
 * rules were developed against and the older held-out parts: two warm-up passes, then five measured. CPU
 * time, not wall time, so that comparing two builds on a machine shared with other builds says something
 * (JMH's wall-clock percentiles there mostly measure the load). Prints one line:
 * {@code messages=... samples=... cpuMicrosP50=... cpuMicrosP90=... cpuMicrosP99=... cpuMicrosMean=...}.
 */
public final class UnderstandCpuTime {

    private static final int WARM_UP_PASSES = 2;
    private static final int PASSES = 5;

    private UnderstandCpuTime() {
    }

    public static void main(String[] args) {
        List<String> texts = new ArrayList<>();
        for (String part : List.of(EvaluateCorpus.TUNING, EvaluateCorpus.HELD_OUT, EvaluateCorpus.TUNING_METROS,
                EvaluateCorpus.HELD_OUT_METROS, EvaluateCorpus.HELD_OUT_2)) {
            LabelledMessage.load(part).forEach(m -> texts.add(m.text()));
        }
        LeadMessageUnderstander understander = LeadMessageUnderstander.load(EvaluateCorpus.CORPUS_CLOCK);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
            texts.forEach(t -> understander.understand(t, LeadSide.UNKNOWN));
        }
        long[] nanos = new long[texts.size() * PASSES];
        int k = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            for (String t : texts) {
                long start = threads.getCurrentThreadCpuTime();
                understander.understand(t, LeadSide.UNKNOWN);
                nanos[k++] = threads.getCurrentThreadCpuTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("messages=%d samples=%d cpuMicrosP50=%.1f cpuMicrosP90=%.1f cpuMicrosP99=%.1f cpuMicrosMean=%.1f%n",
                texts.size(), nanos.length, at(nanos, 0.50), at(nanos, 0.90), at(nanos, 0.99),
                Arrays.stream(nanos).average().orElse(0) / 1_000);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1_000.0;
    }
}
