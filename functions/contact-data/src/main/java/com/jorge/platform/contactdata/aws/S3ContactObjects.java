package com.jorge.platform.contactdata.aws;

import com.jorge.platform.contactdata.ContactObjects;
import com.jorge.platform.conversation.LeadRef;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The contact's objects in an S3 bucket, {@code <prefix>/<location>/<contact>/...}; erasure removes every version. */
public final class S3ContactObjects implements ContactObjects {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3ContactObjects(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public List<StoredObject> export(LeadRef lead) {
        List<StoredObject> out = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(of(lead))).contents()) {
            out.add(new StoredObject(o.key(), s3.getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray()));
        }
        return out;
    }

    @Override
    public int erase(LeadRef lead) {
        List<ObjectIdentifier> versions = new ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(of(lead))).forEach(page -> {
            page.versions().forEach(v -> {
                versions.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build());
                keys.add(v.key());
            });
            page.deleteMarkers().forEach(m -> versions.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
        });
        for (int i = 0; i < versions.size(); i += 1000) {
            List<ObjectIdentifier> batch = versions.subList(i, Math.min(versions.size(), i + 1000));
            s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
        }
        return keys.size();
    }

    private String of(LeadRef lead) {
        return prefix + "/" + URLEncoder.encode(lead.locationId(), StandardCharsets.UTF_8) + "/"
                + URLEncoder.encode(lead.contactId(), StandardCharsets.UTF_8) + "/";
    }
}
