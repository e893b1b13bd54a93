package com.jorge.platform.infra.constructs;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

/**
 * A state machine whose definition is an Amazon States Language file from step-functions/, with its
 * {@code ${Name}} placeholders filled by CloudFormation. Every placeholder in the file must be given
 * and every value given must be used, or the synth stops: a typo would otherwise deploy a definition
 * that fails only when that state runs.
 */
public final class AslStateMachine extends Construct {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private final StateMachine stateMachine;

    public AslStateMachine(Construct scope, String id, String name, Path definition, Map<String, String> substitutions,
                           RetentionDays logRetention) {
        super(scope, id);
        Set<String> used = placeholders(definition);
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(substitutions.keySet());
        Set<String> unused = new TreeSet<>(substitutions.keySet());
        unused.removeAll(used);
        if (!missing.isEmpty() || !unused.isEmpty()) {
            throw new IllegalArgumentException(definition.getFileName() + ": placeholders without a value " + missing
                    + ", values without a placeholder " + unused);
        }
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/vendedlogs/states/" + name)
                .retention(logRetention)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineName(name)
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromFile(definition.toString()))
                .definitionSubstitutions(substitutions)
                .tracingEnabled(true)
                .logs(LogOptions.builder()
                        .destination(logs)
                        .level(LogLevel.ALL)
                        .includeExecutionData(false) // executions carry contact ids and agent ids: keep them out of logs
                        .build())
                .build();
        NagSuppressions.addResourceSuppressions(stateMachine, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("X-Ray trace segments and CloudWatch Logs log delivery (CreateLogDelivery, PutResourcePolicy, ...) "
                        + "support no resource-level permissions, so Step Functions needs them on *.")
                .appliesTo(List.of("Resource::*"))
                .build()), true);
    }

    /** The ${Name} placeholders a definition file uses. */
    public static Set<String> placeholders(Path definition) {
        try {
            Matcher matcher = PLACEHOLDER.matcher(Files.readString(definition));
            Set<String> names = new TreeSet<>();
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + definition, e);
        }
    }

    public StateMachine stateMachine() {
        return stateMachine;
    }
}
