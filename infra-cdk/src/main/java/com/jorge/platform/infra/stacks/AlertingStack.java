package com.jorge.platform.infra.stacks;

import com.jorge.platform.infra.config.EnvironmentSettings;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * The topics people subscribe to: ops alerts (every alarm of every stack, failed workflows, model
 * promotions). Encrypted with a customer key, because CloudWatch alarms cannot publish to a topic
 * encrypted with the AWS-managed SNS key.
 */
public final class AlertingStack extends Stack {
    private final Key key;
    private final Topic opsAlerts;

    public AlertingStack(Construct scope, String id, StackProps props, EnvironmentSettings config) {
        super(scope, id, props);
        key = Key.Builder.create(this, "AlertsKey")
                .description("Jorge Platform " + config.name() + ": encrypts the alert and notification topics")
                .enableKeyRotation(true)
                .pendingWindow(Duration.days(30))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("CloudWatchAlarmsPublish")
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .build());
        opsAlerts = Topic.Builder.create(this, "OpsAlerts")
                .displayName("Jorge Platform " + config.name() + " alerts")
                .masterKey(key)
                .enforceSsl(true)
                .build();
    }

    public Key key() {
        return key;
    }

    public Topic opsAlerts() {
        return opsAlerts;
    }

    /** Sends an alarm (and its recovery) to ops. */
    public void notifyOps(IAlarm alarm) {
        SnsAction action = new SnsAction(opsAlerts);
        if (alarm instanceof software.amazon.awscdk.services.cloudwatch.Alarm concrete) {
            concrete.addAlarmAction(action);
            concrete.addOkAction(action);
        }
    }
}
