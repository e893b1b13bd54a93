package com.jorge.platform.inference;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Writes small ONNX models of known weights, so tests can compute the expected answer themselves. */
public final class TinyOnnxModels {

    public static final String INPUT = "features";
    public static final String OUTPUT = "probability";

    private TinyOnnxModels() {
    }

    /** probability = sigmoid(features . weights + bias), features FP32 [-1, weights.length], output [-1, 1]. */
    public static byte[] logistic(float[] weights, float bias) {
        return model(logisticGraph(weights, bias, INPUT).build());
    }

    /**
     * As {@link #logistic}, NaN inputs read as 0 first: a plain logistic would answer NaN for an unknown
     * value, where a tree ensemble's missing-value branch gives some finite answer.
     */
    public static byte[] logisticReadingNanAsZero(float[] weights, float bias) {
        GraphProto.Builder graph = logisticGraph(weights, bias, "x")
                .addInitializer(TensorProto.newBuilder().setName("zero").setDataType(TensorProto.DataType.FLOAT.getNumber())
                        .addDims(1).addFloatData(0f))
                .addNode(0, NodeProto.newBuilder().setOpType("IsNaN").addInput(INPUT).addOutput("nan"))
                .addNode(1, NodeProto.newBuilder().setOpType("Where").addInput("nan").addInput("zero").addInput(INPUT)
                        .addOutput("x"));
        return model(graph.build());
    }

    private static GraphProto.Builder logisticGraph(float[] weights, float bias, String x) {
        int f = weights.length;
        return GraphProto.newBuilder()
                .setName("logistic")
                .addInput(tensor(INPUT, f))
                .addInitializer(TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT.getNumber())
                        .addDims(f).addDims(1).addAllFloatData(boxed(weights)))
                .addInitializer(TensorProto.newBuilder().setName("b").setDataType(TensorProto.DataType.FLOAT.getNumber())
                        .addDims(1).addFloatData(bias))
                .addNode(NodeProto.newBuilder().setOpType("MatMul").addInput(x).addInput("w").addOutput("xw"))
                .addNode(NodeProto.newBuilder().setOpType("Add").addInput("xw").addInput("b").addOutput("z"))
                .addNode(NodeProto.newBuilder().setOpType("Sigmoid").addInput("z").addOutput(OUTPUT))
                .addOutput(tensor(OUTPUT, 1));
    }

    /** A deliberately slow model: a [-1, n] x [n, n] MatMul, output "probability" [-1, 1] after ReduceMean. */
    public static byte[] slow(int n) {
        float[] w = new float[n * n];
        java.util.Arrays.fill(w, 1f / n);
        GraphProto graph = GraphProto.newBuilder()
                .setName("slow")
                .addInput(tensor(INPUT, n))
                .addInitializer(TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT.getNumber())
                        .addDims(n).addDims(n).addAllFloatData(boxed(w)))
                .addNode(NodeProto.newBuilder().setOpType("MatMul").addInput(INPUT).addInput("w").addOutput("h1"))
                .addNode(NodeProto.newBuilder().setOpType("MatMul").addInput("h1").addInput("w").addOutput("h2"))
                .addNode(NodeProto.newBuilder().setOpType("MatMul").addInput("h2").addInput("w").addOutput("h3"))
                .addNode(NodeProto.newBuilder().setOpType("ReduceMean").addInput("h3").addOutput(OUTPUT)
                        .addAttribute(ai.onnx.proto.OnnxMl.AttributeProto.newBuilder().setName("axes")
                                .setType(ai.onnx.proto.OnnxMl.AttributeProto.AttributeType.INTS).addInts(1))
                        .addAttribute(ai.onnx.proto.OnnxMl.AttributeProto.newBuilder().setName("keepdims")
                                .setType(ai.onnx.proto.OnnxMl.AttributeProto.AttributeType.INT).setI(1)))
                .addOutput(tensor(OUTPUT, 1))
                .build();
        return model(graph);
    }

    public static double expected(float[] weights, float bias, float[] row) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * row[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Writes {@code root/name/version/model.onnx} and a metadata.json naming its sha256. */
    public static void publish(Path root, String name, String version, byte[] onnx, String extraJson) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name).resolve(version));
        Files.write(dir.resolve("model.onnx"), onnx);
        Files.writeString(dir.resolve("metadata.json"), metadata(name, version, sha256(onnx), extraJson));
    }

    public static String metadata(String name, String version, String sha256, String extraJson) {
        return "{\"schema_version\":1,\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"sha256\":\"" + sha256 + "\""
                + (extraJson == null || extraJson.isEmpty() ? "" : "," + extraJson) + "}";
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] model(GraphProto graph) {
        return ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("jorge-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setGraph(graph)
                .build().toByteArray();
    }

    private static ValueInfoProto tensor(String name, int columns) {
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(
                        TensorShapeProto.newBuilder()
                                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(columns))))).build();
    }

    private static java.util.List<Float> boxed(float[] a) {
        java.util.List<Float> list = new java.util.ArrayList<>(a.length);
        for (float v : a) {
            list.add(v);
        }
        return list;
    }
}
