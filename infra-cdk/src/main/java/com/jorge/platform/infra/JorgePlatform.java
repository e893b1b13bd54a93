package com.jorge.platform.infra;

import com.jorge.platform.infra.config.EnvironmentSettings;
import com.jorge.platform.infra.stacks.AlertingStack;
import com.jorge.platform.infra.stacks.BiStack;
import com.jorge.platform.infra.stacks.DashboardsStack;
import com.jorge.platform.infra.stacks.DataStack;
import com.jorge.platform.infra.stacks.FunctionsStack;
import com.jorge.platform.infra.stacks.InboxStack;
import com.jorge.platform.infra.stacks.InferenceStack;
import com.jorge.platform.infra.stacks.NetworkStack;
import com.jorge.platform.infra.stacks.WorkflowsStack;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.constructs.Construct;

/**
 * The whole platform for one environment, as nine stacks that each read alone. The account is left to
 * the deploying credentials (the templates name none); the region comes from the environment config.
 */
public record JorgePlatform(
        NetworkStack network,
        AlertingStack alerting,
        DataStack data,
        InferenceStack inference,
        FunctionsStack functions,
        WorkflowsStack workflows,
        InboxStack inbox,
        BiStack bi,
        DashboardsStack dashboards) {

    public static JorgePlatform build(Construct app, EnvironmentSettings config, RepositoryLayout layout) {
        Environment env = Environment.builder().region(config.region()).build();
        StackProps.Builder base = StackProps.builder().env(env).terminationProtection("prod".equals(config.name()));
        var network = new NetworkStack(app, config.stackName("Network"), props(base, "VPC, subnets, endpoints, flow logs, security groups"), config);
        var alerting = new AlertingStack(app, config.stackName("Alerting"), props(base, "SNS topics for alerts"), config);
        var data = new DataStack(app, config.stackName("Data"), props(base, "Aurora PostgreSQL, ElastiCache Redis, model bucket"), config, network, alerting);
        var inference = new InferenceStack(app, config.stackName("Inference"), props(base, "GPU inference service on ECS"), config, layout, network, data, alerting);
        var functions = new FunctionsStack(app, config.stackName("Functions"), props(base, "Lambda functions, queue, HTTP API, schedules"), config, layout, network, data, inference, alerting);
        var workflows = new WorkflowsStack(app, config.stackName("Workflows"), props(base, "Step Functions workflows"), config, layout, data, functions, alerting);
        var inbox = new InboxStack(app, config.stackName("Inbox"), props(base, "Agents' inbox: Cognito user pool, inbox API and page, offers"), config, layout, network, data, functions, workflows, alerting);
        var bi = new BiStack(app, config.stackName("Bi"), props(base, "Business intelligence: bi-api route, daily report to S3"), config, layout, network, data, functions, inbox, alerting);
        var dashboards = new DashboardsStack(app, config.stackName("Dashboards"), props(base, "CloudWatch dashboards"), config, data, inference, functions, workflows);
        JorgePlatform platform = new JorgePlatform(network, alerting, data, inference, functions, workflows, inbox, bi, dashboards);
        for (Stack stack : platform.stacks()) {
            Tags.of(stack).add("project", "jorge-platform");
            Tags.of(stack).add("environment", config.name());
        }
        return platform;
    }

    private static StackProps props(StackProps.Builder base, String description) {
        StackProps built = base.build();
        return StackProps.builder().env(built.getEnv()).terminationProtection(built.getTerminationProtection())
                .description("Jorge Platform: " + description).build();
    }

    public List<Stack> stacks() {
        return List.of(network, alerting, data, inference, functions, workflows, inbox, bi, dashboards);
    }

    public Map<String, Stack> stacksByName() {
        return Map.of("Network", network, "Alerting", alerting, "Data", data, "Inference", inference,
                "Functions", functions, "Workflows", workflows, "Inbox", inbox, "Bi", bi, "Dashboards", dashboards);
    }
}
