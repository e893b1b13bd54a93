package com.jorge.platform.audit.archive.aws;

import com.jorge.platform.audit.archive.ArchiveStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.List;

/**
 * The archive in an S3 bucket with Object Lock: the bucket's default retention (COMPLIANCE) applies to
 * every object put, so nothing here sets or could shorten it. Object Lock wants a checksum on each put.
 */
public final class S3ArchiveStore implements ArchiveStore {

    private final S3Client s3;
    private final String bucket;

    public S3ArchiveStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] body) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/x-ndjson")
                .checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromBytes(body));
    }

    @Override
    public List<String> keys(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    @Override
    public byte[] get(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }
}
