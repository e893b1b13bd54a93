package com.jorge.platform.local;

import com.jorge.platform.worker.approvals.ApprovalOutcomes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local approval workflow as {@code approval.asl.json} behaves, through the real worker, inbox and
 * Step Functions clients (escalation after 2 s, deadline after 4 s): silence passes the approval to the
 * team lead by name, silence past the deadline sends the lead the safe fallback once; the team lead's
 * approval after an escalation sends the held reply once.
 */
class LocalApprovalWorkflowTest {

    private static ApprovalRig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = new ApprovalRig("local_approvals", Map.of(
                "LOCAL_APPROVAL_ESCALATE_AFTER_SECONDS", "2", "LOCAL_APPROVAL_DEADLINE_SECONDS", "4"));
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void silenceEscalatesToTheTeamLeadThenTheDeadlineSendsTheSafeFallbackOnce() throws Exception {
        rig.leadTexts("c-silent", "what is my house worth?");
        assertThat(rig.platform.ghl().smsTo("c-silent")).isEmpty();
        String first = rig.pendingApproval("c-silent");
        assertThat(teamLeadNotices()).anySatisfy(n -> assertThat(n).startsWith("The bot needs your approval: ")
                .endsWith("#approval/" + first));

        ApprovalRig.await("the escalation", Duration.ofSeconds(10),
                () -> rows("SELECT 1 FROM approvals WHERE contact_id = 'c-silent'").size() == 2);
        String escalated = rig.pendingApproval("c-silent");
        assertThat(escalated).isNotEqualTo(first);
        assertThat(teamLeadNotices()).anySatisfy(n -> assertThat(n).startsWith("An approval nobody answered waits for you: ")
                .endsWith("#approval/" + escalated));
        assertThat(rig.platform.ghl().smsTo("c-silent")).isEmpty();

        String fallback = ApprovalOutcomes.FallbackReplies.DEFAULT.english();
        ApprovalRig.await("the fallback", Duration.ofSeconds(10), () -> !rig.platform.ghl().smsTo("c-silent").isEmpty());
        assertThat(rig.platform.queue().awaitIdle(Duration.ofSeconds(10))).isTrue();
        Thread.sleep(2500); // a due-replies run (every 2 s) sends nothing more
        assertThat(rig.platform.ghl().smsTo("c-silent")).containsExactly(fallback);
        assertThat(rig.rows("SELECT status FROM held_actions WHERE contact_id = 'c-silent'")).containsExactly(List.of("fell_back"));
    }

    @Test
    void theTeamLeadsApprovalAfterTheEscalationSendsTheHeldReplyOnce() throws Exception {
        rig.leadTexts("c-late", "what is my house worth?");
        String first = rig.pendingApproval("c-late");
        ApprovalRig.await("the escalation", Duration.ofSeconds(10),
                () -> rows("SELECT 1 FROM approvals WHERE contact_id = 'c-late'").size() == 2);
        String escalated = rig.pendingApproval("c-late");
        assertThat(escalated).isNotEqualTo(first);

        // the first request's token is no longer waited for: answering it decides nothing
        assertThat(rig.inbox("POST", "/approvals/" + first + "/approve", null).statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(rig.inbox("POST", "/approvals/" + escalated + "/approve", null).statusCode()).isEqualTo(200);

        ApprovalRig.await("the held reply", Duration.ofSeconds(10), () -> !rig.platform.ghl().smsTo("c-late").isEmpty());
        Thread.sleep(4500); // past the deadline: no fallback follows the approval
        assertThat(rig.platform.queue().awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(rig.platform.ghl().smsTo("c-late")).containsExactly(ApprovalRig.PRICE);
        assertThat(rig.rows("SELECT status FROM held_actions WHERE contact_id = 'c-late'")).containsExactly(List.of("released"));
    }

    private static List<String> teamLeadNotices() {
        return rig.platform.ghl().smsTo(LocalInbox.TEAM_LEAD_NOTIFY_CONTACT);
    }

    private static List<List<String>> rows(String sql) {
        try {
            return rig.rows(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
