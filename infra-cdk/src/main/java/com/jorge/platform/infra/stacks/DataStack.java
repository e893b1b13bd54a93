package com.jorge.platform.infra.stacks;

import com.jorge.platform.infra.config.EnvironmentSettings;
import com.jorge.platform.infra.config.LogRetention;
import com.jorge.platform.infra.constructs.AuditArchive;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.elasticache.CfnReplicationGroup;
import software.amazon.awscdk.services.elasticache.CfnSubnetGroup;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.BackupProps;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.IClusterInstance;
import software.amazon.awscdk.services.rds.ServerlessV2ClusterInstanceProps;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.NoncurrentVersionTransition;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.secretsmanager.HostedRotation;
import software.amazon.awscdk.services.secretsmanager.RotationScheduleOptions;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SingleUserHostedRotationOptions;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * State: Aurora PostgreSQL Serverless v2, ElastiCache Redis in cluster mode, and the versioned S3
 * bucket the inference tier loads its models from. Nothing here is reachable from outside the VPC.
 */
public final class DataStack extends Stack {
    public static final String DATABASE_NAME = "jorge";
    public static final String DATABASE_ADMIN = "jorge_admin";

    /** The validator reads distinct cross-stack subnet references (Fn::GetStackOutput) as duplicates. */
    static void acknowledgeSubnetWarning(software.constructs.IConstruct scope) {
        Validations.of(scope).acknowledge(Acknowledgment.builder()
                .id("CloudFormation-Validate::W9007")
                .reason("The subnet ids are distinct cross-stack references (Fn::GetStackOutput) that the validator cannot resolve.")
                .build());
    }

    private final Key key;
    private final DatabaseCluster database;
    private final Secret redisAuth;
    private final CfnReplicationGroup redis;
    private final Bucket modelBucket;
    private final Bucket accessLogs;
    private final AuditArchive auditArchive;

    public DataStack(Construct scope, String id, StackProps props, EnvironmentSettings config, NetworkStack network, AlertingStack alerting) {
        super(scope, id, props);
        addStackDependency(network);
        addStackDependency(alerting);
        var data = config.data();
        key = Key.Builder.create(this, "DataKey")
                .description("Jorge Platform " + config.name() + ": encrypts Aurora, Redis and the model bucket")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        // --- Aurora PostgreSQL Serverless v2: a writer and readers spread over the zones
        List<IClusterInstance> readers = new ArrayList<>();
        for (int i = 1; i <= data.auroraReaders(); i++) {
            readers.add(ClusterInstance.serverlessV2("reader" + i, ServerlessV2ClusterInstanceProps.builder()
                    .scaleWithWriter(i == 1) // the first reader is the failover target: it must keep up with the writer
                    .enablePerformanceInsights(true)
                    .build()));
        }
        String clusterIdentifier = "jorge-" + config.name();
        // the log group exists before the cluster exports to it, so no log-retention custom resource is needed
        LogGroup postgresLogs = LogGroup.Builder.create(this, "AuroraLogs")
                .logGroupName("/aws/rds/cluster/" + clusterIdentifier + "/postgresql")
                .retention(LogRetention.days(config.logRetentionDays(), "logRetentionDays"))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        database = DatabaseCluster.Builder.create(this, "Aurora")
                .clusterIdentifier(clusterIdentifier)
                .engine(DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder()
                        .version(AuroraPostgresEngineVersion.VER_16_9).build()))
                // secrets use the account's aws/secretsmanager key: a customer key here would put the functions'
                // role ARNs into this stack's key policy (Secrets Manager decrypts via the service), a stack cycle
                .credentials(Credentials.fromGeneratedSecret(DATABASE_ADMIN))
                .writer(ClusterInstance.serverlessV2("writer", ServerlessV2ClusterInstanceProps.builder()
                        .enablePerformanceInsights(true).build()))
                .readers(readers)
                .serverlessV2MinCapacity(data.auroraMinAcu())
                .serverlessV2MaxCapacity(data.auroraMaxAcu())
                .vpc(network.vpc())
                .vpcSubnets(network.dataSubnets())
                .securityGroups(List.of(network.databaseGroup()))
                .port(NetworkStack.POSTGRES_PORT)
                .defaultDatabaseName(DATABASE_NAME)
                .storageEncrypted(true)
                .storageEncryptionKey(key)
                .iamAuthentication(true)
                .deletionProtection(true)
                .backup(BackupProps.builder()
                        .retention(Duration.days(data.backupRetentionDays()))
                        .preferredWindow("03:00-04:00")
                        .build())
                .preferredMaintenanceWindow("sun:04:30-sun:05:30")
                .cloudwatchLogsExports(List.of("postgresql"))
                .copyTagsToSnapshot(true)
                .removalPolicy(RemovalPolicy.SNAPSHOT)
                .build();
        database.getNode().addDependency(postgresLogs);
        acknowledgeSubnetWarning(database.getNode().findChild("Subnets"));
        // Hosted rotation in our own security group: the rules live in NetworkStack with a fixed port, which keeps
        // the Network stack free of references to this one.
        database.getSecret().addRotationSchedule("Rotation", RotationScheduleOptions.builder()
                .hostedRotation(HostedRotation.postgreSqlSingleUser(SingleUserHostedRotationOptions.builder()
                        .vpc(network.vpc())
                        .vpcSubnets(network.appSubnets())
                        .securityGroups(List.of(network.databaseRotationGroup()))
                        .build()))
                .automaticallyAfter(Duration.days(30))
                .build());

        Alarm cpu = Alarm.Builder.create(this, "AuroraCpuHigh")
                .alarmDescription("Aurora writer CPU above the configured share for 10 minutes")
                .metric(database.metricCPUUtilization(software.amazon.awscdk.services.cloudwatch.MetricOptions.builder()
                        .period(Duration.minutes(5)).statistic("Average").build()))
                .threshold(config.alarms().auroraCpuPercent())
                .evaluationPeriods(2)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alerting.notifyOps(cpu);
        Alarm capacity = Alarm.Builder.create(this, "AuroraCapacityNearMax")
                .alarmDescription("Aurora Serverless v2 used 90 % of its maximum ACUs for 15 minutes: raise data.auroraMaxAcu")
                .metric(database.metric("ACUUtilization", software.amazon.awscdk.services.cloudwatch.MetricOptions.builder()
                        .period(Duration.minutes(5)).statistic("Maximum").build()))
                .threshold(90)
                .evaluationPeriods(3)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alerting.notifyOps(capacity);

        // --- ElastiCache Redis, cluster mode: shards x (1 primary + replicas), TLS, AUTH, encrypted at rest
        redisAuth = Secret.Builder.create(this, "RedisAuth")
                .description("AUTH token of the Jorge Platform Redis cluster")
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(64)
                        .excludePunctuation(true) // ElastiCache AUTH tokens allow only a few symbols
                        .build())
                .build();
        CfnSubnetGroup redisSubnets = CfnSubnetGroup.Builder.create(this, "RedisSubnets")
                .description("Isolated data subnets for Redis")
                .subnetIds(network.vpc().selectSubnets(network.dataSubnets()).getSubnetIds())
                .build();
        redis = CfnReplicationGroup.Builder.create(this, "Redis")
                .replicationGroupDescription("Jorge Platform " + config.name() + " conversation state and caches")
                .engine("redis")
                .engineVersion("7.1")
                .cacheNodeType(data.redisNodeType())
                .cacheParameterGroupName("default.redis7.cluster.on")
                .numNodeGroups(data.redisShards())
                .replicasPerNodeGroup(data.redisReplicasPerShard())
                .automaticFailoverEnabled(true)
                .multiAzEnabled(true)
                .transitEncryptionEnabled(true)
                .atRestEncryptionEnabled(true)
                .kmsKeyId(key.getKeyArn())
                .authToken(redisAuth.getSecretValue().unsafeUnwrap()) // a {{resolve:secretsmanager}} reference, never the value
                .port(data.redisPort())
                .cacheSubnetGroupName(redisSubnets.getRef())
                .securityGroupIds(List.of(network.redisGroup().getSecurityGroupId()))
                .snapshotRetentionLimit(7)
                .snapshotWindow("02:00-03:00")
                .preferredMaintenanceWindow("sun:05:30-sun:06:30")
                .autoMinorVersionUpgrade(true)
                .build();
        redis.addResourceDependency(redisSubnets);
        acknowledgeSubnetWarning(redisSubnets);

        Alarm redisCpu = Alarm.Builder.create(this, "RedisEngineCpuHigh")
                .alarmDescription("Redis engine CPU (single-threaded) above the configured share for 10 minutes on some node")
                .metric(busiestRedisNode("EngineCPUUtilization", data.redisShards(), data.redisReplicasPerShard()))
                .threshold(config.alarms().redisCpuPercent())
                .evaluationPeriods(2)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alerting.notifyOps(redisCpu);
        Alarm redisMemory = Alarm.Builder.create(this, "RedisMemoryHigh")
                .alarmDescription("Redis memory use above the configured share: evictions are near")
                .metric(busiestRedisNode("DatabaseMemoryUsagePercentage", data.redisShards(), data.redisReplicasPerShard()))
                .threshold(config.alarms().redisMemoryPercent())
                .evaluationPeriods(2)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alerting.notifyOps(redisMemory);

        // --- the model bucket (and the bucket its access logs go to)
        accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .encryption(BucketEncryption.S3_MANAGED) // S3 server access logging cannot write to SSE-KMS buckets
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-logs").expiration(Duration.days(365)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        NagSuppressions.addResourceSuppressions(accessLogs, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-S1")
                .reason("This is the access-log bucket itself; logging it into itself would loop.")
                .build()));
        modelBucket = Bucket.Builder.create(this, "Models")
                .versioned(true)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                .bucketKeyEnabled(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("models/")
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("old-model-versions")
                        .noncurrentVersionTransitions(List.of(NoncurrentVersionTransition.builder()
                                .storageClass(StorageClass.INFREQUENT_ACCESS)
                                .transitionAfter(Duration.days(30))
                                .build()))
                        .noncurrentVersionExpiration(Duration.days(Math.max(data.noncurrentModelVersionDays(), 31)))
                        .noncurrentVersionsToRetain(3) // a rollback always finds the last few models
                        .abortIncompleteMultipartUploadAfter(Duration.days(7))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // --- the audit archive: Object Lock in COMPLIANCE mode, retention from the config (issue 14)
        auditArchive = new AuditArchive(this, "AuditArchive", config.audit(), key, accessLogs);

        NagSuppressions.addResourceSuppressions(redisAuth, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-SMG4")
                .reason("ElastiCache AUTH tokens rotate through ModifyReplicationGroup (AuthTokenUpdateStrategy ROTATE then SET), "
                        + "which Secrets Manager rotation cannot drive; the runbook in infra-cdk/README.md rotates it.")
                .build()));
        NagSuppressions.addResourceSuppressions(database, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-RDS11")
                .reason("The application contract (DATABASE_URL, aws-advanced-jdbc-wrapper) uses PostgreSQL's port 5432; "
                        + "the cluster sits in isolated subnets reachable only from the functions' security group.")
                .build()), true);
    }

    /**
     * The highest value of {@code name} over the cluster's nodes. ElastiCache publishes its host and engine
     * metrics per node ({@code CacheClusterId}), not per replication group, so an alarm on
     * {@code ReplicationGroupId} never saw a data point. A cluster-mode node is named
     * {@code <group>-<shard, 4 digits>-<node, 3 digits>}. An alarm's math may read at most 10 metrics: this
     * covers the first 10 nodes (3 shards x 2 nodes in every environment today); a larger cluster needs its
     * alarms split (checked at synth).
     */
    private IMetric busiestRedisNode(String name, int shards, int replicasPerShard) {
        Map<String, IMetric> nodes = new java.util.LinkedHashMap<>();
        for (int shard = 1; shard <= shards; shard++) {
            for (int node = 1; node <= replicasPerShard + 1; node++) {
                String nodeId = Fn.join("", List.of(redis.getRef(), String.format("-%04d-%03d", shard, node)));
                nodes.put("n" + nodes.size(), Metric.Builder.create()
                        .namespace("AWS/ElastiCache")
                        .metricName(name)
                        .dimensionsMap(Map.of("CacheClusterId", nodeId))
                        .statistic("Maximum")
                        .period(Duration.minutes(5))
                        .build());
            }
        }
        if (nodes.size() > 10) {
            throw new IllegalArgumentException("data.redisShards x (data.redisReplicasPerShard + 1) is " + nodes.size()
                    + " nodes; the Redis alarms read at most 10: split them before growing the cluster");
        }
        return MathExpression.Builder.create()
                .expression("MAX(METRICS())")
                .usingMetrics(nodes)
                .label(name + ", busiest node")
                .period(Duration.minutes(5))
                .build();
    }

    public Key key() {
        return key;
    }

    public DatabaseCluster database() {
        return database;
    }

    public Secret redisAuth() {
        return redisAuth;
    }

    public CfnReplicationGroup redis() {
        return redis;
    }

    /** rediss:// URL of the cluster's configuration endpoint (TLS). */
    public String redisUrl() {
        return "rediss://" + redis.getAttrConfigurationEndPointAddress() + ":" + redis.getAttrConfigurationEndPointPort();
    }

    public String jdbcUrl() {
        return "jdbc:aws-wrapper:postgresql://" + database.getClusterEndpoint().getHostname() + ":" + NetworkStack.POSTGRES_PORT + "/" + DATABASE_NAME;
    }

    public Bucket modelBucket() {
        return modelBucket;
    }

    public Bucket accessLogs() {
        return accessLogs;
    }

    public AuditArchive auditArchive() {
        return auditArchive;
    }

}
