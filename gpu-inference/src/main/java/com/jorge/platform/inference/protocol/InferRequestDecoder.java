package com.jorge.platform.inference.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.inference.protocol.InferenceException.BadRequest;
import com.jorge.platform.inference.tensor.Datatype;
import com.jorge.platform.inference.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Streams a KServe v2 JSON inference request into typed tensors without building a tree or boxing
 * numbers. Tensor data may be flat or nested; NaN and Infinity literals are read (the model decides
 * whether it takes them). Every error names the input and what is wrong.
 */
public final class InferRequestDecoder {

    /** Nesting deeper than this is not a tensor anyone sends; refusing it bounds the parser's stack. */
    private static final int MAX_DEPTH = 16;

    private final JsonFactory factory;
    private final ObjectMapper mapper;

    public InferRequestDecoder() {
        this.factory = JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                // FastDoubleParser: a lead row is 43 decimals, and the JDK's parser was a visible share of a request
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1 << 20).build())
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    public InferRequest decode(InputStream body) {
        try (JsonParser p = factory.createParser(body)) {
            return readRequest(p);
        } catch (BadRequest e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new BadRequest("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequest("unreadable request body: " + e.getMessage());
        }
    }

    private InferRequest readRequest(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new BadRequest("request body must be a JSON object");
        }
        String id = null;
        List<Tensor> inputs = null;
        List<String> outputs = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "id" -> {
                    if (value != JsonToken.VALUE_STRING) {
                        throw new BadRequest("'id' must be a string");
                    }
                    id = p.getText();
                }
                case "inputs" -> inputs = readInputs(p);
                case "outputs" -> outputs = readOutputs(p);
                default -> p.skipChildren(); // "parameters" and extensions we do not use
            }
        }
        if (p.nextToken() != null) {
            throw new BadRequest("trailing content after the request object");
        }
        if (inputs == null || inputs.isEmpty()) {
            throw new BadRequest("'inputs' is required and must not be empty");
        }
        return new InferRequest(id, inputs, outputs);
    }

    private List<Tensor> readInputs(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new BadRequest("'inputs' must be an array");
        }
        List<Tensor> inputs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            Tensor t = readInput(p, inputs.size());
            if (!names.add(t.name())) {
                throw new BadRequest("input '" + t.name() + "' appears more than once");
            }
            inputs.add(t);
        }
        return inputs;
    }

    private Tensor readInput(JsonParser p, int index) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new BadRequest("inputs[" + index + "] must be an object");
        }
        String name = null;
        long[] shape = null;
        Datatype datatype = null;
        Object data = null;
        JsonNode deferredData = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            String label = name != null ? "input '" + name + "'" : "inputs[" + index + "]";
            switch (field) {
                case "name" -> {
                    if (p.currentToken() != JsonToken.VALUE_STRING || p.getText().isBlank()) {
                        throw new BadRequest(label + ": 'name' must be a non-empty string");
                    }
                    name = p.getText();
                }
                case "shape" -> shape = readShape(p, label);
                case "datatype" -> {
                    String text = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : String.valueOf(p.getText());
                    datatype = Datatype.parse(text).orElseThrow(() -> new BadRequest(label
                            + ": unsupported datatype '" + abbreviate(text) + "'; expected one of " + Arrays.toString(Datatype.values())));
                }
                case "data" -> {
                    if (datatype != null) {
                        data = readData(p, datatype, label);
                    } else {
                        deferredData = mapper.readTree(p); // datatype comes later in this object
                    }
                }
                default -> p.skipChildren();
            }
        }
        String label = name != null ? "input '" + name + "'" : "inputs[" + index + "]";
        if (name == null) {
            throw new BadRequest(label + ": 'name' is required");
        }
        if (shape == null) {
            throw new BadRequest(label + ": 'shape' is required");
        }
        if (datatype == null) {
            throw new BadRequest(label + ": 'datatype' is required");
        }
        if (data == null && deferredData != null) {
            try (JsonParser replay = deferredData.traverse(mapper)) {
                replay.nextToken();
                data = readData(replay, datatype, label);
            }
        }
        if (data == null) {
            throw new BadRequest(label + ": 'data' is required (binary tensor data is not supported)");
        }
        int length = java.lang.reflect.Array.getLength(data);
        long expected = Tensor.elementCount(shape);
        if (expected != length) {
            throw new BadRequest(label + ": shape " + Arrays.toString(shape) + " needs " + expected
                    + " values, 'data' has " + length);
        }
        return new Tensor(name, datatype, shape, data);
    }

    private static long[] readShape(JsonParser p, String label) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new BadRequest(label + ": 'shape' must be an array of non-negative integers");
        }
        long[] dims = new long[8];
        int n = 0;
        long elements = 1;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0) {
                throw new BadRequest(label + ": 'shape' must be an array of non-negative integers");
            }
            if (n == dims.length) {
                throw new BadRequest(label + ": 'shape' has more than " + dims.length + " dimensions");
            }
            dims[n++] = p.getLongValue();
            elements = elements * Math.max(1, dims[n - 1]);
            if (elements > Integer.MAX_VALUE) {
                throw new BadRequest(label + ": 'shape' describes more than " + Integer.MAX_VALUE + " values");
            }
        }
        return Arrays.copyOf(dims, n);
    }

    private static Object readData(JsonParser p, Datatype type, String label) throws IOException {
        ValueBuffer buffer = new ValueBuffer(type);
        if (p.currentToken() == JsonToken.START_ARRAY) {
            readArray(p, buffer, label, 1);
        } else {
            buffer.add(p, label); // a scalar tensor
        }
        return buffer.toArray();
    }

    private static void readArray(JsonParser p, ValueBuffer buffer, String label, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new BadRequest(label + ": 'data' is nested deeper than " + MAX_DEPTH + " levels");
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_ARRAY) {
                readArray(p, buffer, label, depth + 1);
            } else {
                buffer.add(p, label);
            }
        }
    }

    private static List<String> readOutputs(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new BadRequest("'outputs' must be an array");
        }
        List<String> names = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new BadRequest("outputs[" + names.size() + "] must be an object");
            }
            String name = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("name") && p.currentToken() == JsonToken.VALUE_STRING) {
                    name = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            if (name == null) {
                throw new BadRequest("outputs[" + names.size() + "]: 'name' is required");
            }
            names.add(name);
        }
        return names;
    }

    private static String abbreviate(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32) + "...";
    }

    /** A growable flat array of one datatype, filled straight from the parser. */
    private static final class ValueBuffer {
        private final Datatype type;
        private float[] f32 = new float[0];
        private double[] f64 = new double[0];
        private long[] i64 = new long[0];
        private int[] i32 = new int[0];
        private boolean[] bools = new boolean[0];
        private String[] strings = new String[0];
        private int size;

        ValueBuffer(Datatype type) {
            this.type = type;
        }

        void add(JsonParser p, String label) throws IOException {
            JsonToken t = p.currentToken();
            int at = size++;
            switch (type) {
                case FP32 -> {
                    requireNumber(t, label, at);
                    if (at == f32.length) f32 = Arrays.copyOf(f32, grow(at));
                    f32[at] = p.getFloatValue();
                }
                case FP64 -> {
                    requireNumber(t, label, at);
                    if (at == f64.length) f64 = Arrays.copyOf(f64, grow(at));
                    f64[at] = p.getDoubleValue();
                }
                case INT64 -> {
                    requireInteger(t, label, at);
                    if (at == i64.length) i64 = Arrays.copyOf(i64, grow(at));
                    try {
                        i64[at] = p.getLongValue();
                    } catch (IOException e) {
                        throw new BadRequest(label + ": element " + at + " is out of INT64 range");
                    }
                }
                case INT32 -> {
                    requireInteger(t, label, at);
                    if (at == i32.length) i32 = Arrays.copyOf(i32, grow(at));
                    try {
                        i32[at] = p.getIntValue();
                    } catch (IOException e) {
                        throw new BadRequest(label + ": element " + at + " is out of INT32 range");
                    }
                }
                case BOOL -> {
                    if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                        throw new BadRequest(label + ": element " + at + " is not a BOOL (true/false)");
                    }
                    if (at == bools.length) bools = Arrays.copyOf(bools, grow(at));
                    bools[at] = t == JsonToken.VALUE_TRUE;
                }
                case BYTES -> {
                    if (t != JsonToken.VALUE_STRING) {
                        throw new BadRequest(label + ": element " + at + " is not a string (BYTES)");
                    }
                    if (at == strings.length) strings = Arrays.copyOf(strings, grow(at));
                    strings[at] = p.getText();
                }
            }
        }

        private static int grow(int n) {
            return Math.max(16, n * 2);
        }

        private void requireNumber(JsonToken t, String label, int at) {
            if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                throw new BadRequest(label + ": element " + at + " is not a number (" + type + ")");
            }
        }

        private void requireInteger(JsonToken t, String label, int at) {
            if (t != JsonToken.VALUE_NUMBER_INT) {
                throw new BadRequest(label + ": element " + at + " is not an integer (" + type + ")");
            }
        }

        Object toArray() {
            return switch (type) {
                case FP32 -> Arrays.copyOf(f32, size);
                case FP64 -> Arrays.copyOf(f64, size);
                case INT64 -> Arrays.copyOf(i64, size);
                case INT32 -> Arrays.copyOf(i32, size);
                case BOOL -> Arrays.copyOf(bools, size);
                case BYTES -> Arrays.copyOf(strings, size);
            };
        }
    }
}
