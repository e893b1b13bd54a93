package com.jorge.platform.inbox.offers;

import com.jorge.platform.inbox.Refused;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** {@link WorkflowTasks} on AWS Step Functions ({@code SendTaskSuccess} / {@code SendTaskFailure}). */
public final class StepFunctionsTasks implements WorkflowTasks {

    private final SfnClient sfn;

    public StepFunctionsTasks(SfnClient sfn) {
        this.sfn = sfn;
    }

    @Override
    public Answer succeed(String taskToken, String outputJson) {
        return send(() -> sfn.sendTaskSuccess(r -> r.taskToken(taskToken).output(outputJson)));
    }

    @Override
    public Answer fail(String taskToken, String error, String cause) {
        return send(() -> sfn.sendTaskFailure(r -> r.taskToken(taskToken).error(error).cause(cause)));
    }

    private static Answer send(Runnable call) {
        try {
            call.run();
            return Answer.DELIVERED;
        } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException e) {
            return Answer.GONE;
        } catch (SdkException e) {
            // nothing was decided: the person may simply tap again
            throw new Refused(503, "workflow_unavailable", null, "the workflow could not be reached; try again in a minute");
        }
    }
}
