package com.jorge.platform.inference.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.jorge.platform.inference.tensor.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes KServe v2 inference responses and error bodies as JSON, streaming the tensor data. */
public final class InferResponseEncoder {

    private final JsonFactory factory = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    public void writeResponse(OutputStream out, String modelName, String modelVersion, String id, List<Tensor> outputs) {
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("model_name", modelName);
            g.writeStringField("model_version", modelVersion);
            if (id != null) {
                g.writeStringField("id", id);
            }
            g.writeArrayFieldStart("outputs");
            for (Tensor t : outputs) {
                g.writeStartObject();
                g.writeStringField("name", t.name());
                g.writeFieldName("shape");
                long[] shape = t.shape();
                g.writeArray(shape, 0, shape.length);
                g.writeStringField("datatype", t.datatype().name());
                g.writeFieldName("data");
                writeData(g, t);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeData(JsonGenerator g, Tensor t) throws IOException {
        switch (t.data()) {
            case float[] a -> {
                g.writeStartArray();
                for (float v : a) g.writeNumber(v);
                g.writeEndArray();
            }
            case double[] a -> g.writeArray(a, 0, a.length);
            case long[] a -> g.writeArray(a, 0, a.length);
            case int[] a -> g.writeArray(a, 0, a.length);
            case boolean[] a -> {
                g.writeStartArray();
                for (boolean v : a) g.writeBoolean(v);
                g.writeEndArray();
            }
            case String[] a -> g.writeArray(a, 0, a.length);
            default -> throw new IllegalStateException("unsupported tensor data " + t.data().getClass());
        }
    }

    public void writeError(OutputStream out, String message) {
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("error", message);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
