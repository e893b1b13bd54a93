package com.jorge.platform.infra.constructs;

import com.jorge.platform.infra.stacks.AlertingStack;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.codedeploy.AutoRollbackConfig;
import software.amazon.awscdk.services.codedeploy.ILambdaDeploymentConfig;
import software.amazon.awscdk.services.codedeploy.LambdaApplication;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentGroup;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One platform function as it is deployed: Java 21 with SnapStart on published versions, an alias
 * {@code live} that every trigger targets, and a CodeDeploy deployment group that shifts 10 % of the
 * traffic to a new version for 5 minutes and rolls back by itself when the alias' error or p99
 * latency alarm fires.
 */
public final class CanaryFunction extends Construct {
    public static final String ALIAS = "live";

    private final Function function;
    private final Alias alias;
    private final LambdaDeploymentGroup deployment;
    private final Alarm errorsAlarm;
    private final Alarm latencyAlarm;

    public record Network(IVpc vpc, SubnetSelection subnets, ISecurityGroup securityGroup) {
    }

    public CanaryFunction(Construct scope, String id, CanaryFunctionSpec spec, Network network, LambdaApplication application,
                          ILambdaDeploymentConfig deploymentConfig, RetentionDays logRetention, AlertingStack alerting) {
        super(scope, id);
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + spec.name())
                .retention(logRetention)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        Function.Builder builder = Function.Builder.create(this, "Function")
                .functionName(spec.name())
                .description(spec.description())
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.X86_64)
                .code(Code.fromAsset(spec.jar().toString()))
                .handler(spec.handler())
                .memorySize(spec.memoryMiB())
                .timeout(Duration.seconds(spec.timeoutSeconds()))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .environment(spec.environment())
                .logGroup(logs)
                .loggingFormat(LoggingFormat.JSON)
                .vpc(network.vpc())
                .vpcSubnets(network.subnets())
                .securityGroups(List.of(network.securityGroup()));
        if (spec.reservedConcurrency() > 0) {
            builder.reservedConcurrentExecutions(spec.reservedConcurrency());
        }
        function = builder.build();
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "Every deployment publishes a version (the live alias points at currentVersion), which SnapStart snapshots.");
        alias = Alias.Builder.create(this, "Live")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .build();

        errorsAlarm = Alarm.Builder.create(this, "Errors")
                .alarmDescription(spec.name() + ":" + ALIAS + " errors; in alarm during a deployment, CodeDeploy rolls back")
                .metric(alias.metricErrors(MetricOptions.builder().period(Duration.minutes(1)).statistic("Sum").build()))
                .threshold(spec.errorAlarmThreshold())
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        latencyAlarm = Alarm.Builder.create(this, "P99Latency")
                .alarmDescription(spec.name() + ":" + ALIAS + " p99 duration above " + spec.p99AlarmMs() + " ms for 2 minutes; CodeDeploy rolls back")
                .metric(alias.metricDuration(MetricOptions.builder().period(Duration.minutes(1)).statistic("p99").build()))
                .threshold(spec.p99AlarmMs())
                .evaluationPeriods(2)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alerting.notifyOps(errorsAlarm);
        alerting.notifyOps(latencyAlarm);

        deployment = LambdaDeploymentGroup.Builder.create(this, "Deployment")
                .application(application)
                .alias(alias)
                .deploymentConfig(deploymentConfig)
                .alarms(List.of(errorsAlarm, latencyAlarm))
                .autoRollback(AutoRollbackConfig.builder()
                        .failedDeployment(true)
                        .stoppedDeployment(true)
                        .deploymentInAlarm(true)
                        .build())
                .build();

        NagSuppressions.addResourceSuppressions(function, List.of(
                NagPackSuppression.builder()
                        .id("AwsSolutions-IAM4")
                        .reason("AWSLambdaBasicExecutionRole (write its own log streams) and AWSLambdaVPCAccessExecutionRole "
                                + "(manage its ENIs) are the AWS-maintained minimum for a function in a VPC.")
                        .appliesTo(List.of(
                                "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                                "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"))
                        .build(),
                NagPackSuppression.builder()
                        .id("AwsSolutions-L1")
                        .reason("Pinned to java21 on purpose: the team builds for release 21 and SnapStart is qualified on it; "
                                + "moving to a newer Java runtime is a deliberate change of its own.")
                        .build()), true);
        NagSuppressions.addResourceSuppressions(deployment, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM4")
                .reason("AWSCodeDeployRoleForLambdaLimited is the AWS-maintained role policy CodeDeploy needs to shift alias weights.")
                .appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited"))
                .build()), true);
    }

    public Function function() {
        return function;
    }

    public Alias alias() {
        return alias;
    }

    public LambdaDeploymentGroup deployment() {
        return deployment;
    }

    public Alarm errorsAlarm() {
        return errorsAlarm;
    }

    public Alarm latencyAlarm() {
        return latencyAlarm;
    }
}
