package com.jorge.platform.inference.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.jorge.platform.inference.tensor.Datatype;
import com.jorge.platform.inference.tensor.Tensor;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A model version served as-is: its ONNX graph's tensor inputs and outputs are the protocol's. */
public final class OnnxTensorModel implements ServableModel {

    private static final Logger log = LoggerFactory.getLogger(OnnxTensorModel.class);

    private final String name;
    private final String version;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    private final Set<String> outputNames;
    private final boolean nanAllowed;
    private final ThreadLocal<Map<String, ByteBuffer>> staging = ThreadLocal.withInitial(HashMap::new);

    public OnnxTensorModel(String name, String version, OrtEnvironment env, OrtSession session, boolean nanAllowed)
            throws OrtException {
        this.name = name;
        this.version = version;
        this.env = env;
        this.session = session;
        this.nanAllowed = nanAllowed;
        this.inputs = specs(session.getInputInfo(), "input");
        this.outputs = specs(session.getOutputInfo(), "output");
        if (inputs.isEmpty() || outputs.isEmpty()) {
            session.close();
            throw new IllegalArgumentException("model " + name + "/" + version + " has no tensor inputs or outputs");
        }
        this.outputNames = new LinkedHashSet<>(outputs.stream().map(TensorSpec::name).toList());
    }

    private List<TensorSpec> specs(Map<String, NodeInfo> nodes, String kind) {
        List<TensorSpec> specs = new ArrayList<>();
        for (NodeInfo node : nodes.values()) {
            if (node.getInfo() instanceof TensorInfo ti && Datatype.of(ti.type).isPresent()) {
                specs.add(new TensorSpec(node.getName(), Datatype.of(ti.type).orElseThrow(), ti.getShape()));
            } else {
                // e.g. a ZipMap sequence-of-maps output: not a tensor, so not served
                log.warn("model {}/{}: {} '{}' is not a supported tensor ({}); not served", name, version, kind,
                        node.getName(), node.getInfo());
            }
        }
        return List.copyOf(specs);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public List<TensorSpec> inputs() {
        return inputs;
    }

    @Override
    public List<TensorSpec> outputs() {
        return outputs;
    }

    public boolean nanAllowed() {
        return nanAllowed;
    }

    @Override
    public List<Tensor> validate(List<Tensor> requestInputs, int maxRows) {
        return InputValidator.validate(name, inputs, requestInputs, maxRows, nanAllowed);
    }

    @Override
    public List<Tensor> infer(List<Tensor> batchedInputs) throws OrtException {
        Map<String, OnnxTensor> feed = new HashMap<>(batchedInputs.size() * 2);
        try {
            for (Tensor t : batchedInputs) {
                feed.put(t.name(), toOnnx(t));
            }
            try (OrtSession.Result result = session.run(feed, outputNames)) {
                List<Tensor> out = new ArrayList<>(outputs.size());
                for (TensorSpec spec : outputs) {
                    OnnxValue value = result.get(spec.name()).orElseThrow();
                    out.add(fromOnnx(spec, (OnnxTensor) value));
                }
                return out;
            }
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    /**
     * Numeric inputs go through direct buffers this thread keeps: ONNX Runtime reads a direct buffer in
     * place, where a heap array would cost a fresh direct allocation and a copy on every run.
     */
    private OnnxTensor toOnnx(Tensor t) throws OrtException {
        long[] shape = t.shape();
        return switch (t.data()) {
            case float[] a -> OnnxTensor.createTensor(env, staging(t.name(), a.length * 4L).asFloatBuffer().put(a).flip(), shape);
            case double[] a -> OnnxTensor.createTensor(env, staging(t.name(), a.length * 8L).asDoubleBuffer().put(a).flip(), shape);
            case long[] a -> OnnxTensor.createTensor(env, staging(t.name(), a.length * 8L).asLongBuffer().put(a).flip(), shape);
            case int[] a -> OnnxTensor.createTensor(env, staging(t.name(), a.length * 4L).asIntBuffer().put(a).flip(), shape);
            case boolean[] a -> {
                ByteBuffer bytes = ByteBuffer.allocateDirect(a.length).order(ByteOrder.nativeOrder());
                for (boolean b : a) {
                    bytes.put((byte) (b ? 1 : 0));
                }
                bytes.flip();
                yield OnnxTensor.createTensor(env, bytes, shape, OnnxJavaType.BOOL);
            }
            case String[] a -> OnnxTensor.createTensor(env, a, shape);
            default -> throw new IllegalStateException("unsupported tensor data " + t.data().getClass());
        };
    }

    /** This thread's direct buffer for input {@code name}, at least {@code bytes} long, positioned at 0. */
    private ByteBuffer staging(String name, long bytes) {
        Map<String, ByteBuffer> mine = staging.get();
        ByteBuffer b = mine.get(name);
        if (b == null || b.capacity() < bytes) {
            b = ByteBuffer.allocateDirect((int) Math.max(bytes, 4096)).order(ByteOrder.nativeOrder());
            mine.put(name, b);
        }
        return b.clear().limit((int) bytes);
    }

    private static Tensor fromOnnx(TensorSpec spec, OnnxTensor value) throws OrtException {
        long[] shape = value.getInfo().getShape();
        Object data = switch (spec.datatype()) {
            case FP32 -> toArray(value.getFloatBuffer());
            case FP64 -> {
                DoubleBuffer b = value.getDoubleBuffer();
                double[] a = new double[b.remaining()];
                b.get(a);
                yield a;
            }
            case INT64 -> {
                LongBuffer b = value.getLongBuffer();
                long[] a = new long[b.remaining()];
                b.get(a);
                yield a;
            }
            case INT32 -> {
                IntBuffer b = value.getIntBuffer();
                int[] a = new int[b.remaining()];
                b.get(a);
                yield a;
            }
            case BOOL -> {
                ByteBuffer b = value.getByteBuffer();
                boolean[] a = new boolean[b.remaining()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = b.get() != 0;
                }
                yield a;
            }
            case BYTES -> {
                List<String> flat = new ArrayList<>();
                flatten(value.getValue(), flat);
                yield flat.toArray(String[]::new);
            }
        };
        return new Tensor(spec.name(), spec.datatype(), shape, data);
    }

    private static float[] toArray(FloatBuffer b) {
        float[] a = new float[b.remaining()];
        b.get(a);
        return a;
    }

    private static void flatten(Object nested, List<String> into) {
        if (nested instanceof String s) {
            into.add(s);
        } else {
            for (int i = 0; i < Array.getLength(nested); i++) {
                flatten(Array.get(nested, i), into);
            }
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            log.warn("closing model {}/{}: {}", name, version, e.getMessage());
        }
    }
}
