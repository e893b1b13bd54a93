package com.jorge.platform.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a state machine's role may do what its definition does: for every Task, a policy
 * statement with the Task's IAM action on the very resource the Task's placeholder is bound to
 * (compared by the logical id of the resource both refer to, across stacks).
 */
final class WorkflowGrants {
    private final Set<String> knownLogicalIds;

    WorkflowGrants(Set<String> knownLogicalIds) {
        this.knownLogicalIds = knownLogicalIds;
    }

    List<String> missing(AslWorkflow workflow, JsonNode substitutions, List<JsonNode> statements) {
        List<String> problems = new ArrayList<>();
        for (AslWorkflow.ServiceCall call : workflow.serviceCalls()) {
            Set<String> target = new HashSet<>();
            if (!call.resourcePlaceholder().equals("*")) {
                if (!call.resourcePlaceholder().matches("\\$\\{[A-Za-z0-9_]+}")) {
                    problems.add(call.state() + ": " + call.iamAction() + " on '" + call.resourcePlaceholder() + "', which is not a ${placeholder}");
                    continue;
                }
                String key = call.resourcePlaceholder().substring(2, call.resourcePlaceholder().length() - 1);
                JsonNode value = substitutions.path(key);
                if (value.isMissingNode()) {
                    problems.add(call.state() + ": placeholder " + key + " has no substitution");
                    continue;
                }
                target.addAll(identities(value));
                if (target.isEmpty()) {
                    problems.add(call.state() + ": " + key + " is bound to a literal, not to a resource of the app");
                    continue;
                }
            }
            boolean granted = statements.stream().anyMatch(s -> "Allow".equals(s.path("Effect").asText())
                    && allows(s.path("Action"), call.iamAction())
                    && (target.isEmpty() || identities(s.path("Resource")).stream().anyMatch(target::contains)));
            if (!granted) {
                problems.add(call.state() + ": role lacks " + call.iamAction() + " on " + (target.isEmpty() ? "*" : target));
            }
        }
        return problems;
    }

    private static boolean allows(JsonNode action, String needed) {
        List<String> actions = new ArrayList<>();
        if (action.isArray()) action.forEach(a -> actions.add(a.asText())); else actions.add(action.asText());
        return actions.stream().anyMatch(a -> a.equals(needed) || a.equals("*")
                || (a.endsWith("*") && needed.startsWith(a.substring(0, a.length() - 1))));
    }

    /** Logical ids a template value refers to, resolving cross-stack output names to their producer's resource. */
    Set<String> identities(JsonNode value) {
        Set<String> ids = new HashSet<>();
        for (String ref : TemplateJson.references(value)) {
            if (ref.startsWith("output:")) {
                knownLogicalIds.stream().filter(ref::contains).max(Comparator.comparingInt(String::length)).ifPresent(ids::add);
            } else {
                ids.add(ref);
            }
        }
        return ids;
    }
}
