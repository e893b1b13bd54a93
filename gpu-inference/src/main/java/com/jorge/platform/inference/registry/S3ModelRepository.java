package com.jorge.platform.inference.registry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The registry in an S3 bucket: {@code {prefix}{name}/{version}/model.onnx}, prefix usually "models/". */
public final class S3ModelRepository implements ModelRepository {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3ModelRepository(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    @Override
    public Optional<byte[]> routing(String model) throws IOException {
        try {
            return Optional.of(get(key(model) + ROUTING_FILE));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> versions(String model) throws IOException {
        String modelPrefix = key(model);
        List<String> versions = new ArrayList<>();
        try {
            String token = null;
            do {
                ListObjectsV2Response page = s3.listObjectsV2(ListObjectsV2Request.builder().bucket(bucket)
                        .prefix(modelPrefix).delimiter("/").continuationToken(token).build());
                for (CommonPrefix p : page.commonPrefixes()) {
                    String version = p.prefix().substring(modelPrefix.length(), p.prefix().length() - 1);
                    if (RegistryNames.isSafe(version)) {
                        versions.add(version);
                    }
                }
                token = page.isTruncated() ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (SdkException e) {
            throw new IOException("listing s3://" + bucket + "/" + modelPrefix + ": " + e.getMessage(), e);
        }
        return versions;
    }

    @Override
    public byte[] read(String model, String version, String file) throws IOException {
        try {
            return get(key(model) + RegistryNames.requireSafe("version", version) + "/" + file);
        } catch (NoSuchKeyException e) {
            throw new IOException("s3://" + bucket + "/" + key(model) + version + "/" + file + " does not exist", e);
        }
    }

    private byte[] get(String key) throws IOException {
        try {
            return s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).build()).asByteArray();
        } catch (NoSuchKeyException e) {
            throw e;
        } catch (SdkException e) {
            throw new IOException("reading s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    private String key(String model) {
        return prefix + RegistryNames.requireSafe("model", model) + "/";
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }
}
