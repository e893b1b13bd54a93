package com.jorge.platform.worker.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.conversation.LeadRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The workflows on AWS Step Functions: {@code jorge-lead-nurture}, {@code jorge-hot-lead-handoff} and
 * {@code jorge-approval} (step-functions/). The execution name is derived from the key, so a retried start finds the first
 * run instead of starting a second one.
 */
public final class StepFunctionsWorkflows implements LeadWorkflows {

    private static final Logger log = LoggerFactory.getLogger(StepFunctionsWorkflows.class);
    /** The state machine refuses shorter waits (lead-nurture's input check). */
    private static final long MIN_WAIT_SECONDS = 60;

    /** The approval workflow's summary limit (its input check). */
    static final int MAX_SUMMARY = 1000;

    public record Settings(String nurtureStateMachineArn, String handoffStateMachineArn, List<String> agentIds,
                           String teamLeadId, String approvalStateMachineArn) {
        public Settings {
            agentIds = List.copyOf(agentIds);
            if (handoffStateMachineArn != null && (agentIds.isEmpty() || teamLeadId == null || teamLeadId.isBlank())) {
                throw new IllegalArgumentException("HANDOFF_AGENT_IDS and HANDOFF_TEAM_LEAD_ID must be set when "
                        + "HANDOFF_STATE_MACHINE_ARN is: the hand-off offers the lead to those people");
            }
            if (agentIds.size() > 10) throw new IllegalArgumentException("HANDOFF_AGENT_IDS lists more than 10 agents");
        }
    }

    private final SfnClient sfn;
    private final Settings settings;
    private final ObjectMapper json;

    public StepFunctionsWorkflows(SfnClient sfn, Settings settings, ObjectMapper json) {
        this.sfn = sfn;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public boolean keepsFollowUpSchedule() {
        return settings.nurtureStateMachineArn() != null;
    }

    @Override
    public boolean offersHandoffs() {
        return settings.handoffStateMachineArn() != null;
    }

    /** Only with a team lead to escalate to (the workflow's input needs one): without, the bot is not held back. */
    @Override
    public boolean asksApprovals() {
        return settings.approvalStateMachineArn() != null && settings.teamLeadId() != null && !settings.teamLeadId().isBlank();
    }

    @Override
    public void startFollowUps(LeadRef lead, String key, Instant quietSince, List<Long> waitSeconds) {
        if (settings.nurtureStateMachineArn() == null) return;
        ObjectNode input = leadInput(lead);
        input.put("quietSince", quietSince.toString());
        var waits = input.putArray("waitSeconds");
        waitSeconds.forEach(w -> waits.add(Math.max(MIN_WAIT_SECONDS, w)));
        start(settings.nurtureStateMachineArn(), "fu-" + digest(lead, key), input);
    }

    @Override
    public void startHandoff(LeadRef lead, String key, String reason, String when) {
        if (settings.handoffStateMachineArn() == null) return;
        ObjectNode input = leadInput(lead);
        var agents = input.putArray("agents");
        settings.agentIds().forEach(agents::add);
        input.put("teamLeadId", settings.teamLeadId());
        input.put("reason", reason);
        if (when != null) input.put("when", when);
        start(settings.handoffStateMachineArn(), "ho-" + digest(lead, key), input);
    }

    @Override
    public void startApproval(LeadRef lead, String actionId, String kind, String summary, List<String> rules) {
        ObjectNode input = leadInput(lead);
        input.put("kind", kind);
        input.put("summary", summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY - 1) + "…" : summary);
        input.put("teamLeadId", settings.teamLeadId());
        input.put("actionId", actionId);
        var named = input.putArray("rules");
        rules.forEach(named::add);
        start(settings.approvalStateMachineArn(), "ap-" + actionId, input); // an action id is a UUID: 39 characters
    }

    @Override
    public void answerFollowUpStep(String taskToken, NurtureOutcome outcome) {
        try {
            sfn.sendTaskSuccess(r -> r.taskToken(taskToken).output("{\"outcome\":\"" + outcome.name() + "\"}"));
        } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException e) {
            // the schedule stopped waiting (timed out, or was stopped by ops): nothing is owed to it
            log.warn("follow-up step answered too late ({}): {}", outcome, e.getClass().getSimpleName());
        }
    }

    private void start(String stateMachineArn, String name, ObjectNode input) {
        try {
            sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).name(name).input(input.toString()));
        } catch (ExecutionAlreadyExistsException e) {
            log.info("workflow run {} was started before (a redelivered action)", name);
        }
    }

    private ObjectNode leadInput(LeadRef lead) {
        ObjectNode input = json.createObjectNode();
        input.put("contactId", lead.contactId());
        input.put("locationId", lead.locationId());
        return input;
    }

    /** Execution names are at most 80 characters of [A-Za-z0-9_-]: a digest keeps any key within that. */
    private static String digest(LeadRef lead, String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((lead.locationId() + '\n' + lead.contactId() + '\n' + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
