import ai.onnxruntime.*;
import java.nio.file.*;
import java.util.*;

/** Runs an ONNX BERT on token-id lines (one message per line, ids separated by spaces) with ONNX Runtime, one intra-op
 * thread. Mode "embed": prints the first six dimensions of each mean-pooled, normalised embedding (all-MiniLM-L6-v2 check).
 * Mode "probs": prints the output row of a fine-tuned reader exported by export_onnx.py.
 * Mode "time": prints median and p99 ms of one session.run per message (input_ids, attention_mask -> output 0).
 * Runs on a thread with a large stack, as MiniLmEmbeddings does (ONNX Runtime crashes the JVM on the main thread's). */
public class OrtCheck {
  public static void main(String[] a) throws Exception {
    Throwable[] failed = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try { run(a); } catch (Throwable e) { failed[0] = e; }
    }, "ort", 256L << 20);
    t.start();
    t.join();
    if (failed[0] != null) throw new RuntimeException(failed[0]);
  }

  static void run(String[] a) throws Exception {
    var env = OrtEnvironment.getEnvironment();
    var opts = new OrtSession.SessionOptions();
    opts.setIntraOpNumThreads(1);
    opts.setInterOpNumThreads(1);
    opts.addConfigEntry("session.intra_op.allow_spinning", "0");
    opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    var session = env.createSession(a[1], opts);
    var names = session.getInputNames();
    List<long[]> msgs = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(a[2]))) {
      msgs.add(Arrays.stream(line.trim().split(" ")).mapToLong(Long::parseLong).toArray());
    }
    List<Double> ms = new ArrayList<>();
    int rounds = a[0].equals("time") ? 3 : 1;
    for (int r = 0; r < rounds; r++) {
      for (long[] ids : msgs) {
        long[] mask = new long[ids.length];
        Arrays.fill(mask, 1);
        long t0 = System.nanoTime();
        Map<String, OnnxTensor> in = new HashMap<>();
        in.put("input_ids", OnnxTensor.createTensor(env, new long[][] {ids}));
        in.put("attention_mask", OnnxTensor.createTensor(env, new long[][] {mask}));
        if (names.contains("token_type_ids")) in.put("token_type_ids", OnnxTensor.createTensor(env, new long[][] {new long[ids.length]}));
        try (var out = session.run(in)) {
          Object v = out.get(0).getValue();
          if (a[0].equals("probs")) {
            StringBuilder sb = new StringBuilder();
            for (float p : ((float[][]) v)[0]) sb.append(String.format(Locale.ROOT, " %.5f", p));
            System.out.println(sb);
          }
          if (a[0].equals("embed")) {
            float[][] h = ((float[][][]) v)[0];
            double[] e = new double[h[0].length];
            for (float[] row : h) for (int j = 0; j < e.length; j++) e[j] += row[j] / h.length;
            double n = Math.sqrt(Arrays.stream(e).map(x -> x * x).sum());
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < 6; j++) sb.append(String.format(Locale.ROOT, " %.5f", e[j] / n));
            System.out.println(sb);
          }
        }
        in.values().forEach(OnnxTensor::close);
        if (r > 0) ms.add((System.nanoTime() - t0) / 1e6);
      }
    }
    if (!ms.isEmpty()) {
      Collections.sort(ms);
      System.out.printf(Locale.ROOT, "onnxruntime java, 1 thread, %d runs: median %.2f ms, p90 %.2f ms, p99 %.2f ms%n", ms.size(),
          ms.get(ms.size() / 2), ms.get((int) (0.90 * ms.size())), ms.get((int) (0.99 * ms.size())));
    }
  }
}
