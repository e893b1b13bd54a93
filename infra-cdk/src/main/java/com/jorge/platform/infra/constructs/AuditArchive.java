package com.jorge.platform.infra.constructs;

import com.jorge.platform.infra.config.EnvironmentSettings;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectLockRetention;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * The audit archive: an S3 bucket with Object Lock in COMPLIANCE mode (the config's retention; no one,
 * the account root included, can delete or overwrite an object before it ends) and the grants of the
 * daily export function, which may only list the archive and put new objects under its prefix.
 */
public final class AuditArchive extends Construct {

    public static final String PREFIX = "audit";

    private final Bucket bucket;

    public AuditArchive(Construct scope, String id, EnvironmentSettings.Audit config, IKey key, IBucket accessLogs) {
        super(scope, id);
        bucket = Bucket.Builder.create(this, "Bucket")
                .objectLockEnabled(true)
                .objectLockDefaultRetention(ObjectLockRetention.compliance(Duration.days(config.retentionDays())))
                .versioned(true)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                .bucketKeyEnabled(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("audit-archive/")
                // storage limitation: once the retention ended, the entries go
                .lifecycleRules(List.of(LifecycleRule.builder().id("after-retention")
                        .expiration(Duration.days(config.retentionDays() + 1))
                        .noncurrentVersionExpiration(Duration.days(config.retentionDays() + 1))
                        .abortIncompleteMultipartUploadAfter(Duration.days(1))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    public Bucket bucket() {
        return bucket;
    }

    /** The export function's environment. */
    public Map<String, String> environment() {
        return Map.of("AUDIT_ARCHIVE_BUCKET", bucket.getBucketName(), "AUDIT_ARCHIVE_PREFIX", PREFIX);
    }

    /** List the archive, put new objects under its prefix: no read, no delete, no retention change. */
    public void grantExport(IFunction exporter, IKey key) {
        grantUnderPrefix(exporter, "s3:PutObject", List.of("kms:GenerateDataKey", "kms:Decrypt"), key,
                "The export puts one object per location and day under the archive's prefix, names it cannot know "
                        + "in advance; it may not read, delete or change the retention of any of them.");
    }

    /** List and read the archived entries (a contact's GDPR export includes them): no put, no delete, no retention change. */
    public void grantRead(IFunction reader, IKey key) {
        grantUnderPrefix(reader, "s3:GetObject", List.of("kms:Decrypt"), key,
                "A contact's export reads the archived entries of the contact's location, one object per location "
                        + "and day under the archive's prefix, names it cannot know in advance; it may not write or delete any.");
    }

    /** ListBucket under the prefix, one object action on the objects there, the key actions it needs. */
    private void grantUnderPrefix(IFunction function, String objectAction, List<String> keyActions, IKey key, String why) {
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(bucket.getBucketArn()))
                .conditions(Map.of("StringLike", Map.of("s3:prefix", List.of(PREFIX + "/*"))))
                .build());
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of(objectAction))
                .resources(List.of(bucket.arnForObjects(PREFIX + "/*")))
                .build());
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(keyActions)
                .resources(List.of(key.getKeyArn()))
                .build());
        NagSuppressions.addResourceSuppressions(function, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason(why)
                .appliesTo(List.of(RegexAppliesTo.builder().regex("/^Resource::.*AuditArchiveBucket.*\\/" + PREFIX + "\\/\\*$/g").build()))
                .build()), true);
    }
}
