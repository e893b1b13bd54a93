package com.jorge.platform.understanding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The named initializers of an ONNX model, read from its protobuf bytes. ONNX Runtime runs a model but does not hand its
 * weights out, and merging an adapter into a weight needs the weight; the ONNX schema's Java classes are not published on
 * Maven Central, and a few fields of three messages are all this needs (ModelProto.graph = 7, GraphProto.initializer = 5,
 * TensorProto dims = 1, data_type = 2, float_data = 4, int32_data = 5, name = 8, raw_data = 9). Exporters store weights as
 * raw_data; a quantiser stores small tensors (scales, zero points) in the typed fields, which are returned as raw bytes too.
 */
final class OnnxInitializers {

    /** ONNX TensorProto.DataType values this reads. */
    static final int FLOAT = 1;
    static final int INT8 = 3;

    /** One initializer: its shape, its element type and its little-endian raw bytes. */
    record Initializer(String name, long[] shape, int dataType, ByteBuffer raw) {

        float[] floats() {
            requireType(FLOAT);
            float[] v = new float[raw.remaining() / Float.BYTES];
            raw.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            return v;
        }

        byte[] bytes() {
            requireType(INT8);
            byte[] v = new byte[raw.remaining()];
            raw.duplicate().get(v);
            return v;
        }

        private void requireType(int type) {
            if (dataType != type) {
                throw new IllegalStateException("initializer " + name + " has ONNX data type " + dataType + ", not " + type);
            }
        }
    }

    private OnnxInitializers() {
    }

    /** The initializers named in {@code wanted} (each must be present: a model of another export names them otherwise). */
    static Map<String, Initializer> read(byte[] model, Set<String> wanted) {
        Map<String, Initializer> found = new HashMap<>();
        Region file = new Region(model, 0, model.length);
        file.fields((number, graph) -> {
            if (number != 7) return;
            graph.fields((g, tensor) -> {
                if (g != 5) return;
                Initializer t = tensor(tensor);
                if (t != null && wanted.contains(t.name())) {
                    found.put(t.name(), t);
                }
            });
        });
        for (String name : wanted) {
            if (!found.containsKey(name)) {
                throw new IllegalStateException("the ONNX model has no initializer " + name + " of a type this reads");
            }
        }
        return found;
    }

    private static Initializer tensor(Region tensor) {
        List<Long> dims = new ArrayList<>();
        String[] name = {null};
        int[] type = {0};
        ByteBuffer[] raw = {null};
        List<Long> int32s = new ArrayList<>();
        java.io.ByteArrayOutputStream floats = new java.io.ByteArrayOutputStream();
        tensor.fields((t, v) -> {
            switch (t) {
                case 1 -> {
                    if (v.varint) dims.add(v.value);
                    else v.packed(dims::add);
                }
                case 2 -> type[0] = (int) v.value;
                case 4 -> floats.write(v.buf, v.start, v.end - v.start); // packed little-endian float32
                case 5 -> {
                    if (v.varint) int32s.add(v.value);
                    else v.packed(int32s::add);
                }
                case 8 -> name[0] = new String(v.buf, v.start, v.end - v.start, StandardCharsets.UTF_8);
                case 9 -> raw[0] = ByteBuffer.wrap(v.buf, v.start, v.end - v.start).slice().order(ByteOrder.LITTLE_ENDIAN);
                default -> { }
            }
        });
        if (raw[0] == null && floats.size() > 0 && type[0] == FLOAT) {
            raw[0] = ByteBuffer.wrap(floats.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        } else if (raw[0] == null && !int32s.isEmpty() && type[0] == INT8) {
            byte[] b = new byte[int32s.size()];
            for (int k = 0; k < b.length; k++) b[k] = (byte) (long) int32s.get(k);
            raw[0] = ByteBuffer.wrap(b);
        }
        if (name[0] == null || raw[0] == null) return null;
        return new Initializer(name[0], dims.stream().mapToLong(Long::longValue).toArray(), type[0], raw[0]);
    }

    /** A length-delimited protobuf region; for a varint field, {@code value}. */
    private static final class Region {
        final byte[] buf;
        final int start;
        final int end;
        boolean varint;
        long value;

        Region(byte[] buf, int start, int end) {
            this.buf = buf;
            this.start = start;
            this.end = end;
        }

        interface Field {
            void on(int number, Region value);
        }

        interface Longs {
            void on(long v);
        }

        void packed(Longs out) {
            int[] p = {start};
            while (p[0] < end) out.on(varint(buf, p));
        }

        void fields(Field f) {
            int[] p = {start};
            while (p[0] < end) {
                long key = varint(buf, p);
                int number = (int) (key >>> 3);
                int wire = (int) (key & 7);
                switch (wire) {
                    case 0 -> {
                        Region v = new Region(buf, 0, 0);
                        v.varint = true;
                        v.value = varint(buf, p);
                        f.on(number, v);
                    }
                    case 2 -> {
                        int len = (int) varint(buf, p);
                        if (len < 0 || p[0] + len > end) throw new IllegalStateException("not an ONNX model: a field runs past its message");
                        f.on(number, new Region(buf, p[0], p[0] + len));
                        p[0] += len;
                    }
                    case 1 -> p[0] += 8;
                    case 5 -> { // fixed32: an unpacked float_data value
                        f.on(number, new Region(buf, p[0], p[0] + 4));
                        p[0] += 4;
                    }
                    default -> throw new IllegalStateException("not an ONNX model: protobuf wire type " + wire);
                }
            }
        }

        static long varint(byte[] b, int[] p) {
            long r = 0;
            for (int s = 0; s < 64; s += 7) {
                byte x = b[p[0]++];
                r |= (long) (x & 0x7f) << s;
                if (x >= 0) return r;
            }
            throw new IllegalStateException("not an ONNX model: a varint of more than ten bytes");
        }
    }
}
