import ai.onnxruntime.*;
import java.io.*;
import java.nio.*;
import java.nio.file.*;
import java.util.*;

/** The small delta applied as the Java side would: the float all-MiniLM-L6-v2 of the langchain4j jar opened with
 * SessionOptions.addInitializer for every initializer the delta changes (MatMul weights merged W0 + scale * (B A)^T in
 * float32 from the fp16 adapters, W0 read from the ONNX file's own bytes: ONNX Runtime does not hand initializers out;
 * biases and LayerNorms replaced), then mean pooling of last_hidden_state and the head in plain Java.
 *   java DeltaCheck BASE.onnx DELTA.bin IDS.txt      prints the 18 probabilities per id line
 * DELTA.bin (delta.py bin): "MLD1", int32 count, then per tensor: int32 name length, UTF-8 name, int32 ndim, int32 dims,
 * fp16 values; little-endian. One intra-op thread; runs on a large-stack thread as MiniLmEmbeddings does. */
public class DeltaCheck {
  public static void main(String[] a) throws Exception {
    Throwable[] failed = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try { run(a); } catch (Throwable e) { failed[0] = e; }
    }, "ort", 256L << 20);
    t.start();
    t.join();
    if (failed[0] != null) throw new RuntimeException(failed[0]);
  }

  record Tensor(int[] dims, float[] v) {}

  static void run(String[] a) throws Exception {
    Map<String, Tensor> delta = readDelta(Path.of(a[1]));
    Map<String, Tensor> base = onnxInitializers(Files.readAllBytes(Path.of(a[0])));
    var env = OrtEnvironment.getEnvironment();
    var opts = new OrtSession.SessionOptions();
    opts.setIntraOpNumThreads(1);
    opts.setInterOpNumThreads(1);
    opts.addConfigEntry("session.intra_op.allow_spinning", "0");
    List<OnnxTensor> keep = new ArrayList<>();
    int merged = 0, replaced = 0;
    for (var e : delta.entrySet()) {
      String k = e.getKey();
      Tensor value;
      if (k.startsWith("lora/") && k.endsWith("/A")) {
        String init = k.substring(5, k.length() - 2);
        Tensor w0 = base.get(init), A = e.getValue(), B = delta.get("lora/" + init + "/B");
        float scale = delta.get("lora/" + init + "/scale").v()[0];
        int in = w0.dims()[0], out = w0.dims()[1], r = A.dims()[0];
        float[] w = w0.v().clone();  // ONNX layout [in, out]
        for (int i = 0; i < in; i++)
          for (int o = 0; o < out; o++) {
            float s = 0;
            for (int j = 0; j < r; j++) s += B.v()[o * r + j] * A.v()[j * in + i];
            w[i * out + o] += scale * s;
          }
        value = new Tensor(w0.dims(), w);
        merged++;
        k = init;
      } else if (k.startsWith("lora/") || k.startsWith("head/")) {
        continue;
      } else {
        if (!base.containsKey(k)) throw new IllegalStateException("no initializer " + k);
        value = e.getValue();
        replaced++;
      }
      long[] shape = Arrays.stream(value.dims()).asLongStream().toArray();
      OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(value.v()), shape);
      keep.add(t);
      opts.addInitializer(k, t);
    }
    System.err.println("merged " + merged + " MatMul initializers, replaced " + replaced);
    Tensor hw = delta.get("head/weight"), hb = delta.get("head/bias");
    try (var session = env.createSession(a[0], opts)) {
      for (String line : Files.readAllLines(Path.of(a[2]))) {
        long[] ids = Arrays.stream(line.trim().split(" ")).mapToLong(Long::parseLong).toArray();
        long[] mask = new long[ids.length];
        Arrays.fill(mask, 1);
        Map<String, OnnxTensor> in = new HashMap<>();
        in.put("input_ids", OnnxTensor.createTensor(env, new long[][] {ids}));
        in.put("attention_mask", OnnxTensor.createTensor(env, new long[][] {mask}));
        in.put("token_type_ids", OnnxTensor.createTensor(env, new long[][] {new long[ids.length]}));
        try (var out = session.run(in)) {
          float[][] h = ((float[][][]) out.get(0).getValue())[0];
          double[] pool = new double[h[0].length];
          for (float[] row : h) for (int j = 0; j < pool.length; j++) pool[j] += row[j] / h.length;
          StringBuilder sb = new StringBuilder();
          int labels = hb.v().length;
          for (int c = 0; c < labels; c++) {
            double z = hb.v()[c];
            for (int j = 0; j < pool.length; j++) z += hw.v()[c * pool.length + j] * pool[j];
            sb.append(String.format(Locale.ROOT, " %.5f", 1 / (1 + Math.exp(-z))));
          }
          System.out.println(sb.toString().trim());
        }
        in.values().forEach(OnnxTensor::close);
      }
    }
    keep.forEach(OnnxTensor::close);
  }

  static Map<String, Tensor> readDelta(Path p) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[4];
    b.get(magic);
    if (!new String(magic).equals("MLD1")) throw new IOException("not a delta");
    Map<String, Tensor> m = new LinkedHashMap<>();
    for (int n = b.getInt(); n > 0; n--) {
      byte[] name = new byte[b.getInt()];
      b.get(name);
      int[] dims = new int[b.getInt()];
      int size = 1;
      for (int i = 0; i < dims.length; i++) size *= dims[i] = b.getInt();
      float[] v = new float[size];
      for (int i = 0; i < size; i++) v[i] = Float.float16ToFloat(b.getShort());
      m.put(new String(name, "UTF-8"), new Tensor(dims, v));
    }
    return m;
  }

  /** The float initializers of an ONNX model, read from its protobuf bytes (ModelProto.graph = 7, GraphProto.initializer
   * = 5, TensorProto dims = 1, data_type = 2, name = 8, raw_data = 9). */
  static Map<String, Tensor> onnxInitializers(byte[] model) {
    Map<String, Tensor> m = new HashMap<>();
    new Proto(model, 0, model.length).fields((f, graph) -> {
      if (f == 7) graph.fields((g, init) -> {
        if (g != 5) return;
        List<Integer> dims = new ArrayList<>();
        String[] name = {null};
        float[][] v = {null};
        int[] type = {0};
        init.fields((t, val) -> {
          if (t == 1) { if (val.varint) dims.add((int) val.value); else val.packed(x -> dims.add((int) x)); }
          else if (t == 2) type[0] = (int) val.value;
          else if (t == 8) name[0] = val.string();
          else if (t == 9) {
            ByteBuffer raw = ByteBuffer.wrap(val.buf, val.start, val.end - val.start).order(ByteOrder.LITTLE_ENDIAN);
            v[0] = new float[(val.end - val.start) / 4];
            raw.asFloatBuffer().get(v[0]);
          }
        });
        if (type[0] == 1 && v[0] != null) m.put(name[0], new Tensor(dims.stream().mapToInt(Integer::intValue).toArray(), v[0]));
      });
    });
    return m;
  }

  /** A length-delimited protobuf region; value() of a varint field is in value. */
  static final class Proto {
    final byte[] buf; final int start, end; boolean varint; long value;
    Proto(byte[] buf, int start, int end) { this.buf = buf; this.start = start; this.end = end; }
    interface Field { void on(int number, Proto value); }
    interface Longs { void on(long v); }
    String string() { return new String(buf, start, end - start, java.nio.charset.StandardCharsets.UTF_8); }
    void packed(Longs out) { int[] p = {start}; while (p[0] < end) out.on(varint(buf, p)); }
    void fields(Field f) {
      int[] p = {start};
      while (p[0] < end) {
        long key = varint(buf, p);
        int number = (int) (key >>> 3), wire = (int) (key & 7);
        if (wire == 0) { Proto v = new Proto(buf, 0, 0); v.varint = true; v.value = varint(buf, p); f.on(number, v); }
        else if (wire == 2) { int len = (int) varint(buf, p); f.on(number, new Proto(buf, p[0], p[0] + len)); p[0] += len; }
        else if (wire == 1) p[0] += 8;
        else if (wire == 5) p[0] += 4;
        else throw new IllegalStateException("wire type " + wire);
      }
    }
    static long varint(byte[] b, int[] p) {
      long r = 0;
      for (int s = 0; ; s += 7) { byte x = b[p[0]++]; r |= (long) (x & 0x7f) << s; if (x >= 0) return r; }
    }
  }
}
