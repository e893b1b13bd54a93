package com.jorge.platform.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Structural checks over an Amazon States Language definition (nested Parallel and Map branches included). */
final class AslWorkflow {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A Task and the service call it makes: the IAM action it needs and the placeholder naming the resource. */
    record ServiceCall(String state, String resource, String iamAction, String resourcePlaceholder) {
    }

    private final String name;
    private final JsonNode root;

    AslWorkflow(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    static AslWorkflow read(Path file) throws IOException {
        return new AslWorkflow(file.getFileName().toString(), JSON.readTree(file.toFile()));
    }

    static AslWorkflow parse(String name, String json) throws IOException {
        return new AslWorkflow(name, JSON.readTree(json));
    }

    /** Every problem found; empty when the definition is sound. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        check(root, name, problems);
        return problems;
    }

    private static void check(JsonNode machine, String where, List<String> problems) {
        JsonNode states = machine.path("States");
        String start = machine.path("StartAt").asText(null);
        if (start == null || !states.has(start)) {
            problems.add(where + ": StartAt '" + start + "' is not a state");
            return;
        }
        // every transition points at a state that exists
        for (var entry : states.properties()) {
            for (String next : transitions(entry.getValue())) {
                if (!states.has(next)) {
                    problems.add(where + "/" + entry.getKey() + ": Next '" + next + "' does not exist");
                }
            }
            JsonNode state = entry.getValue();
            String type = state.path("Type").asText();
            boolean terminal = state.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail") || type.equals("Choice");
            if (!terminal && !state.has("Next")) {
                problems.add(where + "/" + entry.getKey() + ": neither Next nor End");
            }
            if (type.equals("Task") || type.equals("Parallel") || type.equals("Map")) {
                if (state.path("Retry").size() == 0) {
                    problems.add(where + "/" + entry.getKey() + ": " + type + " without Retry");
                }
                if (state.path("Catch").size() == 0) {
                    problems.add(where + "/" + entry.getKey() + ": " + type + " without Catch");
                }
            }
            if (type.equals("Parallel")) {
                int i = 0;
                for (JsonNode branch : state.path("Branches")) {
                    check(branch, where + "/" + entry.getKey() + "[" + i++ + "]", problems);
                }
            }
            if (type.equals("Map")) {
                JsonNode processor = state.has("ItemProcessor") ? state.path("ItemProcessor") : state.path("Iterator");
                check(processor, where + "/" + entry.getKey(), problems);
            }
        }
        // every state is reachable from StartAt
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String current = todo.pop();
            if (seen.add(current) && states.has(current)) {
                todo.addAll(transitions(states.get(current)));
            }
        }
        Set<String> unreachable = new TreeSet<>();
        states.fieldNames().forEachRemaining(unreachable::add);
        unreachable.removeAll(seen);
        unreachable.forEach(state -> problems.add(where + "/" + state + ": unreachable from " + start));
    }

    private static List<String> transitions(JsonNode state) {
        List<String> next = new ArrayList<>();
        if (state.has("Next")) next.add(state.get("Next").asText());
        if (state.has("Default")) next.add(state.get("Default").asText());
        state.path("Choices").forEach(choice -> collectChoiceTargets(choice, next));
        state.path("Catch").forEach(c -> next.add(c.path("Next").asText()));
        return next;
    }

    private static void collectChoiceTargets(JsonNode choice, List<String> next) {
        if (choice.has("Next")) next.add(choice.get("Next").asText());
    }

    /** The service integrations this workflow's Tasks call, with the permission each needs. */
    List<ServiceCall> serviceCalls() {
        List<ServiceCall> calls = new ArrayList<>();
        collectCalls(root, calls);
        return calls;
    }

    private static void collectCalls(JsonNode machine, List<ServiceCall> calls) {
        for (var entry : machine.path("States").properties()) {
            JsonNode state = entry.getValue();
            if ("Task".equals(state.path("Type").asText())) {
                calls.add(call(entry.getKey(), state));
            }
            state.path("Branches").forEach(branch -> collectCalls(branch, calls));
            if (state.has("ItemProcessor")) collectCalls(state.get("ItemProcessor"), calls);
        }
    }

    private static final Map<String, String> S3_ACTIONS = Map.of(
            "headObject", "s3:GetObject", "getObject", "s3:GetObject", "putObject", "s3:PutObject",
            "deleteObject", "s3:DeleteObject", "copyObject", "s3:PutObject");

    private static ServiceCall call(String stateName, JsonNode state) {
        String resource = state.path("Resource").asText();
        JsonNode args = state.has("Arguments") ? state.get("Arguments") : state.path("Parameters");
        String integration = resource.replaceFirst("^arn:aws:states:::", "").replaceFirst("\\.(waitForTaskToken|sync(:2)?)$", "");
        if (resource.startsWith("arn:aws:lambda:") || resource.startsWith("${")) {
            return new ServiceCall(stateName, resource, "lambda:InvokeFunction", resource);
        }
        return switch (integration) {
            case "lambda:invoke" -> new ServiceCall(stateName, resource, "lambda:InvokeFunction", args.path("FunctionName").asText());
            case "sqs:sendMessage" -> new ServiceCall(stateName, resource, "sqs:SendMessage", args.path("QueueUrl").asText());
            case "sns:publish" -> new ServiceCall(stateName, resource, "sns:Publish", args.path("TopicArn").asText());
            case "aws-sdk:cloudwatch:getMetricData" -> new ServiceCall(stateName, resource, "cloudwatch:GetMetricData", "*");
            default -> {
                if (integration.startsWith("aws-sdk:s3:") && S3_ACTIONS.containsKey(integration.substring(11))) {
                    yield new ServiceCall(stateName, resource, S3_ACTIONS.get(integration.substring(11)), args.path("Bucket").asText());
                }
                throw new IllegalStateException(stateName + ": no permission mapping for " + resource + "; teach AslWorkflow which IAM action it needs");
            }
        };
    }
}
