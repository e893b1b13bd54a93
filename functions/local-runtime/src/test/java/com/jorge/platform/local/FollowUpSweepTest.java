package com.jorge.platform.local;

import com.jorge.platform.conversation.BotSuite;
import com.jorge.platform.ghlfake.GhlWebhooks;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.StepFunctionsStandIn;
import com.jorge.platform.worker.WorkerTestRig;
import com.jorge.platform.worker.lambda.WorkerFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The local runtime's follow-up schedule, over the real worker and the Jorge bots. */
class FollowUpSweepTest {

    private static BotSuite jorge;
    private WorkerTestRig rig;

    @BeforeAll
    static void loadBots() {
        jorge = WorkerFunction.jorgeBots(Map.of());
    }

    @AfterEach
    void close() {
        if (rig != null) rig.close();
    }

    @Test
    void aQuietLeadIsFollowedUpAtTheConfiguredDelaysAndNeverPastTheCap() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T17:00:00Z")); // 11:00 in Austin
        rig = new WorkerTestRig(jorge, clock, TestRedis.standaloneUrl());
        FollowUpSweep sweep = new FollowUpSweep(rig.worker, clock);
        rig.worker.messages().process(GhlWebhooks.contactCreate("loc-tx", "quiet", "Lou", "Kim", "+15125550125",
                "lou@example.com", clock.instant()), 0);
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-tx", "quiet", "thinking about selling my house",
                clock.instant()), 0);
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-tx", "silent", "thinking about selling too",
                clock.instant()), 0);
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-tx", "silent", "STOP", clock.instant()), 0);
        assertThat(rig.ghl.smsTo("quiet")).hasSize(1);

        clock.advance(Duration.ofHours(12));
        assertThat(sweep.run(100)).as("not due before a day").isZero();
        clock.advance(Duration.ofHours(13));
        assertThat(sweep.run(100)).isEqualTo(1);
        assertThat(rig.ghl.smsTo("quiet")).hasSize(2);
        clock.advance(Duration.ofDays(1));
        assertThat(sweep.run(100)).as("the second waits three days").isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(sweep.run(100)).isEqualTo(1);
        clock.advance(Duration.ofDays(7));
        assertThat(sweep.run(100)).isEqualTo(1);
        clock.advance(Duration.ofDays(30));
        assertThat(sweep.run(100)).as("three unanswered follow-ups is the cap").isZero();
        assertThat(rig.ghl.smsTo("quiet")).hasSize(4);
        assertThat(rig.ghl.smsTo("silent")).as("an opted-out lead is never followed up").hasSize(2);
        assertThat(rig.count("SELECT count(*) FROM audit_log WHERE contact_id = 'quiet' AND action = 'follow_up'")).isEqualTo(3);

        // the lead answers: the bot replies, and the follow-up count starts over
        rig.worker.messages().process(GhlWebhooks.inboundSms("loc-tx", "quiet", "sorry, busy month. relocating in spring",
                clock.instant()), 0);
        assertThat(rig.ghl.smsTo("quiet")).hasSize(5);
        clock.advance(Duration.ofDays(1).plusHours(1));
        assertThat(sweep.run(100)).isEqualTo(1);
    }

    @Test
    void withTheLeadNurtureWorkflowTheSweepSendsNothing() throws Exception {
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "test-secret");
        try (StepFunctionsStandIn sfn = new StepFunctionsStandIn()) {
            MutableClock clock = new MutableClock(Instant.parse("2026-11-23T17:00:00Z"));
            rig = new WorkerTestRig(jorge, clock, TestRedis.standaloneUrl(), Map.of(
                    "NURTURE_STATE_MACHINE_ARN", "arn:aws:states:us-east-1:111122223333:stateMachine:jorge-lead-nurture",
                    "STEP_FUNCTIONS_ENDPOINT", sfn.endpoint().toString()));
            FollowUpSweep sweep = new FollowUpSweep(rig.worker, clock);
            rig.worker.messages().process(GhlWebhooks.inboundSms("loc-tx", "quiet", "thinking about selling my house",
                    clock.instant()), 0);
            assertThat(sfn.calls("StartExecution")).hasSize(1);
            clock.advance(Duration.ofDays(2));
            assertThat(sweep.run(100)).as("the workflow keeps the schedule, not the sweep").isZero();
            assertThat(rig.ghl.smsTo("quiet")).hasSize(1);
        } finally {
            System.clearProperty("aws.region");
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
