package com.jorge.platform.infra.stacks;

import com.jorge.platform.infra.config.EnvironmentSettings;
import com.jorge.platform.infra.config.LogRetention;
import java.util.List;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IInterfaceVpcEndpointService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The VPC: public subnets hold only the NAT gateways, functions and inference tasks sit in private
 * subnets, the database and Redis in isolated ones. AWS traffic goes through VPC endpoints; the NAT is
 * there for GoHighLevel's API (and the ECS agent). The security groups say who may talk to whom, all in
 * one place.
 */
public final class NetworkStack extends Stack {
    public static final int INFERENCE_PORT = 8080;
    public static final int POSTGRES_PORT = 5432;

    private final Vpc vpc;
    private final SecurityGroup functionsGroup;
    private final SecurityGroup inferenceLoadBalancerGroup;
    private final SecurityGroup inferenceTasksGroup;
    private final SecurityGroup databaseGroup;
    private final SecurityGroup databaseRotationGroup;
    private final SecurityGroup redisGroup;

    public NetworkStack(Construct scope, String id, StackProps props, EnvironmentSettings config) {
        super(scope, id, props);
        var network = config.network();

        Vpc.Builder vpcBuilder = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr(network.cidr()))
                .natGateways(network.natGateways())
                .restrictDefaultSecurityGroup(true)
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder().name("edge").subnetType(SubnetType.PUBLIC).cidrMask(24).build(),
                        SubnetConfiguration.builder().name("app").subnetType(SubnetType.PRIVATE_WITH_EGRESS).cidrMask(20).build(),
                        SubnetConfiguration.builder().name("data").subnetType(SubnetType.PRIVATE_ISOLATED).cidrMask(24).build()))
                .gatewayEndpoints(java.util.Map.of("S3", GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.S3).build()));
        if (network.availabilityZones().isEmpty()) {
            vpcBuilder.maxAzs(network.maxAzs());
        } else {
            vpcBuilder.availabilityZones(network.availabilityZones());
        }
        vpc = vpcBuilder.build();
        if (!network.availabilityZones().isEmpty()) {
            Validations.of(vpc).acknowledge(Acknowledgment.builder()
                    .id("CloudFormation-Validate::W3010")
                    .reason("The zones are named in the environment config on purpose: the template then needs no account "
                            + "lookup at synth time, and prod gets three zones instead of the two an account-agnostic stack gets.")
                    .build());
        }

        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .retention(LogRetention.days(config.logRetentionDays(), "logRetentionDays"))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        vpc.addFlowLog("AllTraffic", FlowLogOptions.builder()
                .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                .trafficType(FlowLogTrafficType.ALL)
                .build());

        SubnetSelection app = SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build();
        SecurityGroup endpointsGroup = SecurityGroup.Builder.create(this, "EndpointsGroup")
                .vpc(vpc)
                .description("Interface VPC endpoints: HTTPS from inside the VPC")
                .allowAllOutbound(false)
                .build();
        endpointsGroup.addIngressRule(Peer.ipv4(network.cidr()), Port.tcp(443), "HTTPS from the VPC");
        for (var endpoint : List.<java.util.Map.Entry<String, IInterfaceVpcEndpointService>>of(
                java.util.Map.entry("Sqs", InterfaceVpcEndpointAwsService.SQS),
                java.util.Map.entry("SecretsManager", InterfaceVpcEndpointAwsService.SECRETS_MANAGER),
                java.util.Map.entry("CloudWatch", InterfaceVpcEndpointAwsService.CLOUDWATCH_MONITORING),
                java.util.Map.entry("CloudWatchLogs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS),
                java.util.Map.entry("Ssm", InterfaceVpcEndpointAwsService.SSM),
                java.util.Map.entry("StepFunctions", InterfaceVpcEndpointAwsService.STEP_FUNCTIONS), // the worker starts workflows
                java.util.Map.entry("Sns", InterfaceVpcEndpointAwsService.SNS), // the alert evaluator pages ops
                java.util.Map.entry("BedrockRuntime", InterfaceVpcEndpointAwsService.BEDROCK_RUNTIME))) {
            vpc.addInterfaceEndpoint(endpoint.getKey(), InterfaceVpcEndpointOptions.builder()
                    .service(endpoint.getValue())
                    .subnets(app)
                    .privateDnsEnabled(true)
                    .securityGroups(List.of(endpointsGroup))
                    .open(false)
                    .build());
        }

        int redisPort = config.data().redisPort();
        functionsGroup = group("Functions", "Lambda functions: out to AWS endpoints, GHL (HTTPS), Aurora, Redis and the inference load balancer", false);
        inferenceLoadBalancerGroup = group("InferenceLoadBalancer", "Internal load balancer in front of the GPU inference service", false);
        inferenceTasksGroup = group("InferenceTasks", "GPU inference tasks (awsvpc): pull images and models through NAT and the S3 endpoint", true);
        databaseGroup = group("Database", "Aurora PostgreSQL: reachable from the functions only", false);
        databaseRotationGroup = group("DatabaseRotation", "Secrets Manager rotation function for the Aurora credentials", false);
        redisGroup = group("Redis", "ElastiCache Redis: reachable from the functions only", false);

        functionsGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS: VPC endpoints and the GoHighLevel API");
        functionsGroup.addEgressRule(databaseGroup, Port.tcp(POSTGRES_PORT), "Aurora PostgreSQL");
        functionsGroup.addEgressRule(redisGroup, Port.tcp(redisPort), "Redis");
        functionsGroup.addEgressRule(inferenceLoadBalancerGroup, Port.tcp(80), "Lead score inference");

        databaseGroup.addIngressRule(functionsGroup, Port.tcp(POSTGRES_PORT), "Functions to Aurora");
        databaseGroup.addIngressRule(databaseRotationGroup, Port.tcp(POSTGRES_PORT), "Credential rotation to Aurora");
        databaseRotationGroup.addEgressRule(databaseGroup, Port.tcp(POSTGRES_PORT), "Aurora");
        databaseRotationGroup.addEgressRule(Peer.ipv4(network.cidr()), Port.tcp(443), "Secrets Manager endpoint");
        redisGroup.addIngressRule(functionsGroup, Port.tcp(redisPort), "Functions to Redis");
        inferenceLoadBalancerGroup.addIngressRule(functionsGroup, Port.tcp(80), "Functions to the inference load balancer");
        inferenceLoadBalancerGroup.addEgressRule(inferenceTasksGroup, Port.tcp(INFERENCE_PORT), "Load balancer to inference tasks");
        inferenceTasksGroup.addIngressRule(inferenceLoadBalancerGroup, Port.tcp(INFERENCE_PORT), "Load balancer (traffic and health checks) to inference tasks");
    }

    private SecurityGroup group(String id, String description, boolean allowAllOutbound) {
        return SecurityGroup.Builder.create(this, id + "Group")
                .vpc(vpc)
                .description(description)
                .allowAllOutbound(allowAllOutbound)
                .build();
    }

    public Vpc vpc() {
        return vpc;
    }

    public SecurityGroup functionsGroup() {
        return functionsGroup;
    }

    public SecurityGroup inferenceLoadBalancerGroup() {
        return inferenceLoadBalancerGroup;
    }

    public SecurityGroup inferenceTasksGroup() {
        return inferenceTasksGroup;
    }

    public SecurityGroup databaseGroup() {
        return databaseGroup;
    }

    public SecurityGroup databaseRotationGroup() {
        return databaseRotationGroup;
    }

    public SecurityGroup redisGroup() {
        return redisGroup;
    }

    public SubnetSelection appSubnets() {
        return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build();
    }

    public SubnetSelection dataSubnets() {
        return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build();
    }
}
