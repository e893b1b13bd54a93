package com.jorge.platform.infra;

import static com.jorge.platform.infra.TemplateJson.only;
import static com.jorge.platform.infra.TemplateJson.references;
import static com.jorge.platform.infra.TemplateJson.resources;
import static com.jorge.platform.infra.TemplateJson.withProperty;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** What the prod templates must say, stack by stack. */
class PlatformTemplatesTest {
    private static SynthesizedPlatform prod;

    @BeforeAll
    static void synth() {
        prod = SynthesizedPlatform.prod();
    }

    // ---------------------------------------------------------------- network

    @Test
    void vpcSpansThreeZonesWithPrivateSubnetsEndpointsAndFlowLogs() {
        JsonNode network = prod.json("Network");
        var subnets = resources(network, "AWS::EC2::Subnet");
        long publicSubnets = subnets.values().stream().filter(s -> s.path("Properties").path("MapPublicIpOnLaunch").asBoolean(false)).count();
        assertThat(subnets).hasSize(9); // edge, app and data subnets in each of us-east-1a/b/c
        assertThat(publicSubnets).isEqualTo(3);
        assertThat(subnets.values().stream().map(s -> s.path("Properties").path("AvailabilityZone").asText()).distinct())
                .containsExactlyInAnyOrder("us-east-1a", "us-east-1b", "us-east-1c");

        List<String> endpoints = resources(network, "AWS::EC2::VPCEndpoint").values().stream()
                .map(e -> e.path("Properties").path("ServiceName").toString()).toList();
        for (String service : List.of("s3", "sqs", "secretsmanager", "monitoring", "logs", "ssm", "states", "sns", "bedrock-runtime")) {
            assertThat(endpoints).as("VPC endpoint for " + service).anyMatch(name -> name.contains("." + service));
        }
        prod.template("Network").hasResourceProperties("AWS::EC2::FlowLog", Map.of("TrafficType", "ALL", "ResourceType", "VPC"));
    }

    @Test
    void onlyTheFunctionsReachTheDatabaseAndRedis() {
        JsonNode network = prod.json("Network");
        var ingress = resources(network, "AWS::EC2::SecurityGroupIngress").values();
        var inlineIngress = new ArrayList<JsonNode>();
        resources(network, "AWS::EC2::SecurityGroup").values().forEach(g -> g.path("Properties").path("SecurityGroupIngress").forEach(inlineIngress::add));
        assertThat(inlineIngress).noneMatch(rule -> "0.0.0.0/0".equals(rule.path("CidrIp").asText()));
        long toPostgres = ingress.stream().filter(r -> r.path("Properties").path("FromPort").asInt() == 5432).count();
        assertThat(toPostgres).as("functions and the rotation function, nothing else").isEqualTo(2);
    }

    // ---------------------------------------------------------------- data

    @Test
    void auroraIsEncryptedPrivateIamAuthenticatedProtectedAndBackedUp() {
        JsonNode cluster = only(prod.json("Data"), "AWS::RDS::DBCluster").path("Properties");
        assertThat(cluster.path("Engine").asText()).isEqualTo("aurora-postgresql");
        assertThat(cluster.path("StorageEncrypted").asBoolean()).isTrue();
        assertThat(cluster.path("KmsKeyId").isMissingNode()).isFalse();
        assertThat(cluster.path("EnableIAMDatabaseAuthentication").asBoolean()).isTrue();
        assertThat(cluster.path("DeletionProtection").asBoolean()).isTrue();
        assertThat(cluster.path("BackupRetentionPeriod").asInt()).isEqualTo(30);
        assertThat(cluster.path("ServerlessV2ScalingConfiguration").path("MinCapacity").asDouble()).isEqualTo(1.0);
        assertThat(cluster.path("ServerlessV2ScalingConfiguration").path("MaxCapacity").asDouble()).isEqualTo(32.0);

        var instances = resources(prod.json("Data"), "AWS::RDS::DBInstance").values();
        assertThat(instances).hasSize(2); // writer + reader: Multi-AZ failover target
        assertThat(instances).allMatch(i -> "db.serverless".equals(i.path("Properties").path("DBInstanceClass").asText()));
        assertThat(instances).allMatch(i -> !i.path("Properties").path("PubliclyAccessible").asBoolean(false));

        JsonNode subnetGroup = only(prod.json("Data"), "AWS::RDS::DBSubnetGroup").path("Properties").path("SubnetIds");
        assertThat(TemplateJson.references(subnetGroup)).hasSize(3).allMatch(ref -> ref.contains("dataSubnet"));
        prod.template("Data").resourceCountIs("AWS::SecretsManager::RotationSchedule", 1);
    }

    @Test
    void redisIsAClusterOfThreeShardsWithReplicasTlsAuthAndEncryption() {
        JsonNode redis = only(prod.json("Data"), "AWS::ElastiCache::ReplicationGroup").path("Properties");
        assertThat(redis.path("NumNodeGroups").asInt()).isEqualTo(3);
        assertThat(redis.path("ReplicasPerNodeGroup").asInt()).isEqualTo(1);
        assertThat(redis.path("CacheParameterGroupName").asText()).endsWith("cluster.on");
        assertThat(redis.path("MultiAZEnabled").asBoolean()).isTrue();
        assertThat(redis.path("AutomaticFailoverEnabled").asBoolean()).isTrue();
        assertThat(redis.path("TransitEncryptionEnabled").asBoolean()).isTrue();
        assertThat(redis.path("AtRestEncryptionEnabled").asBoolean()).isTrue();
        assertThat(redis.path("AuthToken").toString()).startsWith("{\"Fn::Join\":[\"\",[\"{{resolve:secretsmanager:\"");
    }

    @Test
    void redisAlarmsReadEveryNodeByTheDimensionElastiCachePublishes() {
        JsonNode data = prod.json("Data");
        for (String alarm : List.of("RedisEngineCpuHigh", "RedisMemoryHigh")) {
            JsonNode props = data.path("Resources").properties().stream()
                    .filter(e -> e.getKey().startsWith(alarm)).findFirst().orElseThrow().getValue().path("Properties");
            assertThat(props.path("MetricName").isMissingNode()).as(alarm + ": a math alarm, not one metric").isTrue();
            List<JsonNode> queries = new ArrayList<>();
            props.path("Metrics").forEach(queries::add);
            assertThat(queries).filteredOn(q -> q.has("Expression")).extracting(q -> q.path("Expression").asText())
                    .containsExactly("MAX(METRICS())");
            List<JsonNode> nodes = queries.stream().filter(q -> q.has("MetricStat")).toList();
            assertThat(nodes).as(alarm + ": 3 shards x (primary + 1 replica)").hasSize(6);
            List<String> suffixes = new ArrayList<>();
            for (JsonNode node : nodes) {
                JsonNode dimension = node.path("MetricStat").path("Metric").path("Dimensions").get(0);
                assertThat(dimension.path("Name").asText()).isEqualTo("CacheClusterId");
                suffixes.add(dimension.path("Value").path("Fn::Join").get(1).get(1).asText());
            }
            assertThat(suffixes).containsExactly("-0001-001", "-0001-002", "-0002-001", "-0002-002", "-0003-001", "-0003-002");
        }
    }

    @Test
    void recordsTheWorkerDropsUnreadRaiseAnAlarmWhateverTheirReason() {
        JsonNode props = prod.json("Functions").path("Resources").properties().stream()
                .filter(e -> e.getKey().startsWith("QueueMessagesDropped")).findFirst().orElseThrow().getValue().path("Properties");
        List<JsonNode> queries = new ArrayList<>();
        props.path("Metrics").forEach(queries::add);
        assertThat(queries).filteredOn(q -> q.has("Expression")).extracting(q -> q.path("Expression").asText())
                .containsExactly("SUM(METRICS())");
        // the reasons bot-worker's QueuedMessageReader gives, the metric's Kind dimension (EmfMetrics.dimensionName)
        assertThat(queries).filteredOn(q -> q.has("MetricStat")).extracting(q -> {
            JsonNode metric = q.path("MetricStat").path("Metric");
            assertThat(metric.path("MetricName").asText()).isEqualTo("QueueMessagesDropped");
            assertThat(metric.path("Dimensions").get(0).path("Name").asText()).isEqualTo("Kind");
            return metric.path("Dimensions").get(0).path("Value").asText();
        }).containsExactlyInAnyOrder("not_json", "invalid_ghl_event", "invalid_workflow_message");
        assertThat(props.path("Threshold").asInt()).isEqualTo(1);
        assertThat(props.path("AlarmActions")).isNotEmpty();
    }

    @Test
    void modelBucketIsVersionedEncryptedPrivateTlsOnlyLoggedAndPrunesOldVersions() {
        var template = prod.template("Data");
        template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "BucketEncryption", Match.objectLike(Map.of("ServerSideEncryptionConfiguration", List.of(Match.objectLike(Map.of(
                        "ServerSideEncryptionByDefault", Match.objectLike(Map.of("SSEAlgorithm", "aws:kms"))))))),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "LoggingConfiguration", Match.objectLike(Map.of("LogFilePrefix", "models/")),
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "NoncurrentVersionExpiration", Map.of("NoncurrentDays", 180, "NewerNoncurrentVersions", 3))))))));
        String models = resources(prod.json("Data"), "AWS::S3::Bucket").entrySet().stream()
                .filter(e -> e.getValue().path("Properties").has("VersioningConfiguration")).findFirst().orElseThrow().getKey();
        JsonNode policy = resources(prod.json("Data"), "AWS::S3::BucketPolicy").values().stream()
                .filter(p -> models.equals(p.path("Properties").path("Bucket").path("Ref").asText())).findFirst().orElseThrow();
        assertThat(policy.path("Properties").path("PolicyDocument").path("Statement")).anyMatch(s ->
                "Deny".equals(s.path("Effect").asText()) && "false".equals(s.path("Condition").path("Bool").path("aws:SecureTransport").asText()));
    }

    // ---------------------------------------------------------------- inference

    @Test
    void inferenceRunsOnGpuHostsWithOneGpuPerTaskBehindAnInternalLoadBalancer() {
        JsonNode inference = prod.json("Inference");
        JsonNode container = only(inference, "AWS::ECS::TaskDefinition").path("Properties").path("ContainerDefinitions").get(0);
        assertThat(container.path("ResourceRequirements")).anyMatch(r -> "GPU".equals(r.path("Type").asText()) && "1".equals(r.path("Value").asText()));
        assertThat(container.path("PortMappings").get(0).path("ContainerPort").asInt()).isEqualTo(8080);
        Map<String, String> env = new java.util.HashMap<>();
        container.path("Environment").forEach(e -> env.put(e.path("Name").asText(), e.path("Value").asText()));
        assertThat(env).as("an empty model bucket must not keep the tasks unhealthy on a first deployment")
                .containsEntry("MODELS", "");
        JsonNode worker = withProperty(prod.json("Functions"), "AWS::Lambda::Function", "FunctionName", "jorge-bot-worker");
        assertThat(env.get("OPTIONAL_MODELS").split(","))
                .as("the tier serves the bots' model once published")
                .contains(worker.path("Properties").path("Environment").path("Variables").path("LEAD_SCORE_MODEL").asText(),
                        "lead-score");

        JsonNode launchTemplate = only(inference, "AWS::EC2::LaunchTemplate").path("Properties").path("LaunchTemplateData");
        assertThat(launchTemplate.path("InstanceType").asText()).isEqualTo("g5.xlarge");
        String imageParameter = inference.path("Parameters").properties().stream()
                .filter(p -> p.getValue().path("Type").asText().contains("AWS::EC2::Image::Id"))
                .map(p -> p.getValue().path("Default").asText()).findFirst().orElseThrow();
        assertThat(imageParameter).isEqualTo("/aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id");
        assertThat(launchTemplate.path("BlockDeviceMappings").get(0).path("Ebs").path("Encrypted").asBoolean()).isTrue();

        prod.template("Inference").hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Match.objectLike(Map.of("Scheme", "internal")));
        prod.template("Inference").hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.objectLike(Map.of(
                "HealthCheckPath", "/v2/health/ready", "Port", 8080, "TargetType", "ip")));
        prod.template("Inference").hasResourceProperties("AWS::ECS::CapacityProvider", Match.objectLike(Map.of(
                "AutoScalingGroupProvider", Match.objectLike(Map.of("ManagedScaling", Match.objectLike(Map.of("Status", "ENABLED")))))));
    }

    @Test
    void inferenceScalesFromTwoToTwentyOnCpuAndQueueDepthAndRollsBackBadDeployments() {
        JsonNode inference = prod.json("Inference");
        JsonNode target = only(inference, "AWS::ApplicationAutoScaling::ScalableTarget").path("Properties");
        assertThat(target.path("MinCapacity").asInt()).isEqualTo(2);
        assertThat(target.path("MaxCapacity").asInt()).isEqualTo(20);

        var policies = resources(inference, "AWS::ApplicationAutoScaling::ScalingPolicy").values().stream()
                .map(p -> p.path("Properties").path("TargetTrackingScalingPolicyConfiguration")).toList();
        assertThat(policies).anyMatch(p -> p.path("TargetValue").asDouble() == 70.0
                && "ECSServiceAverageCPUUtilization".equals(p.path("PredefinedMetricSpecification").path("PredefinedMetricType").asText()));
        assertThat(policies).anyMatch(p -> "InferenceQueueDepth".equals(p.path("CustomizedMetricSpecification").path("MetricName").asText())
                && p.path("TargetValue").asDouble() == 32.0);

        JsonNode service = only(inference, "AWS::ECS::Service").path("Properties");
        JsonNode deployment = service.path("DeploymentConfiguration");
        assertThat(deployment.path("DeploymentCircuitBreaker").path("Enable").asBoolean()).isTrue();
        assertThat(deployment.path("DeploymentCircuitBreaker").path("Rollback").asBoolean()).isTrue();
        assertThat(deployment.path("Alarms").path("Rollback").asBoolean()).isTrue();
        assertThat(deployment.path("Alarms").path("AlarmNames")).hasSize(2);
        assertThat(service.path("CapacityProviderStrategy")).hasSize(1);
        assertThat(service.path("DesiredCount").asInt()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- functions

    @Test
    void everyFunctionIsJava21WithSnapStartAnAliasLiveAndACanaryThatAlarmsRollBack() {
        JsonNode functions = prod.json("Functions");
        var lambdas = resources(functions, "AWS::Lambda::Function");
        assertThat(lambdas.values().stream().map(f -> f.path("Properties").path("FunctionName").asText()))
                .containsExactlyInAnyOrder("jorge-webhook-intake", "jorge-bot-worker", "jorge-dlq-replay", "jorge-due-replies",
                        "jorge-cache-warmer", "jorge-alert-evaluator", "jorge-bi-aggregator", "jorge-marketplace-install",
                        "jorge-audit-archive");
        for (var entry : lambdas.entrySet()) {
            JsonNode props = entry.getValue().path("Properties");
            String name = props.path("FunctionName").asText();
            assertThat(props.path("Runtime").asText()).as(name).isEqualTo("java21");
            assertThat(props.path("SnapStart").path("ApplyOn").asText()).as(name).isEqualTo("PublishedVersions");
            assertThat(props.path("VpcConfig").path("SubnetIds")).as(name).hasSize(3);

            JsonNode alias = resources(functions, "AWS::Lambda::Alias").values().stream()
                    .filter(a -> entry.getKey().equals(a.path("Properties").path("FunctionName").path("Ref").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no alias for " + name));
            assertThat(alias.path("Properties").path("Name").asText()).isEqualTo("live");
            JsonNode codeDeploy = alias.path("UpdatePolicy").path("CodeDeployLambdaAliasUpdate");
            String groupId = codeDeploy.path("DeploymentGroupName").path("Ref").asText();
            JsonNode group = functions.path("Resources").path(groupId).path("Properties");
            assertThat(group.path("DeploymentConfigName").asText())
                    .as(name).isEqualTo("CodeDeployDefault.LambdaCanary10Percent5Minutes");
            assertThat(group.path("AutoRollbackConfiguration").path("Enabled").asBoolean()).isTrue();
            assertThat(group.path("AutoRollbackConfiguration").path("Events")).extracting(JsonNode::asText)
                    .contains("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM");
            assertThat(group.path("AlarmConfiguration").path("Enabled").asBoolean()).isTrue();

            // the two alarms wired to the rollback watch this function's alias: errors and p99 duration
            List<String> alarmMetrics = new ArrayList<>();
            for (JsonNode alarmRef : group.path("AlarmConfiguration").path("Alarms")) {
                String alarmId = alarmRef.path("Name").path("Ref").asText();
                JsonNode alarm = functions.path("Resources").path(alarmId).path("Properties");
                assertThat(alarm.path("Dimensions").toString()).as(name).contains(":live").contains(entry.getKey());
                alarmMetrics.add(alarm.path("MetricName").asText() + "/" + alarm.path("ExtendedStatistic").asText(alarm.path("Statistic").asText()));
            }
            assertThat(alarmMetrics).as(name).containsExactlyInAnyOrder("Errors/Sum", "Duration/p99");
        }
    }

    @Test
    void theWorkerReadsTheFifoQueueInBatchesOfTenThroughItsAliasWithReservedConcurrency() {
        JsonNode functions = prod.json("Functions");
        JsonNode queue = withProperty(functions, "AWS::SQS::Queue", "QueueName", "lead-events.fifo").path("Properties");
        assertThat(queue.path("FifoQueue").asBoolean()).isTrue();
        assertThat(queue.path("RedrivePolicy").path("maxReceiveCount").asInt()).isEqualTo(5);
        assertThat(queue.path("SqsManagedSseEnabled").asBoolean()).isTrue();
        withProperty(functions, "AWS::SQS::Queue", "QueueName", "lead-events-dlq.fifo");

        JsonNode mapping = only(functions, "AWS::Lambda::EventSourceMapping").path("Properties");
        assertThat(mapping.path("BatchSize").asInt()).isEqualTo(10);
        assertThat(mapping.path("FunctionResponseTypes")).extracting(JsonNode::asText).containsExactly("ReportBatchItemFailures");
        assertThat(mapping.path("ScalingConfig").path("MaximumConcurrency").asInt()).isEqualTo(50);
        assertThat(mapping.path("FunctionName").toString()).endsWith(":live\"]]}");
        String target = TemplateJson.references(mapping.path("FunctionName")).get(0);
        assertThat(functions.path("Resources").path(target).path("Type").asText()).isEqualTo("AWS::Lambda::Alias");

        JsonNode worker = withProperty(functions, "AWS::Lambda::Function", "FunctionName", "jorge-bot-worker").path("Properties");
        assertThat(worker.path("ReservedConcurrentExecutions").asInt()).isEqualTo(50);
        assertThat(worker.path("Environment").path("Variables").properties().stream().map(Map.Entry::getKey))
                .contains("DATABASE_URL", "DATABASE_SECRET_ARN", "REDIS_URL", "REDIS_CLUSTER", "REDIS_AUTH_SECRET_ARN",
                        "GHL_API_BASE_URL", "GHL_API_TOKEN_SECRET_ARN", "LEAD_SCORE_ENDPOINT", "BOT_HUMAN_PAUSE_MINUTES");
        assertThat(worker.path("Environment").path("Variables").path("LEAD_SCORE_MODEL").asText())
                .isEqualTo("conversation-lead-score");
        assertThat(worker.path("Environment").path("Variables").path("MODEL_PREFIX").asText()).isEqualTo("models/");
        assertThat(worker.path("Environment").path("Variables").path("MODEL_BUCKET").toString()).contains("RefModels");
        assertThat(worker.path("Environment").path("Variables").path("DATABASE_URL").toString())
                .contains("jdbc:aws-wrapper:postgresql://").contains(":5432/jorge");

        JsonNode dlqAlarm = resources(functions, "AWS::CloudWatch::Alarm").values().stream()
                .filter(a -> "ApproximateNumberOfMessagesVisible".equals(a.path("Properties").path("MetricName").asText()))
                .findFirst().orElseThrow().path("Properties");
        assertThat(dlqAlarm.path("Threshold").asDouble()).isEqualTo(1.0);
        assertThat(dlqAlarm.path("AlarmActions")).hasSize(1);
    }

    @Test
    void theWebhookRouteIsPostOnlyWithPayloadTwoAndThrottling() {
        JsonNode functions = prod.json("Functions");
        // the intake's route, and the Marketplace app's two (its own test checks them); no other method or path
        assertThat(resources(functions, "AWS::ApiGatewayV2::Route").values().stream().map(r -> r.path("Properties").path("RouteKey").asText()))
                .containsExactlyInAnyOrder("POST /webhooks/ghl", "GET /oauth/callback", "POST /webhooks/ghl/app");
        JsonNode route = withProperty(functions, "AWS::ApiGatewayV2::Route", "RouteKey", "POST /webhooks/ghl").path("Properties");
        JsonNode integration = references(route.path("Target")).stream()
                .map(id -> functions.path("Resources").path(id))
                .filter(r -> "AWS::ApiGatewayV2::Integration".equals(r.path("Type").asText()))
                .findFirst().orElseThrow().path("Properties");
        assertThat(integration.path("PayloadFormatVersion").asText()).isEqualTo("2.0");
        assertThat(integration.path("IntegrationUri").toString()).contains("WebhookIntakeLive");
        assertThat(resources(functions, "AWS::ApiGatewayV2::Integration").values())
                .allSatisfy(i -> assertThat(i.path("Properties").path("PayloadFormatVersion").asText()).isEqualTo("2.0"));
        JsonNode stage = only(functions, "AWS::ApiGatewayV2::Stage").path("Properties");
        assertThat(stage.path("DefaultRouteSettings").path("ThrottlingRateLimit").asInt()).isEqualTo(200);
        assertThat(stage.path("DefaultRouteSettings").path("ThrottlingBurstLimit").asInt()).isEqualTo(400);
        assertThat(stage.path("AccessLogSettings").path("DestinationArn").isMissingNode()).isFalse();
    }

    @Test
    void eachFunctionGetsOnlyTheAccessItsWorkNeeds() {
        JsonNode functions = prod.json("Functions");
        Map<String, List<String>> actionsByFunction = new java.util.HashMap<>();
        for (var fn : resources(functions, "AWS::Lambda::Function").values()) {
            String role = fn.path("Properties").path("Role").path("Fn::GetAtt").get(0).asText();
            List<String> actions = new ArrayList<>();
            resources(functions, "AWS::IAM::Policy").values().stream()
                    .filter(p -> p.path("Properties").path("Roles").toString().contains(role))
                    .forEach(p -> p.path("Properties").path("PolicyDocument").path("Statement").forEach(s -> {
                        JsonNode action = s.path("Action");
                        if (action.isArray()) action.forEach(a -> actions.add(a.asText())); else actions.add(action.asText());
                    }));
            actionsByFunction.put(fn.path("Properties").path("FunctionName").asText(), actions);
        }
        assertThat(actionsByFunction.get("jorge-webhook-intake")).contains("sqs:SendMessage", "secretsmanager:GetSecretValue")
                .as("GHL's Ed25519 key ships in the jar; an SSM read only where ops opted into the legacy RSA key")
                .doesNotContain("sqs:ReceiveMessage", "states:StartExecution", "sqs:DeleteMessage", "ssm:GetParameter");
        // sqs:SendMessage: an approved bulk re-engagement batch queues its leads back onto lead-events.fifo
        assertThat(actionsByFunction.get("jorge-bot-worker")).contains("sqs:ReceiveMessage", "sqs:DeleteMessage", "states:StartExecution",
                "states:SendTaskSuccess", "secretsmanager:GetSecretValue", "s3:GetObject*", "sqs:SendMessage")
                .doesNotContain("ssm:GetParameter", "s3:PutObject", "s3:DeleteObject*");
        String workerModelReads = resources(functions, "AWS::IAM::Policy").values().stream()
                .filter(p -> p.path("Properties").path("PolicyName").asText().startsWith("BotWorker"))
                .flatMap(p -> java.util.stream.StreamSupport.stream(p.path("Properties").path("PolicyDocument").path("Statement").spliterator(), false))
                .filter(st -> st.path("Action").toString().contains("s3:GetObject"))
                .map(st -> st.path("Resource").toString()).findFirst().orElseThrow();
        assertThat(workerModelReads).as("the worker reads its own model's objects only")
                .contains("/models/conversation-lead-score/*").doesNotContain("\"/*\"");
        assertThat(actionsByFunction.get("jorge-marketplace-install")).as("the app's lead events are queued as the intake queues them")
                .contains("kms:GenerateDataKey", "kms:Decrypt", "secretsmanager:GetSecretValue", "sqs:SendMessage")
                .doesNotContain("sqs:ReceiveMessage", "states:StartExecution", "ssm:GetParameter", "s3:GetObject*",
                        "kms:Encrypt", "kms:*");
        assertThat(actionsByFunction.get("jorge-dlq-replay")).contains("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:SendMessage")
                .doesNotContain("secretsmanager:GetSecretValue", "states:StartExecution");
    }

    @Test
    void theMarketplaceAppHasItsRoutesAndSealsTokensUnderItsOwnRotatingKey() {
        JsonNode functions = prod.json("Functions");
        assertThat(resources(functions, "AWS::ApiGatewayV2::Route").values().stream().map(r -> r.path("Properties").path("RouteKey").asText()))
                .contains("POST /webhooks/ghl", "GET /oauth/callback", "POST /webhooks/ghl/app");
        var keys = resources(functions, "AWS::KMS::Key");
        String tokenKey = keys.entrySet().stream()
                .filter(k -> k.getValue().path("Properties").path("Description").asText().contains("GHL OAuth tokens"))
                .map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
        assertThat(keys.get(tokenKey).path("Properties").path("EnableKeyRotation").asBoolean()).isTrue();
        String kmsResources = resources(functions, "AWS::IAM::Policy").values().stream()
                .filter(p -> p.path("Properties").path("PolicyName").asText().startsWith("MarketplaceApp"))
                .flatMap(p -> java.util.stream.StreamSupport.stream(p.path("Properties").path("PolicyDocument").path("Statement").spliterator(), false))
                .filter(st -> st.path("Action").toString().contains("kms:"))
                .map(st -> st.path("Resource").toString()).reduce("", String::concat);
        assertThat(kmsResources).as("data keys from the token key only").contains(tokenKey).doesNotContain("\"*\"");
        JsonNode install = TemplateJson.withProperty(functions, "AWS::Lambda::Function", "FunctionName", "jorge-marketplace-install");
        assertThat(install.path("Properties").path("Environment").path("Variables").fieldNames())
                .toIterable().contains("GHL_OAUTH_CLIENT_ID_SECRET_ARN", "GHL_OAUTH_CLIENT_SECRET_SECRET_ARN", "GHL_TOKEN_KMS_KEY_ID",
                        "GHL_OAUTH_REDIRECT_URI", "DATABASE_SECRET_ARN")
                .doesNotContain("GHL_OAUTH_CLIENT_SECRET", "GHL_TOKEN_LOCAL_KEY");
    }

    @Test
    void eachScheduleRunsItsFunctionsLiveAliasAtTheConfiguredRate() {
        JsonNode functions = prod.json("Functions");
        Map<String, String> ruleTargets = new java.util.TreeMap<>();
        for (JsonNode rule : resources(functions, "AWS::Events::Rule").values()) {
            String alias = rule.path("Properties").path("Targets").get(0).path("Arn").path("Ref").asText();
            JsonNode aliasProps = functions.path("Resources").path(alias).path("Properties");
            assertThat(aliasProps.path("Name").asText()).isEqualTo("live");
            String functionName = functions.path("Resources").path(aliasProps.path("FunctionName").path("Ref").asText())
                    .path("Properties").path("FunctionName").asText();
            ruleTargets.put(functionName, rule.path("Properties").path("ScheduleExpression").asText());
        }
        assertThat(ruleTargets).containsExactlyInAnyOrderEntriesOf(Map.of(
                "jorge-due-replies", "rate(1 minute)",
                "jorge-cache-warmer", "rate(15 minutes)",
                "jorge-alert-evaluator", "rate(1 minute)",
                "jorge-bi-aggregator", "rate(5 minutes)",
                "jorge-audit-archive", "cron(30 2 * * ? *)"));
        for (String name : List.of("jorge-cache-warmer", "jorge-alert-evaluator", "jorge-bi-aggregator", "jorge-audit-archive")) {
            JsonNode props = withProperty(functions, "AWS::Lambda::Function", "FunctionName", name).path("Properties");
            assertThat(props.path("ReservedConcurrentExecutions").asInt()).as(name + ": a slow run never overlaps the next").isEqualTo(1);
        }
        JsonNode alerts = withProperty(functions, "AWS::Lambda::Function", "FunctionName", "jorge-alert-evaluator").path("Properties");
        assertThat(alerts.path("Environment").path("Variables").has("ALERTS_TOPIC_ARN")).isTrue();
        assertThat(alerts.path("Environment").path("Variables").path("ANOMALY_DETECTOR").asText()).as("ARTime, variant G").isEqualTo("artime");
        assertThat(alerts.path("Environment").path("Variables").has("DATABASE_URL")).as("the business alerts read the BI tables").isTrue();
        JsonNode bi = withProperty(functions, "AWS::Lambda::Function", "FunctionName", "jorge-bi-aggregator").path("Properties");
        assertThat(bi.path("Environment").path("Variables").has("REDIS_URL")).as("least privilege: no Redis").isFalse();
        // the warmer calibrates its chances on the reads the worker and bi-api capture, scaled by the same sampling
        JsonNode warmer = withProperty(functions, "AWS::Lambda::Function", "FunctionName", "jorge-cache-warmer")
                .path("Properties").path("Environment").path("Variables");
        JsonNode worker = withProperty(functions, "AWS::Lambda::Function", "FunctionName", "jorge-bot-worker")
                .path("Properties").path("Environment").path("Variables");
        JsonNode biApi = withProperty(prod.json("Bi"), "AWS::Lambda::Function", "FunctionName", "jorge-bi-api")
                .path("Properties").path("Environment").path("Variables");
        assertThat(worker.path("ACCESS_CAPTURE_SAMPLE_EVERY").asInt()).isPositive();
        assertThat(warmer.path("ACCESS_CAPTURE_SAMPLE_EVERY").asText()).isEqualTo(worker.path("ACCESS_CAPTURE_SAMPLE_EVERY").asText());
        assertThat(biApi.path("ACCESS_CAPTURE_SAMPLE_EVERY").asInt()).as("bi-api's report reads are captured").isPositive();
        assertThat(warmer.path("WARMER_BI_REPORTS").asText()).isEqualTo("true");
        assertThat(warmer.properties().stream().map(Map.Entry::getKey).filter(k -> k.startsWith("BI_")))
                .as("the warmer computes reports with bi-api's BI_* settings, so it may have none bi-api lacks")
                .allMatch(biApi::has);
    }

    // ---------------------------------------------------------------- workflows and observability

    @Test
    void workflowsLogEverythingButExecutionDataAndAreTraced() {
        JsonNode workflows = prod.json("Workflows");
        var machines = resources(workflows, "AWS::StepFunctions::StateMachine").values();
        assertThat(machines.stream().map(m -> m.path("Properties").path("StateMachineName").asText()))
                .containsExactlyInAnyOrder("jorge-lead-nurture", "jorge-hot-lead-handoff", "jorge-model-promotion", "jorge-approval");
        for (JsonNode machine : machines) {
            JsonNode props = machine.path("Properties");
            assertThat(props.path("LoggingConfiguration").path("Level").asText()).isEqualTo("ALL");
            assertThat(props.path("LoggingConfiguration").path("IncludeExecutionData").asBoolean()).isFalse();
            assertThat(props.path("TracingConfiguration").path("Enabled").asBoolean()).isTrue();
        }
        assertThat(resources(workflows, "AWS::CloudWatch::Alarm")).hasSize(4);
        prod.template("Dashboards").resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        String body = only(prod.json("Dashboards"), "AWS::CloudWatch::Dashboard").path("Properties").path("DashboardBody").toString();
        for (String metric : List.of("ReplyLatencyMs", "WebhooksEnqueued", "NurtureSteps", "HandoffResults", "CacheWarmerWarmed",
                "BiDaysRecomputed", "InferenceQueueDepth", "LeadScores", "LeadOutcomesRecorded")) {
            assertThat(body).as("the dashboard plots " + metric).contains(metric);
        }
        prod.template("Alerting").hasResourceProperties("AWS::SNS::Topic", Match.objectLike(Map.of("KmsMasterKeyId", Match.anyValue())));
    }

    @Test
    void everyAlarmOutsideTheDashboardPagesOps() {
        for (String stack : List.of("Data", "Inference", "Functions", "Workflows")) {
            var alarms = resources(prod.json(stack), "AWS::CloudWatch::Alarm").values();
            assertThat(alarms).as(stack).isNotEmpty();
            assertThat(alarms).as(stack).allMatch(a -> a.path("Properties").path("AlarmActions").size() == 1);
        }
    }

    // ---------------------------------------------------------------- whole app

    private static final Pattern TWELVE_DIGITS = Pattern.compile("(?<![0-9a-f])\\d{12}(?![0-9a-f])");
    /** Elastic Load Balancing's own log-delivery account in us-east-1 (AWS documents it); CDK grants it write to the ALB log bucket. */
    private static final String ELB_LOG_DELIVERY_US_EAST_1 = "127311923021";

    @Test
    void templatesNameNoAccountAndCarryNoSecret() {
        for (var entry : prod.json.entrySet()) {
            String text = entry.getValue().toString();
            Matcher accounts = TWELVE_DIGITS.matcher(text);
            while (accounts.find()) {
                assertThat(accounts.group()).as(entry.getKey() + " names an account").isEqualTo(ELB_LOG_DELIVERY_US_EAST_1);
            }
            assertThat(text).as(entry.getKey()).doesNotContain("-----BEGIN").doesNotContainIgnoringCase("\"password\":\"");
            assertThat(StreamSupport.stream(resources(entry.getValue(), "AWS::Lambda::Function").values().spliterator(), false)
                    .flatMap(f -> f.path("Properties").path("Environment").path("Variables").properties().stream())
                    .map(Map.Entry::getKey))
                    .as(entry.getKey() + ": secrets travel as ARNs or parameter names, never as values")
                    .noneMatch(name -> name.endsWith("TOKEN") || name.endsWith("PASSWORD") || name.endsWith("_KEY"));
        }
        for (String stack : List.of("Data", "Functions")) {
            var secrets = resources(prod.json(stack), "AWS::SecretsManager::Secret").values();
            assertThat(secrets).as(stack).isNotEmpty();
            assertThat(secrets).as(stack + ": secrets are generated or written by ops, never given in the template")
                    .allMatch(secret -> !secret.path("Properties").has("SecretString"));
        }
    }

    @Test
    void prodStacksAreTerminationProtected() {
        for (var stack : prod.platform.stacks()) {
            assertThat(stack.getTerminationProtection()).as(stack.getStackName()).isTrue();
        }
    }
}
