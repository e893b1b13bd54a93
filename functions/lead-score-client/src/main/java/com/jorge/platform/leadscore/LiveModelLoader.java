package com.jorge.platform.leadscore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Loads the version of a model that the inference tier serves as live, from the tier's S3 registry
 * (gpu-inference's S3ModelRepository layout): {@code {prefix}{name}/live.json} names the live version,
 * whose {@code {prefix}{name}/{version}/metadata.json} and {@code model.onnx} are read, checked against
 * each other ({@code size_bytes}, {@code sha256}) and opened in-process.
 *
 * <p>No {@code live.json} means no model is live: the normal state before the first one is promoted.
 * Unlike the tier, which serves the newest version when there is no marker, this loader then loads
 * nothing: a version only becomes the bots' model once the promotion workflow has written the marker.
 * A canary or shadow in the marker is not loaded; the tier's answers say which version answered.
 */
public final class LiveModelLoader {

    private static final Logger log = LoggerFactory.getLogger(LiveModelLoader.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String ROUTING_FILE = "live.json";
    static final String METADATA_FILE = "metadata.json";
    static final String MODEL_FILE = "model.onnx";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    /** @param prefix the registry's key prefix, usually "models/"; a missing trailing "/" is added */
    public LiveModelLoader(S3Client s3, String bucket, String prefix) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    /**
     * The live version of {@code model}, opened; empty when the model has no {@code live.json}.
     *
     * @throws ModelRegistryException naming the S3 object, when the live version cannot be served
     */
    public Optional<InProcessLeadScorer> load(String model) {
        String modelKey = prefix + RegistryNames.requireSafe("model", model) + "/";
        String routingKey = modelKey + ROUTING_FILE;
        Optional<String> live = liveVersion(model);
        if (live.isEmpty()) {
            log.info("no {} in {}: model {} is not live", ROUTING_FILE, describe(), model);
            return Optional.empty();
        }
        return Optional.of(load(model, live.get(), location(routingKey) + " names version " + live.get() + " as live"));
    }

    /**
     * One named version of {@code model}, opened, whatever {@code live.json} says: the version an experiment's
     * variant scores with (the worker's {@code VariantModels}).
     *
     * @throws ModelRegistryException naming the S3 object, when the version is missing or cannot be served
     */
    public InProcessLeadScorer loadVersion(String model, String version) {
        RegistryNames.requireSafe("version", version);
        return load(model, version, "version " + version + " was asked for by name");
    }

    /** @param expectedBecause why the version's files should be there, for the message when they are not */
    private InProcessLeadScorer load(String model, String version, String expectedBecause) {
        String modelKey = prefix + RegistryNames.requireSafe("model", model) + "/";
        String metadataKey = modelKey + version + "/" + METADATA_FILE;
        String onnxKey = modelKey + version + "/" + MODEL_FILE;

        LeadModelMetadata metadata;
        try {
            metadata = LeadModelMetadata.parse(required(metadataKey, expectedBecause));
        } catch (IllegalArgumentException e) {
            throw broken(metadataKey, e.getMessage(), e);
        }
        if (!metadata.name().equals(model)) {
            // a version copied under another model's name: the tier would serve it, the bots would misread it
            throw broken(metadataKey, "names model '" + metadata.name() + "', but it is published as '" + model + "'", null);
        }
        byte[] onnx = required(onnxKey, expectedBecause);
        try {
            metadata.verify(onnx);
        } catch (IllegalArgumentException e) {
            throw broken(onnxKey, e.getMessage() + "; not loading it", e);
        }
        InProcessLeadScorer scorer;
        try {
            scorer = InProcessLeadScorer.open(version, metadata, onnx);
        } catch (IllegalStateException e) {
            throw broken(onnxKey, e.getMessage(), e);
        }
        log.info("loaded {} {} from {} ({}, {} bytes)", model, version, describe(), metadata.featureSet().version(),
                onnx.length);
        return scorer;
    }

    /**
     * The version {@code live.json} names, reading nothing else: one small object, cheap enough to poll
     * for promotions. Empty when the model has no {@code live.json}.
     *
     * @throws ModelRegistryException naming the S3 object, when live.json is unreadable or malformed
     */
    public Optional<String> liveVersion(String model) {
        String routingKey = prefix + RegistryNames.requireSafe("model", model) + "/" + ROUTING_FILE;
        return read(routingKey).map(json -> liveVersion(routingKey, json));
    }

    /** s3://bucket/prefix, for logs and messages. */
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    private String liveVersion(String routingKey, byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw broken(routingKey, "is not JSON", e);
        }
        if (root == null || !root.isObject() || !root.path("live").isTextual()) {
            throw broken(routingKey, "needs a string field 'live', the live version", null);
        }
        String version = root.get("live").asText();
        if (!RegistryNames.isSafe(version)) {
            throw broken(routingKey, "names live version '" + version + "', which is not a registry version name", null);
        }
        return version;
    }

    private byte[] required(String key, String expectedBecause) {
        return read(key).orElseThrow(() -> broken(key, "does not exist, but " + expectedBecause, null));
    }

    /** The object's bytes; empty for NoSuchKey only (any other refusal, AccessDenied included, is an error). */
    private Optional<byte[]> read(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).build()).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw broken(key, "could not be read: " + e.getMessage(), e);
        }
    }

    private ModelRegistryException broken(String key, String problem, Throwable cause) {
        return new ModelRegistryException(location(key) + " " + problem, cause);
    }

    private String location(String key) {
        return "s3://" + bucket + "/" + key;
    }
}
