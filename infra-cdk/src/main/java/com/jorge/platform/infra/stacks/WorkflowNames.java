package com.jorge.platform.infra.stacks;

import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;

/**
 * The state machines' names are fixed so that the functions stack can name their ARNs (the bot worker
 * starts hand-offs, nurtures and approvals and answers nurture task tokens; the inbox answers offers and approvals) without depending on the workflows
 * stack, which itself depends on the functions' queue.
 */
public enum WorkflowNames {
    LEAD_NURTURE("jorge-lead-nurture", "lead-nurture.asl.json"),
    HOT_LEAD_HANDOFF("jorge-hot-lead-handoff", "hot-lead-handoff.asl.json"),
    MODEL_PROMOTION("jorge-model-promotion", "model-promotion.asl.json"),
    APPROVAL("jorge-approval", "approval.asl.json");

    private final String stateMachineName;
    private final String definitionFile;

    WorkflowNames(String stateMachineName, String definitionFile) {
        this.stateMachineName = stateMachineName;
        this.definitionFile = definitionFile;
    }

    public String stateMachineName() {
        return stateMachineName;
    }

    public String definitionFile() {
        return definitionFile;
    }

    public String arnIn(Stack stack) {
        return stack.formatArn(ArnComponents.builder()
                .service("states")
                .resource("stateMachine")
                .resourceName(stateMachineName)
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
    }
}
