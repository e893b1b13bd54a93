package com.jorge.platform.infra.stacks;

import com.jorge.platform.infra.RepositoryLayout;
import com.jorge.platform.infra.config.EnvironmentSettings;
import com.jorge.platform.infra.config.LogRetention;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.autoscaling.BlockDevice;
import software.amazon.awscdk.services.autoscaling.BlockDeviceVolume;
import software.amazon.awscdk.services.autoscaling.EbsDeviceOptions;
import software.amazon.awscdk.services.autoscaling.EbsDeviceVolumeType;
import software.amazon.awscdk.services.autoscaling.Monitoring;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AlarmBehavior;
import software.amazon.awscdk.services.ecs.AmiHardwareType;
import software.amazon.awscdk.services.ecs.AsgCapacityProvider;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentAlarmConfig;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.Ec2Service;
import software.amazon.awscdk.services.ecs.Ec2TaskDefinition;
import software.amazon.awscdk.services.ecs.EcsOptimizedImage;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.NetworkMode;
import software.amazon.awscdk.services.ecs.PlacementStrategy;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.Protocol;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.TrackCustomMetricProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeElb;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The GPU inference tier: an ECS cluster whose capacity comes from g5 instances on the ECS GPU-optimised
 * AMI, the inference service (one GPU reserved per task) behind an internal load balancer, task auto
 * scaling on CPU and on the service's own queue-depth metric, and rolling deployments that a circuit
 * breaker or an alarm roll back.
 */
public final class InferenceStack extends Stack {
    public static final String HEALTH_PATH = "/v2/health/ready";
    public static final String METRICS_NAMESPACE = "JorgePlatform";
    /** The inference service's S3 registry: models/<model>/<version>/model.onnx and models/<model>/live.json. */
    public static final String MODEL_PREFIX = "models/";
    /** The committed bank-marketing stand-in model (models/artifacts/lead-score), for benchmarks and comparison. */
    public static final String BANK_MODEL = "lead-score";
    /** The model the bots score with, trained on the team's own deals (models/README.md). */
    public static final String CONVERSATION_MODEL = "conversation-lead-score";
    public static final String QUEUE_DEPTH_METRIC = "InferenceQueueDepth";
    public static final String SERVICE_DIMENSION_VALUE = "gpu-inference";

    private final Cluster cluster;
    private final Ec2Service service;
    private final ApplicationLoadBalancer loadBalancer;
    private final ApplicationTargetGroup targetGroup;
    private final ScalableTaskCount scaling;

    public InferenceStack(Construct scope, String id, StackProps props, EnvironmentSettings config, RepositoryLayout layout,
                          NetworkStack network, DataStack data, AlertingStack alerting) {
        super(scope, id, props);
        // declared before any grant, so that KMS grants on the data key go to the principal, not the key policy
        addStackDependency(network);
        addStackDependency(data);
        addStackDependency(alerting);
        var inference = config.inference();

        cluster = Cluster.Builder.create(this, "Cluster")
                .vpc(network.vpc())
                .containerInsightsV2(ContainerInsights.ENHANCED)
                .build();

        SecurityGroup hosts = SecurityGroup.Builder.create(this, "GpuHostsGroup")
                .vpc(network.vpc())
                .description("GPU container instances: the ECS agent, image pulls and NVIDIA drivers need outbound HTTPS")
                .allowAllOutbound(true)
                .build();
        AutoScalingGroup gpuHosts = AutoScalingGroup.Builder.create(this, "GpuHosts")
                .vpc(network.vpc())
                .vpcSubnets(network.appSubnets())
                .instanceType(new InstanceType(inference.instanceType()))
                .machineImage(EcsOptimizedImage.amazonLinux2023(AmiHardwareType.GPU))
                .securityGroup(hosts)
                .requireImdsv2(true)
                .instanceMonitoring(Monitoring.DETAILED)
                .minCapacity(0) // the capacity provider adds hosts as tasks need GPUs
                .maxCapacity(inference.maxTasks() * inference.gpusPerTask())
                .cooldown(Duration.minutes(5))
                .blockDevices(List.of(BlockDevice.builder()
                        .deviceName("/dev/xvda")
                        .volume(BlockDeviceVolume.ebs(100, EbsDeviceOptions.builder()
                                .encrypted(true)
                                .volumeType(EbsDeviceVolumeType.GP3)
                                .deleteOnTermination(true)
                                .build()))
                        .build()))
                .build();
        AsgCapacityProvider gpuCapacity = AsgCapacityProvider.Builder.create(this, "GpuCapacity")
                .autoScalingGroup(gpuHosts)
                .enableManagedScaling(true)
                .enableManagedTerminationProtection(true)
                .targetCapacityPercent(100)
                .build();
        cluster.addAsgCapacityProvider(gpuCapacity);

        LogGroup logs = LogGroup.Builder.create(this, "ServiceLogs")
                .retention(LogRetention.days(config.logRetentionDays(), "logRetentionDays"))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        Ec2TaskDefinition task = Ec2TaskDefinition.Builder.create(this, "Task")
                .networkMode(NetworkMode.AWS_VPC)
                .build();
        task.addContainer("inference", ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromAsset(layout.inferenceImageContext().toString(), AssetImageProps.builder()
                        .platform(Platform.LINUX_AMD64)
                        .build()))
                .gpuCount(inference.gpusPerTask())
                .memoryReservationMiB(inference.taskMemoryMiB())
                .cpu(inference.taskCpuUnits())
                .portMappings(List.of(PortMapping.builder().containerPort(NetworkStack.INFERENCE_PORT).protocol(Protocol.TCP).build()))
                .environment(Map.of(
                        "PORT", Integer.toString(NetworkStack.INFERENCE_PORT),
                        "MODEL_REGISTRY", "s3://" + data.modelBucket().getBucketName() + "/" + MODEL_PREFIX,
                        // nothing from the registry gates readiness (the embedding model ships in the image): the
                        // team's own model exists only after its first retraining, and the bank-marketing stand-in
                        // is served only if ops uploads it. Each is served once published.
                        "MODELS", "",
                        "OPTIONAL_MODELS", BANK_MODEL + "," + CONVERSATION_MODEL,
                        "INFERENCE_DEVICE", "cuda",
                        "AWS_REGION", getRegion()))
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix("inference").build()))
                .readonlyRootFilesystem(false)
                .build());
        data.modelBucket().grantRead(task.getTaskRole());

        Bucket loadBalancerLogs = Bucket.Builder.create(this, "LoadBalancerLogs")
                .encryption(BucketEncryption.S3_MANAGED) // ALB access logs support SSE-S3 only
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-logs").expiration(Duration.days(90)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
                .vpc(network.vpc())
                .vpcSubnets(network.appSubnets())
                .internetFacing(false)
                .securityGroup(network.inferenceLoadBalancerGroup())
                .dropInvalidHeaderFields(true)
                .build();
        loadBalancer.logAccessLogs(loadBalancerLogs, "inference");
        DataStack.acknowledgeSubnetWarning(loadBalancer);
        targetGroup = ApplicationTargetGroup.Builder.create(this, "Targets")
                .vpc(network.vpc())
                .port(NetworkStack.INFERENCE_PORT)
                .protocol(ApplicationProtocol.HTTP)
                .targetType(TargetType.IP)
                .deregistrationDelay(Duration.seconds(30))
                .healthCheck(HealthCheck.builder()
                        .path(HEALTH_PATH)
                        .healthyHttpCodes("200")
                        .interval(Duration.seconds(15))
                        .timeout(Duration.seconds(5))
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(3)
                        .build())
                .build();
        ApplicationListener listener = loadBalancer.addListener("Http", software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps.builder()
                .port(80)
                .protocol(ApplicationProtocol.HTTP)
                .open(false) // only the functions' security group may connect (see NetworkStack)
                .defaultAction(ListenerAction.forward(List.of(targetGroup)))
                .build());

        Alarm errors = Alarm.Builder.create(this, "Inference5xx")
                .alarmDescription("The inference service answered 5xx more often than the configured count per minute, "
                        + "3 minutes in a row; during a deployment ECS rolls the service back")
                .metric(loadBalancer.getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, perMinute("Sum")))
                .threshold(config.alarms().inference5xxPerMinute())
                .evaluationPeriods(3)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alerting.notifyOps(errors);
        Alarm latency = Alarm.Builder.create(this, "InferenceP99Latency")
                .alarmDescription("Inference p99 response time above the configured bound for 5 minutes")
                .metric(targetGroup.getMetrics().targetResponseTime(perMinute("p99")))
                .threshold(config.alarms().inferenceP99Ms() / 1000.0)
                .evaluationPeriods(5)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alerting.notifyOps(latency);
        Alarm elb5xx = Alarm.Builder.create(this, "LoadBalancer5xx")
                .alarmDescription("The internal load balancer itself answered 5xx (no healthy target, or targets refusing connections)")
                .metric(loadBalancer.getMetrics().httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, perMinute("Sum")))
                .threshold(config.alarms().inference5xxPerMinute())
                .evaluationPeriods(3)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alerting.notifyOps(elb5xx);

        service = Ec2Service.Builder.create(this, "Service")
                .cluster(cluster)
                .taskDefinition(task)
                .desiredCount(inference.minTasks())
                .capacityProviderStrategies(List.of(CapacityProviderStrategy.builder()
                        .capacityProvider(gpuCapacity.getCapacityProviderName())
                        .weight(1)
                        .build()))
                .vpcSubnets(network.appSubnets())
                .securityGroups(List.of(network.inferenceTasksGroup()))
                .placementStrategies(List.of(PlacementStrategy.spreadAcrossInstances()))
                .minHealthyPercent(100) // never drop below the running count while rolling
                .maxHealthyPercent(200)
                .healthCheckGracePeriod(Duration.seconds(inference.healthCheckGraceSeconds())) // model download + CUDA warm-up
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .deploymentAlarms(DeploymentAlarmConfig.builder()
                        .alarmNames(List.of(errors.getAlarmName(), elb5xx.getAlarmName()))
                        .behavior(AlarmBehavior.ROLLBACK_ON_ALARM)
                        .build())
                .build();
        service.getNode().addDependency(errors, elb5xx);
        service.attachToApplicationTargetGroup(targetGroup);
        service.getNode().addDependency(listener);

        scaling = service.autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(inference.minTasks())
                .maxCapacity(inference.maxTasks())
                .build());
        scaling.scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder()
                .targetUtilizationPercent(inference.cpuTargetPercent())
                .scaleOutCooldown(Duration.minutes(1))
                .scaleInCooldown(Duration.minutes(5))
                .build());
        scaling.scaleToTrackCustomMetric("QueueDepth", TrackCustomMetricProps.builder()
                .metric(queueDepthMetric())
                .targetValue(inference.queueDepthTarget())
                .scaleOutCooldown(Duration.minutes(1))
                .scaleInCooldown(Duration.minutes(5))
                .build());

        NagSuppressions.addResourceSuppressions(loadBalancerLogs, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-S1")
                .reason("This bucket only receives the load balancer's access logs; logging its own access would need a third bucket for no reader.")
                .build()));
        NagSuppressions.addResourceSuppressions(gpuHosts, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-AS3")
                .reason("The ECS capacity provider owns this group's size; scaling events show as ECS service events and the "
                        + "inference alarms page ops. ASG notifications would need the AutoScaling service-linked role in the alert key's policy.")
                .build()), true);
        NagSuppressions.addResourceSuppressions(task, List.of(
                NagPackSuppression.builder()
                        .id("AwsSolutions-ECS2")
                        .reason("The environment holds only non-secret settings (bucket name, port, provider); the service reads no secrets.")
                        .build(),
                NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .reason("The task reads models from the model bucket only (s3:GetObject*/GetBucket*/List* on that bucket and its "
                                + "objects, decrypt with its key); the execution role's ecr:GetAuthorizationToken has no resource-level permission.")
                        .appliesTo(List.of("Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*", "Resource::*",
                                RegexAppliesTo.builder().regex("/^Resource::.*Models.*\\/\\*$/").build()))
                        .build()), true);
        NagSuppressions.addResourceSuppressions(gpuHosts, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("The ECS container-agent policy CDK writes for capacity-provider instances: ecs:Submit* state changes and "
                        + "ecr:GetAuthorizationToken / ecs:DiscoverPollEndpoint, which have no resource-level permissions.")
                .appliesTo(List.of("Action::ecs:Submit*", "Resource::*"))
                .build()), true);
    }

    private static MetricOptions perMinute(String statistic) {
        return MetricOptions.builder().period(Duration.minutes(1)).statistic(statistic).build();
    }

    /** Requests waiting in the service's dynamic-batching queue, averaged over its tasks (the service writes it as EMF). */
    public static Metric queueDepthMetric() {
        return Metric.Builder.create()
                .namespace(METRICS_NAMESPACE)
                .metricName(QUEUE_DEPTH_METRIC)
                .dimensionsMap(Map.of("Service", SERVICE_DIMENSION_VALUE))
                .statistic("Average")
                .period(Duration.minutes(1))
                .build();
    }

    public Cluster cluster() {
        return cluster;
    }

    public Ec2Service service() {
        return service;
    }

    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    public ApplicationTargetGroup targetGroup() {
        return targetGroup;
    }

    public ScalableTaskCount scaling() {
        return scaling;
    }

    /** The URL the bot worker calls for lead scores. */
    public String leadScoreEndpoint() {
        return "http://" + loadBalancer.getLoadBalancerDnsName();
    }
}
