package com.jorge.platform.models.training;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link BoostedTrees} plus its {@link PlattCalibration} as one ONNX graph:
 * {@code features [N, F] float -> TreeEnsembleRegressor (ai.onnx.ml) -> margin [N, 1] -> Mul slope ->
 * Add intercept -> Sigmoid -> probability [N, 1]}. No Java library exports XGBoost to ONNX, so this is
 * the one place that knows both formats. Nothing time-dependent goes into the file: the same trees give
 * the same bytes.
 */
public final class TreeEnsembleOnnxExporter {

    public static final String INPUT = "features";
    public static final String OUTPUT_PROBABILITY = "probability";
    public static final String OUTPUT_MARGIN = "margin";
    static final int IR_VERSION = 8;
    static final int ONNX_OPSET = 13;
    static final int ONNX_ML_OPSET = 3;

    private TreeEnsembleOnnxExporter() {
    }

    public static byte[] export(BoostedTrees model, PlattCalibration calibration, String graphName,
                                Map<String, String> metadata) {
        List<Long> treeIds = new ArrayList<>(), nodeIds = new ArrayList<>(), featureIds = new ArrayList<>();
        List<Long> trueIds = new ArrayList<>(), falseIds = new ArrayList<>(), missingTrue = new ArrayList<>();
        List<String> modes = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        List<Long> leafTreeIds = new ArrayList<>(), leafNodeIds = new ArrayList<>(), leafTargets = new ArrayList<>();
        List<Float> leafWeights = new ArrayList<>();
        for (int t = 0; t < model.trees().size(); t++) {
            BoostedTrees.Tree tree = model.trees().get(t);
            for (int node = 0; node < tree.size(); node++) {
                treeIds.add((long) t);
                nodeIds.add((long) node);
                if (tree.isLeaf(node)) {
                    modes.add("LEAF");
                    featureIds.add(0L);
                    values.add(0f);
                    trueIds.add(0L);
                    falseIds.add(0L);
                    missingTrue.add(0L);
                    leafTreeIds.add((long) t);
                    leafNodeIds.add((long) node);
                    leafTargets.add(0L);
                    leafWeights.add(tree.thresholdOrLeafValue()[node]);
                } else {
                    modes.add("BRANCH_LT"); // XGBoost goes left (the ONNX "true" branch) when x < threshold
                    featureIds.add((long) tree.feature()[node]);
                    values.add(tree.thresholdOrLeafValue()[node]);
                    trueIds.add((long) tree.left()[node]);
                    falseIds.add((long) tree.right()[node]);
                    missingTrue.add(tree.defaultLeft()[node] ? 1L : 0L);
                }
            }
        }
        NodeProto trees = NodeProto.newBuilder()
                .setName("trees").setOpType("TreeEnsembleRegressor").setDomain("ai.onnx.ml")
                .addInput(INPUT).addOutput(OUTPUT_MARGIN)
                .addAttribute(ints("nodes_treeids", treeIds))
                .addAttribute(ints("nodes_nodeids", nodeIds))
                .addAttribute(ints("nodes_featureids", featureIds))
                .addAttribute(strings("nodes_modes", modes))
                .addAttribute(floats("nodes_values", values))
                .addAttribute(ints("nodes_truenodeids", trueIds))
                .addAttribute(ints("nodes_falsenodeids", falseIds))
                .addAttribute(ints("nodes_missing_value_tracks_true", missingTrue))
                .addAttribute(ints("target_treeids", leafTreeIds))
                .addAttribute(ints("target_nodeids", leafNodeIds))
                .addAttribute(ints("target_ids", leafTargets))
                .addAttribute(floats("target_weights", leafWeights))
                .addAttribute(floats("base_values", List.of((float) model.baseMargin())))
                .addAttribute(AttributeProto.newBuilder().setName("n_targets").setType(AttributeProto.AttributeType.INT).setI(1))
                .addAttribute(string("aggregate_function", "SUM"))
                .addAttribute(string("post_transform", "NONE"))
                .build();
        GraphProto graph = GraphProto.newBuilder()
                .setName(graphName)
                .addInput(floatTensor(INPUT, model.featureCount()))
                .addInitializer(scalar("platt_slope", (float) calibration.slope()))
                .addInitializer(scalar("platt_intercept", (float) calibration.intercept()))
                .addNode(trees)
                .addNode(NodeProto.newBuilder().setName("platt_scale").setOpType("Mul")
                        .addInput(OUTPUT_MARGIN).addInput("platt_slope").addOutput("scaled_margin"))
                .addNode(NodeProto.newBuilder().setName("platt_shift").setOpType("Add")
                        .addInput("scaled_margin").addInput("platt_intercept").addOutput("calibrated_margin"))
                .addNode(NodeProto.newBuilder().setName("sigmoid").setOpType("Sigmoid")
                        .addInput("calibrated_margin").addOutput(OUTPUT_PROBABILITY))
                .addOutput(floatTensor(OUTPUT_PROBABILITY, 1))
                .addOutput(floatTensor(OUTPUT_MARGIN, 1))
                .build();
        ModelProto.Builder onnx = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("jorge-platform lead-score-training")
                .setModelVersion(1)
                .setGraph(graph)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(ONNX_OPSET))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("ai.onnx.ml").setVersion(ONNX_ML_OPSET));
        metadata.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> onnx.addMetadataProps(
                StringStringEntryProto.newBuilder().setKey(entry.getKey()).setValue(entry.getValue())));
        return onnx.build().toByteArray();
    }

    private static ValueInfoProto floatTensor(String name, int columns) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(columns))
                .build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape))).build();
    }

    private static TensorProto scalar(String name, float value) {
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber())
                .addFloatData(value).build();
    }

    private static AttributeProto ints(String name, List<Long> values) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS).addAllInts(values).build();
    }

    private static AttributeProto floats(String name, List<Float> values) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOATS).addAllFloats(values).build();
    }

    private static AttributeProto strings(String name, List<String> values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRINGS);
        values.forEach(v -> attribute.addStrings(ByteString.copyFromUtf8(v)));
        return attribute.build();
    }

    private static AttributeProto string(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }
}
