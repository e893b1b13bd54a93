package com.jorge.platform.inference.registry;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where model versions live: {@code {name}/{version}/model.onnx} and {@code metadata.json}, plus an
 * optional {@code {name}/live.json} routing marker. Backed by S3 in AWS, a folder on a laptop.
 */
public interface ModelRepository {

    String MODEL_FILE = "model.onnx";
    String METADATA_FILE = "metadata.json";
    String ROUTING_FILE = "live.json";

    /** The routing marker's bytes, empty when the model has none. */
    Optional<byte[]> routing(String model) throws IOException;

    /** Versions present for the model (any order); empty when the model is unknown. */
    List<String> versions(String model) throws IOException;

    /** One file of one version. */
    byte[] read(String model, String version, String file) throws IOException;

    /** s3://bucket/prefix or the folder, for logs and the metadata endpoint. */
    String describe();
}
