package com.jorge.platform.bi.daily;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;

/** The report pages in an S3 bucket (SSE-KMS by the bucket's default; the bucket policy refuses plain HTTP). */
public final class S3ReportStore implements ReportStore {

    private final S3Client s3;
    private final String bucket;

    public S3ReportStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, String html) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("text/html; charset=utf-8").cacheControl("no-store"),
                RequestBody.fromString(html, StandardCharsets.UTF_8));
    }
}
